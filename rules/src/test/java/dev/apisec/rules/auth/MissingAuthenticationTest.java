package dev.apisec.rules.auth;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MissingAuthenticationTest {

    private static final String ID = "missing-authentication";

    @TempDir
    Path dir;

    private static boolean critical(Finding f) {
        return f.message().contains("anonymous callers can change state") || f.message().contains("marks a sensitive")
                || f.message().contains("accepts every HTTP method");
    }

    private static void assertFixtures(MarkerReport report, int atLeast) {
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        for (Finding f : report.result().findings()) {
            assertThat(f.severity()).as(f.message()).isEqualTo(critical(f) ? Severity.CRITICAL : Severity.HIGH);
            assertThat(f.endpoint()).as(f.message()).isNotNull();
            assertThat(f.message()).startsWith(f.endpoint() + " is reachable without authentication: ");
        }
    }

    @Test
    void springFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.secured"),
                List.of(new MissingAuthentication()));
        assertFixtures(report, 11);
        assertThat(report.result().findings()).filteredOn(f -> f.severity() == Severity.CRITICAL).hasSize(7);
    }

    @Test
    void jaxRsFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.jaxrs.secured"),
                List.of(new MissingAuthentication()));
        assertFixtures(report, 3);
    }

    @Test
    void appWithoutSecurityScannedAloneSaysSo() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.secured.nosecurity"),
                List.of(new MissingAuthentication()));
        report.assertClean();
        assertThat(report.result().findings()).hasSize(3).allSatisfy(f -> assertThat(f.message())
                .contains("the project has no authentication at all (no Spring Security, no JAX-RS role "
                        + "annotations, no web.xml security constraints)"));
    }

    @Test
    void projectWithoutAnySecurity() {
        List<Finding> findings = new AuthScan(dir).java("NoteController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/notes")
                class NoteController {
                    @GetMapping
                    String list() { return ""; }

                    @GetMapping("/{admin}")
                    String byOwner(@PathVariable String admin) { return ""; }

                    @RequestMapping("/sync")
                    void sync() { }

                    @PostMapping("/login")
                    void login() { }
                }
                """).findings(new MissingAuthentication());
        assertThat(findings).extracting(Finding::endpoint)
                .containsExactly("GET /notes", "GET /notes/{admin}", "* /notes/sync");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(findings.get(0).message()).isEqualTo("GET /notes is reachable without authentication: the "
                + "project has no authentication at all (no Spring Security, no JAX-RS role annotations, no web.xml "
                + "security constraints)");
        assertThat(findings.get(0).location().startLine()).isEqualTo(8);
        // a path variable named like a sensitive word is not a sensitive path
        assertThat(findings.get(1).severity()).isEqualTo(Severity.HIGH);
        assertThat(findings.get(2).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(findings.get(2).message()).endsWith("; the mapping accepts every HTTP method, including "
                + "state-changing ones, from anonymous callers");
    }

    @Test
    void publicVocabularyIsAConstructorParameter() {
        AuthScan scan = new AuthScan(dir).java("StatusController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class StatusController {
                    @GetMapping("/status")
                    String status() { return ""; }

                    @GetMapping("/health")
                    String health() { return ""; }
                }
                """);
        assertThat(scan.findings(new MissingAuthentication())).extracting(Finding::endpoint)
                .containsExactly("GET /status");
        List<String> extended = new java.util.ArrayList<>(MissingAuthentication.DEFAULT_PUBLIC_PATH_WORDS);
        extended.add("status");
        assertThat(scan.findings(new MissingAuthentication(extended))).isEmpty();
        assertThat(scan.findings(new MissingAuthentication(List.of("status")))).extracting(Finding::endpoint)
                .containsExactly("GET /health");
    }

    @Test
    void permitAllOnActuatorIsCriticalExceptHealthAndOpaqueRulesAreSilent() {
        List<Finding> findings = new AuthScan(dir).java("Security.java", """
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class Security {
                    @Bean
                    SecurityFilterChain chain(HttpSecurity http) throws Exception {
                        http.authorizeRequests(auth -> auth
                                .requestMatchers("/actuator/**").permitAll()
                                .requestMatchers("/partners/**").access("hasIpAddress('10.0.0.0/8')")
                                .anyRequest().authenticated());
                        return http.build();
                    }
                }
                """).java("OpsController.java", """
                package com.acme;

                import jakarta.servlet.http.HttpServletRequest;
                import org.springframework.web.bind.annotation.*;

                @RestController
                class OpsController {
                    @GetMapping("/actuator/env")
                    String env() { return ""; }

                    @GetMapping("/actuator/health")
                    String health() { return ""; }

                    @PostMapping("/partners/orders")
                    void order() { }

                    @PostMapping("/actuator/restart")
                    void restart(HttpServletRequest request) {
                        if (!request.isUserInRole("OPS")) {
                            throw new IllegalStateException();
                        }
                    }
                }
                """).findings(new MissingAuthentication());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo("GET /actuator/env");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).isEqualTo("GET /actuator/env is reachable without authentication: "
                    + "requestMatchers(\"/actuator/**\").permitAll() (Security.java:11); the path segment "
                    + "\"actuator\" marks a sensitive area");
            assertThat(f.related()).extracting(l -> l.startLine()).containsExactly(11);
        });
    }

    @Test
    void webXmlConstrainedJaxRsApp() {
        List<Finding> findings = new AuthScan(dir).java("ShopApplication.java", """
                package com.acme;

                import jakarta.ws.rs.ApplicationPath;
                import jakarta.ws.rs.core.Application;

                @ApplicationPath("/api")
                public class ShopApplication extends Application {
                }
                """).java("OrderResource.java", """
                package com.acme;

                import jakarta.ws.rs.*;

                @Path("/orders")
                public class OrderResource {
                    @GET
                    public String list() { return ""; }

                    @POST
                    public String create(String order) { return order; }
                }
                """).java("ReportResource.java", """
                package com.acme;

                import jakarta.ws.rs.*;

                @Path("/reports")
                public class ReportResource {
                    @GET
                    public String daily() { return ""; }

                    @DELETE
                    public void clear() { }
                }
                """).file("src/main/webapp/WEB-INF/web.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>orders</web-resource-name>
                      <url-pattern>/api/orders/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>clerk</role-name></auth-constraint>
                  </security-constraint>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>reports</web-resource-name>
                      <url-pattern>/api/reports/*</url-pattern>
                      <http-method>GET</http-method>
                    </web-resource-collection>
                    <auth-constraint><role-name>analyst</role-name></auth-constraint>
                  </security-constraint>
                </web-app>
                """).findings(new MissingAuthentication());
        // the GET-only constraint leaves DELETE open
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo("DELETE /api/reports");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).startsWith("DELETE /api/reports is reachable without authentication: ")
                    .contains("no web.xml security-constraint covers this path")
                    .doesNotContain("no authentication at all");
        });
    }
}
