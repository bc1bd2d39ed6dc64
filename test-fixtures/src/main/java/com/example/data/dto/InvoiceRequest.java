package com.example.data.dto;

import java.math.BigDecimal;

import jakarta.validation.constraints.Positive;

/** An invoice amendment; {@code status} is there for the back office's own client. */
public class InvoiceRequest {

    @Positive
    private BigDecimal amount;

    private String status;

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
