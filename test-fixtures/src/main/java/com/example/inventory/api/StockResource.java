package com.example.inventory.api;

import java.util.List;

import com.example.inventory.model.StockAdjustment;
import com.example.inventory.model.StockItem;
import com.example.inventory.model.Warehouse;
import com.example.inventory.service.InventoryStore;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Stock levels of one warehouse; reached through {@link WarehouseResource#stock}, so it has no class @Path. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    private final InventoryStore store;
    private final Warehouse warehouse;
    private final SecurityContext security;

    StockResource(InventoryStore store, Warehouse warehouse, SecurityContext security) {
        this.store = store;
        this.warehouse = warehouse;
        this.security = security;
    }

    // ruleid: missing-authentication
    // ruleid: entity-exposure
    @GET
    public List<StockItem> all() {
        return store.stock(warehouse.getCode());
    }

    // ruleid: missing-authentication
    // ruleid: entity-exposure
    @GET
    @Path("{sku}")
    public StockItem item(@PathParam("sku") String sku) {
        return store.item(warehouse.getCode(), sku).orElseThrow(NotFoundException::new);
    }

    // ruleid: entity-exposure
    // ruleid: mass-assignment contains: parameter 'item'
    @PUT
    @Path("{sku}")
    public StockItem set(@PathParam("sku") String sku, @Valid StockItem item) {
        requireManagerOfThisWarehouse();
        return store.put(new StockItem(warehouse, sku, item.getQuantity()));
    }

    // ruleid: missing-authentication
    // ruleid: entity-exposure
    @PATCH
    @Path("{sku}")
    public StockItem adjust(@PathParam("sku") String sku, @Valid StockAdjustment adjustment) {
        StockItem item = store.item(warehouse.getCode(), sku).orElseThrow(NotFoundException::new);
        item.setQuantity(item.getQuantity() + adjustment.delta());
        return store.put(item);
    }

    private void requireManagerOfThisWarehouse() {
        if (!security.isUserInRole("manager")
                || !security.getUserPrincipal().getName().equals(warehouse.getManagerLogin())) {
            throw new ForbiddenException();
        }
    }
}
