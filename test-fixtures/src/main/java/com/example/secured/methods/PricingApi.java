package com.example.secured.methods;

import java.math.BigDecimal;

import org.springframework.security.access.prepost.PreAuthorize;

/** Interface-level method security, enforced (prePost is on). */
public interface PricingApi {

    // ok: method-security-disabled
    @PreAuthorize("hasAuthority('pricing:write')")
    void setPrice(String sku, BigDecimal price);
}
