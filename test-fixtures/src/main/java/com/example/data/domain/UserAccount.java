package com.example.data.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "accounts")
public class UserAccount extends BaseEntity {

    @JsonView(Views.Public.class)
    @Column(nullable = false, unique = true)
    private String username;

    @JsonView(Views.Public.class)
    private String email;

    private String passwordHash;

    /** Hidden from JSON: never serialized, never bound. */
    @JsonIgnore
    private String apiKey;

    /** Accepted on sign-up, never written back. */
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    private String resetToken;

    private String role = "USER";

    private boolean enabled = true;

    private boolean pinned;

    @Embedded
    private Address address;

    protected UserAccount() {
    }

    public UserAccount(String username, String email, String passwordHash) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getApiKey() {
        return apiKey;
    }

    public String getResetToken() {
        return resetToken;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }
}
