package com.example.securityconfig.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/** A server-rendered app with form login: the session cookie authenticates every request the browser sends. */
@Configuration
public class AppSecurityConfig {

    @Bean
    @Order(40)
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/app/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/securityconfig/app/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/securityconfig/app/login"))
                .rememberMe(Customizer.withDefaults())
                // ruleid: csrf-disabled contains: CSRF protection is disabled in AppSecurityConfig#app while the chain signs users in with a session cookie
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
