package com.example.secured.methods;

import java.util.List;

import org.springframework.stereotype.Component;

// ruleid: method-security-disabled contains: @AuditorsOnly (carries @Secured("ROLE_AUDITOR")) on AuditTrail is not enforced
@Component
@AuditorsOnly
public class AuditTrail {

    public List<String> entries() {
        return List.of();
    }
}
