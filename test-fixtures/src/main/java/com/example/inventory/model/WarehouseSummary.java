package com.example.inventory.model;

public record WarehouseSummary(String code, String name, String city, int skuCount) {
}
