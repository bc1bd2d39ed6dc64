package com.example.shop.dto;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ProductDto(Long id, @NotBlank @Size(max = 120) String name, @Size(max = 2000) String description,
                         @DecimalMin("0.00") BigDecimal price, int stock) {
}
