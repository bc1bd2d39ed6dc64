package com.example.bola.web;

import java.math.BigDecimal;

import com.example.bola.domain.Wallet;

public record WalletView(Long id, BigDecimal balance) {

    public static WalletView of(Wallet wallet) {
        return new WalletView(wallet.getId(), wallet.getBalance());
    }
}
