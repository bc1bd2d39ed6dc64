package com.example.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Broken {

    @GetMapping("/broken")
    public String half( {
        return "this file does not parse";
    }
