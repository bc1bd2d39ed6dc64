package com.example.data.domain;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

@Entity
public class Invoice extends BaseEntity {

    @ManyToOne(optional = false)
    private UserAccount customer;

    private BigDecimal amount;

    private String status = "OPEN";

    protected Invoice() {
    }

    public Invoice(UserAccount customer, BigDecimal amount) {
        this.customer = customer;
        this.amount = amount;
    }

    public UserAccount getCustomer() {
        return customer;
    }

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
