package com.example.data.domain;

import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

    private String street;

    private String city;

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }
}
