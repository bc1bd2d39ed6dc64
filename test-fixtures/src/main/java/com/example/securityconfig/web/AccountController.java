package com.example.securityconfig.web;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController implements AccountApi {

    @Override
    public String close(@PathVariable("id") long id) {
        return "closed " + id;
    }
}
