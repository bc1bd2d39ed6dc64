package com.example.data.dto;

/** Spring Data interface projection: only these properties are read and serialized. */
public interface AccountSummary {

    String getUsername();

    String getEmail();
}
