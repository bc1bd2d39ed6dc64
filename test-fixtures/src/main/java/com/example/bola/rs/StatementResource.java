package com.example.bola.rs;

import java.util.UUID;

import com.example.bola.domain.Statement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Statements over JAX-RS, for signed-in customers. */
@Path("/bola/rs/statements")
@Produces(MediaType.TEXT_PLAIN)
@RolesAllowed("customer")
public class StatementResource {

    private EntityManager em;

    // ruleid: missing-ownership-check contains: 'id' reaches EntityManager.find
    @GET
    @Path("{id}")
    public String get(@PathParam("id") UUID id) {
        return em.find(Statement.class, id).getPdfUrl();
    }

    // ok: missing-ownership-check
    @GET
    @Path("{id}/checked")
    public String checked(@PathParam("id") UUID id, @Context SecurityContext security) {
        Statement statement = em.find(Statement.class, id);
        if (!statement.getCustomerId().equals(security.getUserPrincipal().getName())) {
            throw new ForbiddenException();
        }
        return statement.getPdfUrl();
    }
}
