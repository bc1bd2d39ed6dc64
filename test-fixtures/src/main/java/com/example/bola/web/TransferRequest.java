package com.example.bola.web;

import java.math.BigDecimal;

public record TransferRequest(Long fromWalletId, Long toWalletId, BigDecimal amount) {
}
