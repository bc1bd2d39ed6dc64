package com.example.api;

import java.util.List;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
public class OrderController {

    // a named origin: nothing to report
    @CrossOrigin(origins = "https://shop.example.com")
    @GetMapping
    public List<String> list() {
        return List.of("o-1", "o-2");
    }
}
