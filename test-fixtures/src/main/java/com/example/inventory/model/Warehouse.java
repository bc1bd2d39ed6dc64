package com.example.inventory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Warehouse {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    private String city;

    private String managerLogin;

    protected Warehouse() {
    }

    public Warehouse(String code, String name, String city, String managerLogin) {
        this.code = code;
        this.name = name;
        this.city = city;
        this.managerLogin = managerLogin;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getCity() {
        return city;
    }

    public String getManagerLogin() {
        return managerLogin;
    }
}
