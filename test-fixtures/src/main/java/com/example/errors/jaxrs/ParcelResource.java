package com.example.errors.jaxrs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/errors/parcels")
@RolesAllowed("CLERK")
public class ParcelResource {

    private final java.nio.file.Path labels = Paths.get("/var/spool/parcels");

    @GET
    @Path("/{parcelId}")
    @Produces(MediaType.TEXT_PLAIN)
    public String parcel(@PathParam("parcelId") String parcelId) {
        if (!parcelId.matches("[A-Z0-9]{8}")) {
            throw new ParcelNotFoundException(parcelId);
        }
        return parcelId;
    }

    @GET
    @Path("/{parcelId}/label")
    @Produces(MediaType.TEXT_PLAIN)
    public String label(@PathParam("parcelId") String parcelId) {
        try {
            return Files.readString(labels.resolve(parcelId + ".txt"));
        } catch (IOException e) {
            // ruleid: exception-leak contains: as the entity of a thrown WebApplicationException
            throw new WebApplicationException(Response.status(Response.Status.BAD_GATEWAY)
                    .entity("label unavailable: " + e.getMessage()).build());
        }
    }

    @GET
    @Path("/{parcelId}/history")
    @Produces(MediaType.TEXT_PLAIN)
    public String history(@PathParam("parcelId") String parcelId) {
        try {
            return Files.readString(labels.resolve(parcelId + ".log"));
        } catch (IOException e) {
            // ok: exception-leak
            throw new WebApplicationException("history of " + parcelId + " unreadable: " + e.getMessage(), e,
                    Response.Status.SERVICE_UNAVAILABLE);
        }
    }
}
