package com.example.cors.web;

import java.util.List;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A bare class-level @CrossOrigin: Spring's default lets every origin call every handler. */
@RestController
@RequestMapping("/catalog")
// ruleid: permissive-cors contains: @CrossOrigin without origins allows every origin (Spring's default) on CatalogController
@CrossOrigin
public class CatalogController {

    // ruleid: missing-authentication
    @GetMapping
    public List<String> categories() {
        return List.of("books", "music");
    }

    // ruleid: missing-authentication
    @GetMapping("/{category}")
    public List<String> items(@PathVariable String category) {
        return List.of(category + "-1", category + "-2");
    }
}
