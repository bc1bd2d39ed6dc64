package com.example.secured.methods;

import org.springframework.stereotype.Service;

@Service
public class BillingService implements BillingOperations {

    // ok: method-security-disabled
    @Override
    public void refund(long invoiceId) {
    }

    @Override
    public void preview(long invoiceId) {
    }
}
