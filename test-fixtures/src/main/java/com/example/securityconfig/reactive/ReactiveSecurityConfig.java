package com.example.securityconfig.reactive;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** WebFlux: SecurityWebFilterChain, authorizeExchange / pathMatchers / anyExchange. */
@Configuration
public class ReactiveSecurityConfig {

    @Bean
    @Order(50)
    SecurityWebFilterChain store(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/securityconfig/store/**"))
                .authorizeExchange(exchanges -> exchanges
                        // ok: security-rule-shadowed
                        .pathMatchers("/securityconfig/store/**").permitAll()
                        // ruleid: security-rule-shadowed contains: pathMatchers("/securityconfig/store/manage/**").hasRole("MANAGER") never applies: pathMatchers("/securityconfig/store/**").permitAll() at ReactiveSecurityConfig.java:23
                        .pathMatchers("/securityconfig/store/manage/**").hasRole("MANAGER")
                        // ok: security-rule-shadowed
                        .anyExchange().authenticated())
                .httpBasic(Customizer.withDefaults())
                // WebFlux keeps the security context in the WebSession by default
                // ruleid: csrf-disabled contains: CSRF protection is disabled in ReactiveSecurityConfig#store while the chain keeps the default session policy
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @Bean
    @Order(51)
    SecurityWebFilterChain feed(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/securityconfig/feed/**"))
                .authorizeExchange(exchanges -> exchanges
                        // ok: security-rule-shadowed
                        .anyExchange().authenticated()
                        // ruleid: security-rule-shadowed contains: (Spring Security rejects matchers registered after anyExchange() at startup)
                        .pathMatchers("/securityconfig/feed/admin/**").hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // ruleid: csrf-disabled contains: in a chain that is stateless (NoOpServerSecurityContextRepository)
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
