package com.example.secured.lambda;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Everything below /auth is permitAll(): right for the login flow, wrong for session management. */
@RestController
@RequestMapping(Routes.BASE + "/auth")
public class AuthController {

    // ok: missing-authentication
    @PostMapping("/login")
    public Map<String, String> login(@RequestBody Map<String, String> credentials) {
        return Map.of("token", "t");
    }

    // ok: missing-authentication
    @PostMapping("/token/refresh")
    public Map<String, String> refresh(@RequestBody Map<String, String> body) {
        return Map.of("token", "t2");
    }

    // ok: missing-authentication
    @PostMapping("/password-reset")
    public void requestPasswordReset(@RequestBody Map<String, String> body) {
    }

    // ok: missing-authentication
    @PostMapping("/signup")
    public void signUp(@RequestBody Map<String, String> body) {
    }

    // ruleid: missing-authentication contains: DELETE /secured/lambda/auth/sessions/{sessionId} is reachable without authentication: requestMatchers(Routes.BASE + "/auth/**").permitAll() (LambdaSecurityConfig.java:30); anonymous callers can change state with DELETE
    @DeleteMapping("/sessions/{sessionId}")
    public void revoke(@PathVariable String sessionId) {
    }
}
