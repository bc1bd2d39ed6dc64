package com.example.inventory.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.example.inventory.model.StockItem;
import com.example.inventory.service.InventoryStore;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read-only reports for the planning team. */
@Path("/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed("planner")
public class ReportResource {

    private final InventoryStore store;

    public ReportResource(InventoryStore store) {
        this.store = store;
    }

    // ruleid: entity-exposure
    @GET
    @Path("/low-stock/{warehouse}")
    public List<StockItem> lowStock(@PathParam("warehouse") String warehouse,
                                    @QueryParam("threshold") @DefaultValue("10") int threshold) {
        return store.stock(warehouse).stream().filter(i -> i.getQuantity() < threshold).toList();
    }

    // ruleid: missing-authentication contains: @PermitAll
    @GET
    @Path("/status")
    @PermitAll
    public Map<String, Object> status(@QueryParam("asOf") String asOf) {
        LocalDate day = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
        return Map.of("asOf", day.toString(), "warehouses", store.warehouses(null).size());
    }
}
