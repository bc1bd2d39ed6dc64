package com.example.bola.service;

import org.springframework.stereotype.Service;

import com.example.bola.domain.WalletRepository;

/** Second service on the path: closing a wallet archives its ledger, then deletes it. */
@Service
public class LedgerService {

    private final WalletRepository wallets;
    private final AuditTrail audit;

    LedgerService(WalletRepository wallets, AuditTrail audit) {
        this.wallets = wallets;
        this.audit = audit;
    }

    void archive(Long walletId) {
        audit.record("archive", walletId);
        wallets.deleteById(walletId);
    }
}
