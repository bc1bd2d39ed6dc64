package com.example.securityconfig.chained;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The chained (non-lambda) DSL, deprecated in Spring Security 6 but still common. */
@Configuration
public class IntranetSecurityConfig {

    @Bean
    @Order(20)
    @SuppressWarnings("deprecation")
    SecurityFilterChain intranet(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/securityconfig/intranet/**")
                // ruleid: csrf-disabled contains: CSRF protection is disabled in IntranetSecurityConfig#intranet while the chain keeps the default session policy
                .csrf().disable()
                .authorizeHttpRequests()
                        // ok: security-rule-shadowed
                        .requestMatchers("/securityconfig/intranet/**").authenticated()
                        // ruleid: security-rule-shadowed contains: requestMatchers("/securityconfig/intranet/hr/**").hasRole("HR") never applies: requestMatchers("/securityconfig/intranet/**").authenticated() at IntranetSecurityConfig.java:23
                        .requestMatchers("/securityconfig/intranet/hr/**").hasRole("HR")
                        // a path pattern never covers anyRequest()
                        // ok: security-rule-shadowed
                        .anyRequest().denyAll()
                .and()
                .httpBasic();
        return http.build();
    }
}
