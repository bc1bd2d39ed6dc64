package com.example.cors.reactive;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebFilter;

import com.example.cors.config.CorsConstants;

/** WebFlux: registry mappings, a CorsWebFilter and hand-written header filters. */
@Configuration
public class WebFluxCorsConfig implements WebFluxConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: permissive-cors contains: credentialed requests
        registry.addMapping("/stream/**").allowedOriginPatterns("*").allowCredentials(true);
        // ok: permissive-cors
        registry.addMapping("/feed/**").allowedOrigins(CorsConstants.APP_ORIGIN);
    }

    @Bean
    CorsWebFilter corsWebFilter() {
        CorsConfiguration config = new CorsConfiguration();
        // ok: permissive-cors
        config.setAllowedOrigins(List.of(CorsConstants.APP_ORIGIN));
        config.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return new CorsWebFilter(source);
    }

    @Bean
    WebFilter wildcardHeaderFilter() {
        return (exchange, chain) -> {
            // ruleid: permissive-cors contains: Access-Control-Allow-Origin is set to "*"
            exchange.getResponse().getHeaders().setAccessControlAllowOrigin("*");
            return chain.filter(exchange);
        };
    }

    @Bean
    WebFilter reflectingHeaderFilter() {
        return (exchange, chain) -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            // ruleid: permissive-cors contains: echoes the request's Origin header
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, exchange.getRequest().getHeaders().getOrigin());
            return chain.filter(exchange);
        };
    }
}
