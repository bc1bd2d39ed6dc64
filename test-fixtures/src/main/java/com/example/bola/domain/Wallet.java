package com.example.bola.domain;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A customer's wallet: it belongs to its owner. */
@Entity
public class Wallet {

    @Id
    @GeneratedValue
    private Long id;

    private String owner;

    private BigDecimal balance = BigDecimal.ZERO;

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public void credit(BigDecimal amount) {
        balance = balance.add(amount);
    }
}
