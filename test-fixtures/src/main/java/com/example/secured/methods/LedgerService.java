package com.example.secured.methods;

import org.springframework.stereotype.Service;

/** Uses the meta-annotation only: the file never names @Secured itself. */
@Service
public class LedgerService {

    // ruleid: method-security-disabled contains: @AuditorsOnly (carries @Secured("ROLE_AUDITOR")) on LedgerService#closePeriod is not enforced
    @AuditorsOnly
    public void closePeriod(int year, int month) {
    }

    // ok: method-security-disabled
    @IsAdmin
    public void reopenPeriod(int year, int month) {
    }
}
