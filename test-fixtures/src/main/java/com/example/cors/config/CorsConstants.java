package com.example.cors.config;

/** Origins shared by the CORS configurations of the sample app. */
public final class CorsConstants {

    /** The web front end. */
    public static final String APP_ORIGIN = "https://app.example.com";

    /** Back office, built from the same domain. */
    public static final String ADMIN_ORIGIN = "https://admin." + CorsConstants.DOMAIN;

    public static final String DOMAIN = "example.com";

    /** Someone's shortcut during a demo, still referenced. */
    public static final String ANY_ORIGIN = "*";

    private CorsConstants() {
    }
}
