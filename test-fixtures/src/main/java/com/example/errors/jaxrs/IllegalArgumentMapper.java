package com.example.errors.jaxrs;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
        String detail = exception.getLocalizedMessage();
        // ruleid: exception-leak contains: the message of IllegalArgumentException is not written by this project
        return Response.status(Response.Status.BAD_REQUEST).entity(detail).build();
    }
}
