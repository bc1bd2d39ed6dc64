package com.example.bola.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** Reads the user name out of the bearer token (the gateway verified the signature). */
@Component
public class TokenUsers {

    public String userFromToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String payload = header.substring("Bearer ".length()).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return json.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
