package com.example.data.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.persistence.Entity;

/** A note; {@code pinned} and {@code hashtag} are not secrets, {@code shareToken} is hidden by the class. */
@Entity
@JsonIgnoreProperties({"shareToken"})
public class Note extends BaseEntity {

    private String text;

    private boolean pinned;

    private String hashtag;

    private String shareToken;

    private transient String pin;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isPinned() {
        return pinned;
    }

    public String getHashtag() {
        return hashtag;
    }

    public String getShareToken() {
        return shareToken;
    }

    public String getPin() {
        return pin;
    }
}
