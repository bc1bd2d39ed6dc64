package com.example.cors.config;

import java.util.List;

/** Origins bound from configuration (e.g. {@code app.cors.allowed-origins}); values unknown to a static scan. */
public class CorsProperties {

    private List<String> allowedOrigins = List.of();

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String[] allowedOriginArray() {
        return allowedOrigins.toArray(new String[0]);
    }
}
