package com.example.api;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {

    @CrossOrigin(origins = "*", allowCredentials = "true")
    @GetMapping("/account")
    public String account() {
        return "me";
    }
}
