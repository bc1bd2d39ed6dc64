package com.example.data.dto;

import com.example.data.domain.UserAccount;

public record AccountView(Long id, String username, String email) {

    public static AccountView of(UserAccount account) {
        return new AccountView(account.getId(), account.getUsername(), account.getEmail());
    }
}
