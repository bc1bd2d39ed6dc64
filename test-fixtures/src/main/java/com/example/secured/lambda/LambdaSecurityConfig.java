package com.example.secured.lambda;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;

/**
 * Back-office API of the "secured" sample, lambda DSL. Scoped to its own prefix so that it does not judge the
 * other sample apps' requests. Method security is on with its defaults: @PreAuthorize works, @Secured and
 * @RolesAllowed do not.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class LambdaSecurityConfig {

    @Bean
    @Order(60)
    SecurityFilterChain backOffice(HttpSecurity http) throws Exception {
        http
                .securityMatcher(Routes.BASE + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(Routes.BASE + "/auth/**").permitAll()
                        .requestMatchers(Routes.BASE + "/health", Routes.BASE + "/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, Routes.CATALOG + "/**").permitAll()
                        // opened "temporarily" for a dashboard
                        .requestMatchers(Routes.BASE + "/admin-tools/**").permitAll()
                        .requestMatchers(Routes.BASE + "/management/**").hasRole("ADMIN")
                        .requestMatchers(Routes.BASE + "/partners/**")
                        .access(new WebExpressionAuthorizationManager("hasIpAddress('10.0.0.0/8')"))
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }
}
