package com.example.cors.mvc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.example.cors.config.CorsConstants;
import com.example.cors.config.CorsProperties;

/** Spring MVC global CORS mappings, the good and the bad. */
@Configuration
public class WebMvcCorsConfig implements WebMvcConfigurer {

    private static final String PARTNER_PATTERN = "https://*.partners.example.com";

    private final CorsProperties corsProperties;

    @Value("${app.cors.allowed-origins}")
    private String[] configuredOrigins;

    public WebMvcCorsConfig(CorsProperties corsProperties) {
        this.corsProperties = corsProperties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: permissive-cors contains: together with allowCredentials(true)
        registry.addMapping("/api/**")
                .allowedOrigins("*")
                .allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowCredentials(true);

        // ruleid: permissive-cors contains: allowedOriginPatterns("*")
        registry.addMapping("/public/**").allowedOriginPatterns("*").allowedMethods("GET");

        // addMapping without origins: CorsRegistration starts from Spring's permit-all defaults
        // ruleid: permissive-cors contains: Spring's default allows every origin
        registry.addMapping("/legacy/**");

        // ok: permissive-cors
        registry.addMapping("/partners/**")
                .allowedOriginPatterns(PARTNER_PATTERN, "https://*.example.com")
                .allowCredentials(true);

        // ok: permissive-cors
        registry.addMapping("/app/**").allowedOrigins(CorsConstants.APP_ORIGIN, CorsConstants.ADMIN_ORIGIN);

        // ok: permissive-cors
        registry.addMapping("/configured/**").allowedOrigins(configuredOrigins).allowCredentials(true);

        // origins only known at run time: not reported
        // ok: permissive-cors
        registry.addMapping("/tenants/**").allowedOrigins(corsProperties.allowedOriginArray());

        CorsRegistration reports = registry.addMapping("/reports/**");
        reports.allowedMethods("GET");
        // ruleid: permissive-cors contains: credentialed requests
        reports.allowedOrigins(CorsConstants.ANY_ORIGIN);
        reports.allowCredentials(true);
    }
}
