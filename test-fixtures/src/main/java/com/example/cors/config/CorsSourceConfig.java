package com.example.cors.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** CorsConfiguration objects as Spring Security ({@code http.cors()}) and CorsFilter consume them. */
@Configuration
public class CorsSourceConfig {

    private static final String WILDCARD = "*";

    private final Environment environment;

    public CorsSourceConfig(Environment environment) {
        this.environment = environment;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration api = new CorsConfiguration();
        // ruleid: permissive-cors contains: together with setAllowCredentials(true)
        api.addAllowedOrigin(WILDCARD);
        api.addAllowedMethod("*");
        api.addAllowedHeader("*");
        api.setAllowCredentials(true);

        CorsConfiguration open = new CorsConfiguration();
        // ruleid: permissive-cors contains: any web site can read the responses
        open.setAllowedOrigins(List.of(CorsConstants.ANY_ORIGIN));

        CorsConfiguration patterns = new CorsConfiguration();
        // ruleid: permissive-cors
        patterns.addAllowedOriginPattern("*");

        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        source.registerCorsConfiguration("/open/**", open);
        source.registerCorsConfiguration("/patterns/**", patterns);
        // ruleid: permissive-cors contains: applyPermitDefaultValues() allows every origin
        source.registerCorsConfiguration("/legacy/**", new CorsConfiguration().applyPermitDefaultValues());
        return source;
    }

    @Bean
    CorsFilter corsFilter() {
        // ok: permissive-cors
        CorsConfiguration config = new CorsConfiguration().applyPermitDefaultValues();
        // ok: permissive-cors
        config.setAllowedOrigins(List.of(CorsConstants.APP_ORIGIN, "https://admin.example.com"));
        config.setAllowCredentials(true);

        CorsConfiguration partners = new CorsConfiguration();
        // ok: permissive-cors
        partners.setAllowedOriginPatterns(List.of("https://*.example.com", "https://*.example.org:[*]"));
        partners.setAllowCredentials(true);

        CorsConfiguration configured = new CorsConfiguration();
        // ok: permissive-cors
        configured.addAllowedOrigin(environment.getProperty("app.cors.origin"));

        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/app/**", config);
        source.registerCorsConfiguration("/partners/**", partners);
        source.registerCorsConfiguration("/configured/**", configured);
        return new CorsFilter(source);
    }

    /** Origins handed in by the caller: unknown to a static scan, not reported. */
    CorsConfiguration forOrigins(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        // ok: permissive-cors
        config.setAllowedOrigins(origins);
        return config;
    }
}
