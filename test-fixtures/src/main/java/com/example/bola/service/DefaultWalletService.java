package com.example.bola.service;

import org.springframework.stereotype.Service;

import com.example.bola.domain.Wallet;
import com.example.bola.domain.WalletRepository;

@Service
class DefaultWalletService implements WalletService {

    private final WalletRepository wallets;
    private final LedgerService ledger;

    DefaultWalletService(WalletRepository wallets, LedgerService ledger) {
        this.wallets = wallets;
        this.ledger = ledger;
    }

    @Override
    public Wallet wallet(Long walletId) {
        return wallets.findById(walletId).orElseThrow(NotFound::new);
    }

    @Override
    public Wallet walletOf(String owner, Long walletId) {
        return wallets.findByIdAndOwner(walletId, owner).orElseThrow(NotFound::new);
    }

    @Override
    public void close(Long walletId) {
        ledger.archive(walletId);
    }

    static class NotFound extends RuntimeException {
    }
}
