package com.example.a;

import java.util.List;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@CrossOrigin(origins = "*")
public class CatalogController {

    @GetMapping("/catalog")
    public List<String> catalog() {
        return List.of("book");
    }
}
