package com.example.shop.dto;

import com.example.shop.domain.OrderStatus;

import jakarta.validation.constraints.NotNull;

public record StatusUpdate(@NotNull OrderStatus status, String reason) {
}
