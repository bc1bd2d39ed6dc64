package com.example.jaxrs.secured;

import java.util.List;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Class-level roles with method overrides. The JAX-RS container enforces @RolesAllowed itself, so these are
 * not method-security-disabled findings even though the fixture tree also holds Spring Security apps.
 */
// ok: method-security-disabled
@Path("/lab/samples")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("technician")
public class LabSampleResource {

    // ok: missing-authentication
    @GET
    public List<String> list() {
        return List.of();
    }

    // the method-level @PermitAll overrides the class roles
    // ruleid: missing-authentication contains: /lab/samples/{sampleId}/label is reachable without authentication
    @GET
    @Path("/{sampleId}/label")
    @PermitAll
    public String label(@PathParam("sampleId") String sampleId) {
        return sampleId;
    }

    // ok: missing-authentication
    // ok: method-security-disabled
    @DELETE
    @Path("/{sampleId}")
    @RolesAllowed("lab-admin")
    public void discard(@PathParam("sampleId") String sampleId) {
    }

    // ok: missing-authentication
    @POST
    @Path("/{sampleId}/dispose")
    @DenyAll
    public void dispose(@PathParam("sampleId") String sampleId) {
    }
}
