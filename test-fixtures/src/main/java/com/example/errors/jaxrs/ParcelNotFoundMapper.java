package com.example.errors.jaxrs;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** "Parcel X not found" is written by the project: fine to return. */
@Provider
public class ParcelNotFoundMapper implements ExceptionMapper<ParcelNotFoundException> {

    @Override
    public Response toResponse(ParcelNotFoundException exception) {
        // ok: exception-leak
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", exception.getMessage()))
                .build();
    }
}
