package com.example.secured.methods;

import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Class-level @Secured without securedEnabled: every method is open. */
// ruleid: method-security-disabled contains: @Secured("ROLE_AUDITOR") on ReportArchive is not enforced: @EnableMethodSecurity
@Service
@Secured("ROLE_AUDITOR")
public class ReportArchive {

    public List<String> list() {
        return List.of();
    }

    public void purge() {
    }
}
