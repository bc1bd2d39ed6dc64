package com.example.secured.lambda;

import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** @Secured without securedEnabled: the role check is silently skipped. */
@RestController
@RequestMapping(Routes.BASE)
public class AuditController {

    // ruleid: method-security-disabled contains: @Secured("ROLE_AUDITOR") on AuditController#report is not enforced
    @Secured("ROLE_AUDITOR")
    @GetMapping("/reports/{reportId}")
    public String report(@PathVariable long reportId) {
        return "";
    }

    // the unenforced annotation leaves the admin endpoint open to every signed-in user
    // ruleid: method-security-disabled
    // ruleid: missing-authorization contains: administrative path segment "admin"
    @Secured("ROLE_ADMIN")
    @GetMapping("/admin/audit-log")
    public List<String> auditLog() {
        return List.of();
    }
}
