package com.example.shop.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What a customer sends to place an order. */
public record OrderRequest(@NotNull Long productId, @Min(1) @Max(100) int quantity) {
}
