package com.example.inventory.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

public record Supplier(long id, @NotBlank String name, @Email String contactEmail, String iban) {
}
