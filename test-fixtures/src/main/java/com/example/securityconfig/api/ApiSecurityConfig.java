package com.example.securityconfig.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Stateless APIs: no session, so no cookie for a cross-site request to ride on. */
@Configuration
public class ApiSecurityConfig {

    /** A JWT API: bearer tokens, stateless. */
    @Bean
    @Order(41)
    SecurityFilterChain jwtApi(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new JwtTokenFilter(), UsernamePasswordAuthenticationFilter.class)
                // ruleid: csrf-disabled contains: in a chain that is stateless and authenticated by bearer tokens
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Machine-to-machine webhooks with HTTP Basic and no session. */
    @Bean
    @Order(42)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("WEBHOOK"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // ruleid: csrf-disabled contains: in a chain that is stateless (SessionCreationPolicy.STATELESS): there is no session cookie for a cross-site request to carry
                .csrf(CsrfConfigurer::disable);
        return http.build();
    }

    /** CSRF left on (the default): nothing to report. */
    @Bean
    @Order(43)
    SecurityFilterChain account(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/account/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                // ok: csrf-disabled
                .csrf(Customizer.withDefaults());
        return http.build();
    }
}
