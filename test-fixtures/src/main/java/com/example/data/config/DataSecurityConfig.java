package com.example.data.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Every data-app endpoint requires a signed-in user; admin screens require ADMIN. */
@Configuration
public class DataSecurityConfig {

    @Bean
    SecurityFilterChain dataSecurity(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/data/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/data/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }
}
