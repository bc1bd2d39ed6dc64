package com.example.inventory.api;

import java.net.URI;
import java.util.List;

import com.example.inventory.model.Warehouse;
import com.example.inventory.model.WarehouseSummary;
import com.example.inventory.service.InventoryStore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** Warehouses, and their stock through a sub-resource. */
@Path("/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clerk", "manager"})
public class WarehouseResource {

    private final InventoryStore store;

    public WarehouseResource(InventoryStore store) {
        this.store = store;
    }

    // ok: entity-exposure
    @GET
    public List<WarehouseSummary> list(@QueryParam("city") String city) {
        return store.warehouses(city).stream()
                .map(w -> new WarehouseSummary(w.getCode(), w.getName(), w.getCity(),
                        store.stock(w.getCode()).size()))
                .toList();
    }

    // ruleid: entity-exposure
    @GET
    @Path("{code}")
    public Warehouse get(@PathParam("code") String code) {
        return store.warehouse(code).orElseThrow(NotFoundException::new);
    }

    // ruleid: entity-exposure contains: Response.created(location).entity(saved).build()
    // ruleid: mass-assignment
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("manager")
    public Response create(@Valid Warehouse warehouse, @Context UriInfo uriInfo,
                           @Context SecurityContext security) {
        Warehouse saved = store.save(new Warehouse(warehouse.getCode(), warehouse.getName(), warehouse.getCity(),
                security.getUserPrincipal().getName()));
        URI location = uriInfo.getAbsolutePathBuilder().path(saved.getCode()).build();
        return Response.created(location).entity(saved).build();
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed("admin")
    public void delete(@PathParam("code") String code) {
        store.delete(code);
    }

    /** Sub-resource locator: {@code /warehouses/{code}/stock/...} is served by {@link StockResource}. */
    @Path("{code}/stock")
    public StockResource stock(@PathParam("code") String code, @Context SecurityContext security) {
        Warehouse warehouse = store.warehouse(code).orElseThrow(NotFoundException::new);
        return new StockResource(store, warehouse, security);
    }
}
