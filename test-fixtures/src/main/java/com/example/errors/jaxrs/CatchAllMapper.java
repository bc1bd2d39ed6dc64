package com.example.errors.jaxrs;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Everything nobody else maps. */
@Provider
public class CatchAllMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        // ruleid: exception-leak contains: ExceptionMapper CatchAllMapper.toResponse sends the message of Throwable (exception.getMessage())
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "internal error", "detail", exception.getMessage()))
                .build();
    }
}
