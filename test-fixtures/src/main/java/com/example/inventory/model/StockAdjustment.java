package com.example.inventory.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A delta applied to a stock level, with the reason for the audit trail. */
public record StockAdjustment(@Min(-10_000) @Max(10_000) int delta, @NotBlank String reason) {
}
