package com.example.bola.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
public class BolaSecurityConfig {

    @Bean
    @Order(60)
    SecurityFilterChain bolaChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/bola/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/bola/back-office/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }
}
