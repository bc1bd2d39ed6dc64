package com.example.data.domain;

import jakarta.persistence.Entity;

/** Per-user settings edited through an HTML form. */
@Entity
public class Settings extends BaseEntity {

    private String theme;

    private boolean admin;

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}
