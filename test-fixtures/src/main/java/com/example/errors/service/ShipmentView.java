package com.example.errors.service;

import java.math.BigDecimal;

public record ShipmentView(String id, String carrier, String status, BigDecimal price) {
}
