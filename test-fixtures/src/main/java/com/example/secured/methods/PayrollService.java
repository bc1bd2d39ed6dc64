package com.example.secured.methods;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** JSR-250 annotations on a Spring bean: Spring enforces them only with jsr250Enabled = true. */
@Service
public class PayrollService {

    // ruleid: method-security-disabled contains: @RolesAllowed("PAYROLL") on PayrollService#run is not enforced: @EnableMethodSecurity
    @RolesAllowed("PAYROLL")
    public void run(int month) {
    }

    // ruleid: method-security-disabled contains: @DenyAll on PayrollService#wipe is not enforced
    @DenyAll
    public void wipe() {
    }

    // not enforcing @PermitAll changes nothing
    // ok: method-security-disabled
    @PermitAll
    public String calendar() {
        return "";
    }

    // only the unenforced one is reported
    // ruleid: method-security-disabled contains: @Secured("ROLE_PAYROLL") on PayrollService#approve is not enforced
    @PreAuthorize("hasRole('PAYROLL')")
    @Secured("ROLE_PAYROLL")
    public void approve(long runId) {
    }
}
