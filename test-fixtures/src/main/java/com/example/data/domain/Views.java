package com.example.data.domain;

/** Jackson views of the account entity. */
public final class Views {

    private Views() {
    }

    public interface Public {
    }
}
