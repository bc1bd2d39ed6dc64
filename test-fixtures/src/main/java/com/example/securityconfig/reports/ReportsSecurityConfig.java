package com.example.securityconfig.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Several chains, scoped by securityMatcher and ordered by @Order: Spring hands each request to the first chain
 * whose scope matches it. A chain whose scope an earlier chain's scope covers never sees a request.
 */
@Configuration
public class ReportsSecurityConfig {

    /** Narrower scope first: it gets /reports/admin/**, the next chain gets the rest. */
    // ok: security-rule-shadowed
    @Bean
    @Order(30)
    SecurityFilterChain reportAdmin(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/reports/admin/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    // ok: security-rule-shadowed
    @Bean
    @Order(31)
    SecurityFilterChain reports(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/reports/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                // ok: csrf-disabled
                .csrf(csrf -> csrf.ignoringRequestMatchers("/securityconfig/reports/callbacks/**"));
        return http.build();
    }

    /** Broader chain ordered before it: its own rules never apply. */
    // ruleid: security-rule-shadowed contains: filter chain ReportsSecurityConfig#dailyReports never applies: ReportsSecurityConfig#reports at ReportsSecurityConfig.java:30 (@Order(31)) matches every request with securityMatcher("/securityconfig/reports/**")
    @Bean
    @Order(32)
    SecurityFilterChain dailyReports(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/reports/daily/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ANALYST"))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** Only one of its two patterns is covered: /securityconfig/exports/** still reaches it. */
    // ok: security-rule-shadowed
    @Bean
    @Order(33)
    SecurityFilterChain exports(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/reports/weekly/**", "/securityconfig/exports/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ANALYST"))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** A look-alike prefix, not covered. */
    // ok: security-rule-shadowed
    @Bean
    @Order(34)
    SecurityFilterChain reporting(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/reporting/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }
}
