package com.example.shop.dto;

import java.math.BigDecimal;
import java.time.Instant;

import com.example.shop.domain.Order;
import com.example.shop.domain.OrderStatus;

public record OrderResponse(Long id, Long productId, int quantity, BigDecimal total, OrderStatus status,
                            Instant createdAt) {

    public static OrderResponse of(Order order) {
        return new OrderResponse(order.getId(), order.getProduct().getId(), order.getQuantity(), order.getTotal(),
                order.getStatus(), order.getCreatedAt());
    }
}
