package com.example.errors.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Secures the error-handling demo API and the actuator, whose base path differs per profile: /actuator by
 * default, /monitor in the "monitoring" profile, /manage in the "ops" profile.
 */
@Configuration
public class ErrorsSecurityConfig {

    @Bean
    @Order(5)
    SecurityFilterChain shipmentsAndManagement(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/errors/**", "/actuator/**", "/monitor/**", "/manage/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/monitor/**").permitAll()
                        .requestMatchers("/manage/**").hasRole("OPS")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }
}
