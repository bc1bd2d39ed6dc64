package com.example.secured.lambda;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Behind hasRole("ADMIN"): neither rule applies. */
@RestController
@RequestMapping(Routes.BASE + "/management")
public class ManagementController {

    // ok: missing-authorization
    // ok: missing-authentication
    @GetMapping("/settings")
    public Map<String, String> settings() {
        return Map.of();
    }

    // ok: missing-authorization
    @DeleteMapping("/users/{userId}")
    public void deleteUser(@PathVariable long userId) {
    }
}
