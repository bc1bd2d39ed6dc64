package com.example.cors.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Reflects the request's Origin and allows credentials. */
@Provider
public class CredentialedCorsFilter implements ContainerResponseFilter {

    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        // ruleid: permissive-cors contains: together with Access-Control-Allow-Credentials: true
        responseContext.getHeaders().putSingle(ALLOW_ORIGIN, requestContext.getHeaderString("Origin"));
        responseContext.getHeaders().putSingle("Access-Control-Allow-Credentials", "true");
    }
}
