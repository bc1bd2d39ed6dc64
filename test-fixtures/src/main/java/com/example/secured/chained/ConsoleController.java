package com.example.secured.chained;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/secured/chained")
public class ConsoleController {

    // ok: missing-authentication
    @GetMapping("/login")
    public String loginPage() {
        return "login";
    }

    // ruleid: missing-authentication contains: GET /secured/chained/config/flags is reachable without authentication: requestMatchers("/secured/chained/config/**").permitAll()
    @GetMapping("/config/flags")
    public Map<String, Boolean> flags() {
        return Map.of();
    }

    // ruleid: missing-authentication contains: authorizeRequests() lets unmatched requests through
    @GetMapping("/reports/weekly")
    public List<String> weekly() {
        return List.of();
    }

    // ruleid: missing-authentication contains: ignored by Spring Security: web.ignoring()
    @GetMapping("/debug/threads")
    public List<String> threads() {
        return List.of();
    }

    // ok: missing-authentication
    @GetMapping("/static/{file}")
    public String asset(@PathVariable String file) {
        return file;
    }

    // ok: missing-authentication
    // ok: missing-authorization
    @GetMapping("/admin/stats")
    public Map<String, Long> stats() {
        return Map.of();
    }

    // ok: missing-authorization
    @PostMapping("/accounts/{accountId}/statements")
    public void requestStatement(@PathVariable long accountId) {
    }

    // ruleid: missing-authorization contains: DELETE on a member of the accounts collection
    @DeleteMapping("/accounts/{accountId}")
    public void close(@PathVariable long accountId) {
    }
}
