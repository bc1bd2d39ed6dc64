package com.example.inventory.api;

import java.util.List;

import com.example.inventory.model.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Supplier API contract, CXF style: the interface carries every JAX-RS annotation (it is shared with the generated
 * client), {@link SupplierService} implements it without annotations.
 */
@Path("/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SupplierApi {

    @GET
    List<Supplier> list(@QueryParam("page") @DefaultValue("0") int page,
                        @QueryParam("size") @DefaultValue("50") int size);

    @GET
    @Path("/{id}")
    Supplier get(@PathParam("id") long id);

    @POST
    @RolesAllowed("purchasing")
    Supplier create(@Valid Supplier supplier, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @PUT
    @Path("/{id}")
    @RolesAllowed("purchasing")
    Supplier update(@PathParam("id") long id, @Valid Supplier supplier);

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    void delete(@PathParam("id") long id);
}
