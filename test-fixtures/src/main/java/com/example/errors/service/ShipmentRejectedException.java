package com.example.errors.service;

/** Wraps a carrier failure; its message repeats the carrier's (library) message. */
public class ShipmentRejectedException extends RuntimeException {

    public ShipmentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
