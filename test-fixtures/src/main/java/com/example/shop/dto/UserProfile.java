package com.example.shop.dto;

import jakarta.validation.constraints.Email;

public record UserProfile(Long id, String username, @Email String email) {
}
