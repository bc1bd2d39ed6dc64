package com.example.inventory;

import java.util.Set;

import com.example.inventory.api.ReportResource;
import com.example.inventory.api.SupplierService;
import com.example.inventory.api.WarehouseResource;
import com.example.inventory.errors.NotFoundMapper;
import com.example.inventory.errors.ValidationMapper;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS application of the inventory service: every resource lives below {@code /inventory}. */
@ApplicationPath("/inventory")
public class InventoryApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WarehouseResource.class, SupplierService.class, ReportResource.class, NotFoundMapper.class,
                ValidationMapper.class);
    }
}
