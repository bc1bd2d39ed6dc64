package com.example.secured.chained;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An older part of the "secured" sample: chained DSL with authorizeRequests(), which lets requests that no rule
 * matches through, and web.ignoring(), which takes paths out of Spring Security altogether.
 */
@Configuration
public class ChainedSecurityConfig {

    @Bean
    @Order(61)
    @SuppressWarnings("deprecation")
    SecurityFilterChain legacyConsole(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/secured/chained/**")
                .authorizeRequests()
                .requestMatchers("/secured/chained/login").permitAll()
                .requestMatchers("/secured/chained/config/**").permitAll()
                .requestMatchers("/secured/chained/admin/**").hasRole("ADMIN")
                .requestMatchers("/secured/chained/accounts/**").authenticated()
                .and()
                .httpBasic();
        return http.build();
    }

    @Bean
    WebSecurityCustomizer ignoredPaths() {
        return web -> web.ignoring().requestMatchers("/secured/chained/static/**", "/secured/chained/debug/**");
    }
}
