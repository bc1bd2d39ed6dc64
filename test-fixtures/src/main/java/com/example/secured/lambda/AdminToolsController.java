package com.example.secured.lambda;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** permitAll() on a sensitive area: CRITICAL even for reads. */
@RestController
@RequestMapping(Routes.BASE + "/admin-tools")
public class AdminToolsController {

    // ruleid: missing-authentication contains: the path segment "admin-tools" marks a sensitive area
    @GetMapping("/stats")
    public Map<String, Long> stats() {
        return Map.of("users", 42L);
    }

    // ruleid: missing-authentication contains: anonymous callers can change state with POST
    @PostMapping("/reindex")
    public void reindex() {
    }
}
