package com.example.inventory.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.example.inventory.model.StockItem;
import com.example.inventory.model.Warehouse;

/** Storage of warehouses and stock levels (in memory here; JPA in production). */
public class InventoryStore {

    private final Map<String, Warehouse> warehouses = new ConcurrentHashMap<>();
    private final Map<String, List<StockItem>> stock = new ConcurrentHashMap<>();

    public List<Warehouse> warehouses(String city) {
        return warehouses.values().stream()
                .filter(w -> city == null || city.equalsIgnoreCase(w.getCity()))
                .toList();
    }

    public Optional<Warehouse> warehouse(String code) {
        return Optional.ofNullable(warehouses.get(code));
    }

    public Warehouse save(Warehouse warehouse) {
        warehouses.put(warehouse.getCode(), warehouse);
        return warehouse;
    }

    public void delete(String code) {
        warehouses.remove(code);
        stock.remove(code);
    }

    public List<StockItem> stock(String code) {
        return stock.getOrDefault(code, List.of());
    }

    public Optional<StockItem> item(String code, String sku) {
        return stock(code).stream().filter(i -> i.getSku().equals(sku)).findFirst();
    }

    public StockItem put(StockItem item) {
        List<StockItem> items = stock.computeIfAbsent(item.getWarehouse().getCode(), c -> new ArrayList<>());
        items.removeIf(i -> i.getSku().equals(item.getSku()));
        items.add(item);
        return item;
    }
}
