package com.example.api;

/** What a customer sees of an order: a response DTO, not a persistent entity. */
public record OrderSummary(String number, String status, String total) {
}
