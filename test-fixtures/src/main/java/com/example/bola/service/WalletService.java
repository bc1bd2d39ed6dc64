package com.example.bola.service;

import com.example.bola.domain.Wallet;

public interface WalletService {

    Wallet wallet(Long walletId);

    Wallet walletOf(String owner, Long walletId);

    void close(Long walletId);
}
