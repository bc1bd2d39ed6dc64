package com.example.errors.jaxrs;

/** A parcel id that does not exist; messages are written here. */
public class ParcelNotFoundException extends RuntimeException {

    public ParcelNotFoundException(String parcelId) {
        super("Parcel " + parcelId + " not found");
    }
}
