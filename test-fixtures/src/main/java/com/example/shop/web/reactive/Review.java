package com.example.shop.web.reactive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Review(String id, long productId, String author, @Min(1) @Max(5) int stars,
                     @NotBlank @Size(max = 4000) String text) {
}
