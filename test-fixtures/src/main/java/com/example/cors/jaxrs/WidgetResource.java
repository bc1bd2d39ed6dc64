package com.example.cors.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.example.cors.config.CorsConstants;

@Path("/widgets")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {

    // ruleid: missing-authentication
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id, @HeaderParam("Origin") String origin) {
        // ruleid: permissive-cors contains: echoes the request's Origin header
        return Response.ok("{\"id\":\"" + id + "\"}").header("Access-Control-Allow-Origin", origin).build();
    }

    // ruleid: missing-authentication
    @GET
    public Response list() {
        // ok: permissive-cors
        return Response.ok("[]").header("Access-Control-Allow-Origin", CorsConstants.APP_ORIGIN).build();
    }
}
