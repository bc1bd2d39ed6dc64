package com.example.errors.service;

/** Thrown with messages the shipment service writes itself ("Shipment 42 not found"). */
public class ShipmentNotFoundException extends RuntimeException {

    public ShipmentNotFoundException(String message) {
        super(message);
    }
}
