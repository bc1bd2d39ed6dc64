package com.example.cors.servlet;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

import com.example.cors.config.CorsConstants;

/** Echoes the Origin only after an allow-list check; plus a few header forms for comparison. */
public class AllowListCorsFilter implements Filter {

    private static final Set<String> ALLOWED_ORIGINS = Set.of(CorsConstants.APP_ORIGIN, CorsConstants.ADMIN_ORIGIN);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && ALLOWED_ORIGINS.contains(origin)) {
            // ok: permissive-cors
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        chain.doFilter(req, res);
    }

    /** Used for the public status page. */
    void publicHeaders(HttpServletResponse response) {
        // ruleid: permissive-cors contains: any web site can read the responses
        response.addHeader("Access-Control-Allow-Origin", "*");
    }

    /** A misguided attempt to support file:// pages. */
    void localFileHeaders(HttpServletResponse response) {
        // ruleid: permissive-cors contains: "null"
        response.setHeader("Access-Control-Allow-Origin", "null");
    }

    /** The origin comes from a lookup the scan cannot follow: not reported. */
    void tenantHeaders(HttpServletRequest request, HttpServletResponse response) {
        String tenantOrigin = lookupTenantOrigin(request.getServerName());
        // ok: permissive-cors
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, tenantOrigin);
    }

    private String lookupTenantOrigin(String serverName) {
        return "https://" + serverName;
    }
}
