package com.example.secured.nosecurity;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small app without any security: no Spring Security, no role annotations, no web.xml. Scanned on its own,
 * apisec says the project has no authentication at all; inside the fixture tree no filter chain matches it.
 */
@RestController
@RequestMapping("/secured/open/guestbook")
public class GuestbookController {

    // ruleid: missing-authentication
    @GetMapping
    public List<String> entries() {
        return List.of();
    }

    // ruleid: missing-authentication
    @PostMapping
    public String sign(@RequestBody String entry) {
        return entry;
    }

    // ruleid: missing-authentication
    @DeleteMapping("/{entryId}")
    public void remove(@PathVariable long entryId) {
    }

    // ok: missing-authentication
    @GetMapping("/health")
    public String health() {
        return "UP";
    }
}
