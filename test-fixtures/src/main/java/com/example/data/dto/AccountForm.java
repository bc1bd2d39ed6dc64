package com.example.data.dto;

import jakarta.validation.constraints.Email;

/** The editable profile fields, plus a role the admin screen also posts. */
public class AccountForm {

    @Email
    private String email;

    private String role;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
