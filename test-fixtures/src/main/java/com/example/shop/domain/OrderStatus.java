package com.example.shop.domain;

public enum OrderStatus {
    NEW,
    PAID,
    SHIPPED,
    CANCELLED
}
