package com.example.inventory.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import com.example.inventory.model.Supplier;

import jakarta.ws.rs.NotFoundException;

/** Implementation of {@link SupplierApi}; the JAX-RS annotations are inherited from the interface. */
public class SupplierService implements SupplierApi {

    private final Map<Long, Supplier> suppliers = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong();

    // ruleid: missing-authentication
    @Override
    public synchronized List<Supplier> list(int page, int size) {
        return suppliers.values().stream().skip((long) page * size).limit(size).toList();
    }

    // ruleid: missing-authentication
    @Override
    public synchronized Supplier get(long id) {
        Supplier s = suppliers.get(id);
        if (s == null) {
            throw new NotFoundException("supplier " + id);
        }
        return s;
    }

    @Override
    public synchronized Supplier create(Supplier supplier, String idempotencyKey) {
        Supplier stored = new Supplier(ids.incrementAndGet(), supplier.name(), supplier.contactEmail(),
                supplier.iban());
        suppliers.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Supplier update(long id, Supplier supplier) {
        get(id);
        Supplier stored = new Supplier(id, supplier.name(), supplier.contactEmail(), supplier.iban());
        suppliers.put(id, stored);
        return stored;
    }

    @Override
    public synchronized void delete(long id) {
        suppliers.remove(id);
    }
}
