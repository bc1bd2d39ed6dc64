package com.example.bola.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A monthly statement, stored with the id of the customer it belongs to. */
@Entity
public class Statement {

    @Id
    private UUID id;

    private String customerId;

    private String pdfUrl;

    public UUID getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getPdfUrl() {
        return pdfUrl;
    }
}
