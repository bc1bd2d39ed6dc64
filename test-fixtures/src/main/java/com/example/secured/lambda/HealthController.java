package com.example.secured.lambda;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class HealthController {

    // ok: missing-authentication
    @GetMapping(Routes.BASE + "/health")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }

    // ok: missing-authentication
    @GetMapping(Routes.BASE + "/api-docs/openapi.json")
    public String openApi() {
        return "{}";
    }
}
