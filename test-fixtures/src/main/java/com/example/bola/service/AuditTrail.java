package com.example.bola.service;

import java.util.logging.Logger;

import org.springframework.stereotype.Component;

/** Only logs: a reference that reaches it reaches no data. Recursive on purpose (the analysis must stop). */
@Component
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    public void record(String action, Long walletId) {
        LOG.info(action + " " + walletId);
        if (walletId != null && walletId < 0) {
            record(action, -walletId);
        }
    }
}
