package com.example.secured.lambda;

/** Route prefixes of the back-office API. */
public final class Routes {

    public static final String BASE = "/secured/lambda";
    public static final String CATALOG = BASE + "/catalog";

    private Routes() {
    }
}
