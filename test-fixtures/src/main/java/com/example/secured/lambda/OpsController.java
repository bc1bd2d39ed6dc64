package com.example.secured.lambda;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(Routes.BASE + "/internal")
public class OpsController {

    // ok: missing-authorization
    // ok: method-security-disabled
    @PreAuthorize("hasRole('OPS')")
    @PostMapping("/cache/flush")
    public void flushCache() {
    }

    // ruleid: missing-authorization contains: @PreAuthorize("isAuthenticated()")
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/search/reindex")
    public void reindex() {
    }

    // programmatic check: apisec cannot judge it, so no finding
    // ok: missing-authorization
    @PostMapping("/jobs/{jobId}/retry")
    public void retry(@PathVariable String jobId, HttpServletRequest request) {
        if (!request.isUserInRole("OPS")) {
            throw new AccessDeniedException("ops only");
        }
    }
}
