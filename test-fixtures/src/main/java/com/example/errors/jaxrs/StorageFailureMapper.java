package com.example.errors.jaxrs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Meant for debugging, left in production. */
@Provider
public class StorageFailureMapper implements ExceptionMapper<UncheckedIOException> {

    @Override
    public Response toResponse(UncheckedIOException exception) {
        StringWriter trace = new StringWriter();
        PrintWriter out = new PrintWriter(trace);
        exception.printStackTrace(out);
        out.flush();
        // ruleid: exception-leak contains: ExceptionMapper StorageFailureMapper.toResponse sends the stack trace
        return Response.serverError().entity(trace.toString()).build();
    }
}
