package com.example.bola.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Reference data shared by everyone: no owner, nothing to check ownership against. */
@Entity
public class Currency {

    @Id
    private String code;

    private String name;

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
