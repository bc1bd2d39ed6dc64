package com.example.inventory.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

@Entity
public class StockItem {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private Warehouse warehouse;

    private String sku;

    private int quantity;

    private int reorderLevel;

    @Version
    private long version;

    protected StockItem() {
    }

    public StockItem(Warehouse warehouse, String sku, int quantity) {
        this.warehouse = warehouse;
        this.sku = sku;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public Warehouse getWarehouse() {
        return warehouse;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public int getReorderLevel() {
        return reorderLevel;
    }

    public void setReorderLevel(int reorderLevel) {
        this.reorderLevel = reorderLevel;
    }
}
