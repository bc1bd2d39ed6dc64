package com.example.secured.lambda;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads are permitAll() for GET only; writes fall through to anyRequest().authenticated(). */
@RestController
@RequestMapping(Routes.CATALOG)
public class CatalogController {

    // ruleid: missing-authentication contains: GET /secured/lambda/catalog/items is reachable without authentication: requestMatchers(HttpMethod.GET, Routes.CATALOG + "/**").permitAll() (LambdaSecurityConfig.java:32)
    @GetMapping("/items")
    public List<String> items() {
        return List.of();
    }

    // ruleid: missing-authentication
    @GetMapping("/items/{sku}")
    public String item(@PathVariable String sku) {
        return sku;
    }

    // ok: missing-authentication
    @PostMapping("/items")
    public String add(@RequestBody String item) {
        return item;
    }
}
