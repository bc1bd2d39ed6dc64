package com.example.shop.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;

import com.example.shop.domain.Customer;
import com.example.shop.dto.UserProfile;
import com.example.shop.repository.CustomerRepository;
import com.example.shop.service.NotFoundException;

import jakarta.validation.Valid;

/** The signed-in user's profile; mapped below {@code /api} by the {@link ApiController} stereotype. */
@ApiController
public class UserController {

    private final CustomerRepository customers;

    public UserController(CustomerRepository customers) {
        this.customers = customers;
    }

    // ok: entity-exposure
    @GetMapping("/users/me")
    public UserProfile me(Principal principal) {
        Customer c = current(principal);
        return new UserProfile(c.getId(), c.getUsername(), c.getEmail());
    }

    // ok: missing-authorization
    // ok: mass-assignment
    @PatchMapping(path = "/users/me", consumes = "application/json")
    public UserProfile updateMe(Principal principal, @Valid @RequestBody UserProfile update) {
        Customer c = current(principal);
        c.setEmail(update.email());
        customers.save(c);
        return new UserProfile(c.getId(), c.getUsername(), c.getEmail());
    }

    // ok: missing-authentication
    @GetMapping("/health")
    public String health() {
        return "ok";
    }

    private Customer current(Principal principal) {
        return customers.findByUsername(principal.getName())
                .orElseThrow(() -> new NotFoundException("customer", principal.getName()));
    }
}
