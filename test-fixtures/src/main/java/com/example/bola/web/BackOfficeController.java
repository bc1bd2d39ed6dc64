package com.example.bola.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.bola.domain.Currency;
import com.example.bola.domain.CurrencyRepository;
import com.example.bola.domain.Statement;
import com.example.bola.domain.WalletRepository;

import jakarta.persistence.EntityManager;

@RestController
public class BackOfficeController {

    private final WalletRepository wallets;
    private final CurrencyRepository currencies;
    private final EntityManager em;

    public BackOfficeController(WalletRepository wallets, CurrencyRepository currencies, EntityManager em) {
        this.wallets = wallets;
        this.currencies = currencies;
        this.em = em;
    }

    /** Administrators may look at any wallet. */
    // ok: missing-ownership-check
    @GetMapping("/bola/back-office/wallets/{id}")
    public WalletView anyWallet(@PathVariable Long id) {
        return WalletView.of(wallets.findById(id).orElseThrow());
    }

    /** Reference data: no owner. */
    // ok: missing-ownership-check
    @GetMapping("/bola/currencies/{code}")
    public String currency(@PathVariable String code) {
        return currencies.findById(code).map(Currency::getName).orElseThrow();
    }

    // ruleid: missing-ownership-check contains: 'statementId' reaches EntityManager.find
    @GetMapping("/bola/statements/{statementId}")
    public String statement(@PathVariable UUID statementId) {
        return em.find(Statement.class, statementId).getPdfUrl();
    }
}
