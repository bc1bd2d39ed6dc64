package com.example.secured.methods;

import org.springframework.security.access.annotation.Secured;

/** Type-level @Secured on an interface. */
// ruleid: method-security-disabled contains: @Secured({"ROLE_ADMIN", "ROLE_EXPORT"}) on ExportOperations is not enforced
@Secured({"ROLE_ADMIN", "ROLE_EXPORT"})
public interface ExportOperations {

    byte[] exportAll();
}
