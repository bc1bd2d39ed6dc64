package com.example.secured.lambda;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User management behind anyRequest().authenticated() only: every employee can manage every account. */
@RestController
@RequestMapping(Routes.BASE + "/users")
public class UserAdminController {

    // ok: missing-authorization
    @GetMapping("/{userId}")
    public Map<String, String> get(@PathVariable long userId) {
        return Map.of();
    }

    // ruleid: missing-authorization contains: POST /secured/lambda/users is privileged (POST on the users collection) but any authenticated user can call it: anyRequest().authenticated() (LambdaSecurityConfig.java:38)
    @PostMapping
    public Map<String, String> create(@RequestBody Map<String, String> user) {
        return user;
    }

    // ruleid: missing-authorization contains: (DELETE on a member of the users collection)
    @DeleteMapping("/{userId}")
    public void delete(@PathVariable long userId) {
    }

    // ruleid: missing-authorization contains: manages access rights: path segment "roles"
    @PutMapping("/{userId}/roles")
    public void setRoles(@PathVariable long userId, @RequestBody List<String> roles) {
    }

    // ok: missing-authorization
    @GetMapping("/me")
    public Map<String, String> me() {
        return Map.of();
    }

    // ok: missing-authorization
    @PatchMapping("/me/profile")
    public void updateMyProfile(@RequestBody Map<String, String> changes) {
    }
}
