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

class MissingAuthorizationTest {

    private static final String ID = "missing-authorization";

    @TempDir
    Path dir;

    @Test
    void springFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.secured"),
                List.of(new MissingAuthorization()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(9);
        assertThat(report.result().findings()).hasSameSizeAs(expected).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).startsWith(f.endpoint() + " is privileged (")
                    .contains(") but any authenticated user can call it: ")
                    .endsWith("; no role, authority or programmatic check restricts it");
        });
        // the ok markers are there too: self endpoints, plain deletes, role-restricted and opaque access
        assertThat(report.markers()).filteredOn(m -> m.kind() == ExpectationMarker.Kind.OK
                && m.ruleIds().contains(ID)).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void sampleShopHasNoPrivilegedEndpointOpenToEveryUser() {
        MarkerReport report = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory")), List.of(new MissingAuthorization()));
        report.assertClean();
        assertThat(report.result().findings()).isEmpty();
    }

    @Test
    void springBootDefaultSecurityAuthenticatesOnly() {
        List<Finding> findings = new AuthScan(dir).java("App.java", """
                package com.acme;

                import org.springframework.security.core.annotation.AuthenticationPrincipal;
                import org.springframework.web.bind.annotation.*;

                @RestController
                class AdminController {
                    @PostMapping("/backoffice/refunds/{id}")
                    void refund(@PathVariable long id) { }

                    @PutMapping("/accounts/{id}")
                    void update(@PathVariable long id) { }

                    @GetMapping("/accounts/{id}")
                    String get(@PathVariable long id) { return ""; }

                    @PostMapping("/accounts/{id}/notes")
                    void note(@PathVariable long id) { }

                    @PutMapping("/users/current/password")
                    void password() { }

                    @PostMapping("/jobs/run")
                    void purgeExpired() { }

                    @PostMapping("/jobs/clean")
                    void purgeable() { }

                    @GetMapping("/groups/{id}/permissions")
                    String permissions(@PathVariable long id) { return ""; }
                }
                """).findings(new MissingAuthorization());
        assertThat(findings).extracting(Finding::endpoint).containsExactly("POST /backoffice/refunds/{id}",
                "PUT /accounts/{id}", "POST /jobs/run", "GET /groups/{id}/permissions");
        assertThat(findings.get(0).message()).isEqualTo("POST /backoffice/refunds/{id} is privileged (administrative "
                + "path segment \"backoffice\") but any authenticated user can call it: Spring Boot's default "
                + "security (the project declares no SecurityFilterChain): every request must be authenticated; "
                + "no role, authority or programmatic check restricts it");
        assertThat(findings.get(0).related()).isEmpty();
        assertThat(findings.get(1).message()).contains("(PUT on a member of the accounts collection)");
        assertThat(findings.get(2).message()).contains("(bulk operation: handler purgeExpired)");
        assertThat(findings.get(3).message()).contains("(manages access rights: path segment \"permissions\")");
    }

    @Test
    void restrictedCustomAndPublicAccessAreNotJudged() {
        List<Finding> findings = new AuthScan(dir).java("Security.java", """
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                @EnableMethodSecurity
                class Security {
                    @Bean
                    SecurityFilterChain chain(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(auth -> auth
                                .requestMatchers("/admin/open/**").permitAll()
                                .requestMatchers("/admin/roles/**").hasRole("ADMIN")
                                .anyRequest().authenticated());
                        return http.build();
                    }
                }
                """).java("AdminController.java", """
                package com.acme;

                import org.springframework.security.access.prepost.PreAuthorize;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/admin")
                class AdminController {
                    @GetMapping("/open/banner")
                    String banner() { return ""; }

                    @DeleteMapping("/roles/{id}")
                    void deleteRole(@PathVariable long id) { }

                    @PreAuthorize("@tenantGuard.isOwner(#id)")
                    @DeleteMapping("/tenants/{id}")
                    void deleteTenant(@PathVariable long id) { }

                    @PreAuthorize("hasAuthority('tenant:write')")
                    @PostMapping("/tenants")
                    void createTenant() { }

                    @GetMapping("/tenants")
                    String tenants() { return ""; }
                }
                """).findings(new MissingAuthorization());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo("GET /admin/tenants");
            assertThat(f.message()).contains("anyRequest().authenticated() (Security.java:15)");
            assertThat(f.related()).extracting(l -> l.startLine()).containsExactly(15);
        });
    }

    @Test
    void webXmlAnyAuthenticatedRoleOnAnAdminJaxRsPath() {
        List<Finding> findings = new AuthScan(dir).java("JobResource.java", """
                package com.acme;

                import jakarta.ws.rs.*;

                @Path("/internal/jobs")
                public class JobResource {
                    @POST
                    public void run() { }
                }
                """).file("src/main/webapp/WEB-INF/web.xml", """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>all</web-resource-name>
                      <url-pattern>/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                </web-app>
                """).findings(new MissingAuthorization());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo("POST /internal/jobs");
            assertThat(f.message()).contains("(administrative path segment \"internal\")")
                    .contains("web.xml security-constraint [/*] (web.xml:1)");
        });
    }
}
