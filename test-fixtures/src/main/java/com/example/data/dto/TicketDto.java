package com.example.data.dto;

public record TicketDto(Long id, String title, String status) {
}
