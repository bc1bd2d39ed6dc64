package com.example.data.domain;

import java.time.Instant;

/** Stored through {@code AuditEntryRepository}; no mapping annotation (a key-value store maps it by convention). */
public class AuditEntry {

    private String id;

    private String actor;

    private String action;

    private Instant at;

    public String getId() {
        return id;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public Instant getAt() {
        return at;
    }
}
