package dev.apisec.rules.errors;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorExposureTest {

    @TempDir
    Path dir;

    private static final String CHAIN = """
            package com.acme;

            import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.security.config.annotation.web.builders.HttpSecurity;
            import org.springframework.security.web.SecurityFilterChain;

            @Configuration
            class SecurityConfig {
                @Bean
                SecurityFilterChain chain(HttpSecurity http) throws Exception {
                    http.authorizeHttpRequests(auth -> auth
                            %s
                            .anyRequest().authenticated());
                    return http.build();
                }
            }
            """;

    private List<Finding> scan(String properties, String securityRules) {
        Map<String, String> files = new HashMap<>();
        files.put("src/main/resources/application.properties", properties);
        if (securityRules != null) {
            files.put("src/main/java/com/acme/SecurityConfig.java", CHAIN.formatted(securityRules));
        }
        return Scans.run(dir, new ActuatorExposure(), files);
    }

    @Test
    void profileFixturesAgreeWithTheirMarkers() {
        MarkerReport report = ErrorsFixtures.scan(new ActuatorExposure());
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains("actuator-exposure"))
                .toList();
        assertThat(expected).hasSize(6);
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        assertThat(report.result().findings())
                .extracting(f -> f.location().file().replace("resources/", "") + ":" + f.location().startLine()
                        + " " + f.severity())
                .containsExactly("application-cloud.properties:4 MEDIUM", "application-debug.yml:9 HIGH",
                        "application-legacy.properties:3 CRITICAL", "application-monitoring.yml:8 CRITICAL",
                        "application-staging.properties:3 HIGH", "application-staging.properties:5 HIGH");
    }

    @Test
    void withoutSpringSecurityEverythingExposedIsCritical() {
        List<Finding> findings = scan("management.endpoints.web.exposure.include=*\n", null);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location().startLine()).isEqualTo(1);
            assertThat(f.message()).isEqualTo("management.endpoints.web.exposure.include=* in application.properties "
                    + "exposes env, configprops, beans, heapdump, threaddump, logfile, loggers, mappings, jolokia, "
                    + "httptrace, httpexchanges, sessions, startup, caches, scheduledtasks, flyway, liquibase, "
                    + "conditions, auditevents at /actuator/** (/actuator/env is PUBLIC): anyone can call them "
                    + "without authentication: the project has no Spring Security");
        });
    }

    @Test
    void permitAllOnAnyEndpointIsCriticalAndRolesSilenceIt() {
        String exposure = "management.endpoints.web.exposure.include=env,heapdump\n";
        assertThat(scan(exposure, ".requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.message()).contains("EndpointRequest.toAnyEndpoint()");
                });
        assertThat(scan(exposure, ".requestMatchers(\"/actuator/**\").hasRole(\"ACTUATOR\")")).isEmpty();
        assertThat(scan(exposure, "")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void basePathMovesPathMatchersButNotEndpointRequest() {
        String exposure = "management.endpoints.web.base-path=/ops\nmanagement.endpoints.web.exposure.include=env\n";
        // EndpointRequest follows the base path: still restricted
        assertThat(scan(exposure, ".requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(\"OPS\")")).isEmpty();
        // a rule written for /actuator/** no longer covers /ops/env: any authenticated user gets in
        assertThat(scan(exposure, ".requestMatchers(\"/actuator/**\").hasRole(\"OPS\")")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.message()).contains("exposes env at /ops/** (/ops/env is AUTHENTICATED)");
                });
    }

    @Test
    void separatePortLowersAndDisabledPortSilences() {
        assertThat(scan("management.server.port=8081\nmanagement.endpoints.web.exposure.include=*\n", null))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.location().startLine()).isEqualTo(2);
                    assertThat(f.message()).contains("separate management port 8081");
                });
        assertThat(scan("management.server.port=-1\nmanagement.endpoints.web.exposure.include=*\n", null)).isEmpty();
        assertThat(scan("server.port=9000\nmanagement.server.port=9000\nmanagement.endpoints.web.exposure.include=env\n",
                null)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void harmlessExposureIsQuiet() {
        assertThat(scan("management.endpoints.web.exposure.include=health,info,metrics,prometheus\n", null)).isEmpty();
        assertThat(scan("management.endpoints.web.exposure.include=*\nmanagement.endpoints.web.exposure.exclude=*\n",
                null)).isEmpty();
        // shutdown listed but not enabled: Spring Boot does not register it
        assertThat(scan("management.endpoints.web.exposure.include=health,shutdown\n", null)).isEmpty();
        // shutdown enabled but not exposed over HTTP
        assertThat(scan("management.endpoint.shutdown.enabled=true\n", null)).isEmpty();
    }

    @Test
    void shutdownWithBoot34AccessIsReported() {
        List<Finding> findings = scan("""
                management.endpoints.web.exposure.include=health,shutdown
                management.endpoint.shutdown.access=unrestricted
                """, null);
        assertThat(findings).extracting(f -> f.location().startLine() + " " + f.severity())
                .containsExactly("1 CRITICAL", "2 CRITICAL");
        assertThat(findings.get(0).message()).contains("exposes shutdown at /actuator/**");
        assertThat(findings.get(1).message()).contains("a POST to /actuator/shutdown stops the application");
    }

    @Test
    void profileFileUsesTheDefaultFilesBasePathAndExclusions() {
        Map<String, String> files = new HashMap<>();
        files.put("src/main/resources/application.yml", """
                management:
                  endpoints:
                    web:
                      base-path: /internal
                      exposure:
                        exclude: heapdump
                """);
        files.put("src/main/resources/application-qa.yml", """
                management.endpoints.web.exposure.include:
                  - health
                  - heapdump
                  - beans
                """);
        List<Finding> findings = Scans.run(dir, new ActuatorExposure(), files);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("src/main/resources/application-qa.yml");
            assertThat(f.location().startLine()).isEqualTo(4);
            assertThat(f.message()).contains("exposes beans at /internal/** (/internal/beans is PUBLIC)");
        });
    }
}
