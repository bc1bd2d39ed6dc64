package com.example.api;

public class Broken {
    public String half( {
        return "this file does not parse";
    }
