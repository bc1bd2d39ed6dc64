package com.example.secured.methods;

import org.springframework.security.access.annotation.Secured;

/** Interface method with @Secured: Spring would honour it on the implementation, if securedEnabled were on. */
public interface BillingOperations {

    // ruleid: method-security-disabled contains: @Secured("ROLE_BILLING") on BillingOperations#refund is not enforced
    @Secured("ROLE_BILLING")
    void refund(long invoiceId);

    // ok: method-security-disabled
    void preview(long invoiceId);
}
