package com.example.errors.service;

/** The carrier API could not be reached; the message is the cause's toString(). */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(Throwable cause) {
        super(cause);
    }
}
