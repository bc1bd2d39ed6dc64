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

class MethodSecurityDisabledTest {

    private static final String ID = "method-security-disabled";

    @TempDir
    Path dir;

    private static final String SERVICE = """
            package com.acme;

            import org.springframework.security.access.prepost.PreAuthorize;
            import org.springframework.stereotype.Service;

            @Service
            class OrderService {
                @PreAuthorize("hasRole('ADMIN')")
                void purge() { }

                void list() { }
            }
            """;

    @Test
    void fixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(List.of(Fixtures.source("com.example.secured"),
                Fixtures.source("com.example.jaxrs.secured")), List.of(new MethodSecurityDisabled()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(10);
        assertThat(report.result().findings()).hasSameSizeAs(expected).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains(" is not enforced: @EnableMethodSecurity (LambdaSecurityConfig.java:21) "
                    + "leaves ");
            assertThat(f.related()).singleElement()
                    .satisfies(l -> assertThat(l.file()).endsWith("secured/lambda/LambdaSecurityConfig.java"));
        });
    }

    @Test
    void sampleAppsEnforceTheirMethodSecurity() {
        // the shop enables prePost for its @PreAuthorize; the inventory's @RolesAllowed are JAX-RS container checks
        MarkerReport report = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory")), List.of(new MethodSecurityDisabled()));
        assertThat(report.result().findings()).isEmpty();
    }

    @Test
    void preAuthorizeWithoutAnyEnablement() {
        List<Finding> findings = new AuthScan(dir).java("OrderService.java", SERVICE)
                .findings(new MethodSecurityDisabled());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).isEqualTo("@PreAuthorize(\"hasRole('ADMIN')\") on OrderService#purge is not "
                    + "enforced: no @EnableMethodSecurity (or @EnableGlobalMethodSecurity(prePostEnabled = true)) in "
                    + "the project");
            assertThat(f.location().startLine()).isEqualTo(8);
            assertThat(f.related()).isEmpty();
        });
    }

    @Test
    void globalMethodSecurityWithoutTheFlagIsTheRelatedLocation() {
        List<Finding> findings = new AuthScan(dir).java("OrderService.java", SERVICE).java("MethodConfig.java", """
                package com.acme;

                import org.springframework.context.annotation.Configuration;
                import org.springframework.security.config.annotation.method.configuration.EnableGlobalMethodSecurity;

                @Configuration
                @EnableGlobalMethodSecurity(securedEnabled = true)
                class MethodConfig {
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("@PreAuthorize(\"hasRole('ADMIN')\") on OrderService#purge is not "
                    + "enforced: @EnableGlobalMethodSecurity(securedEnabled = true) (MethodConfig.java:7) leaves "
                    + "prePostEnabled off");
            assertThat(f.related()).singleElement().satisfies(l -> {
                assertThat(l.file()).endsWith("MethodConfig.java");
                assertThat(l.startLine()).isEqualTo(7);
            });
        });
    }

    @Test
    void enabledSwitchesAreSilent() {
        List<Finding> findings = new AuthScan(dir).java("OrderService.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;
                import org.springframework.security.access.annotation.Secured;
                import org.springframework.security.access.prepost.PreAuthorize;
                import org.springframework.stereotype.Service;

                @Service
                @Secured("ROLE_STAFF")
                class OrderService {
                    @PreAuthorize("hasRole('ADMIN')")
                    void purge() { }

                    @RolesAllowed("CLERK")
                    void list() { }
                }
                """).java("MethodConfig.java", """
                package com.acme;

                import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

                @EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
                class MethodConfig {
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).isEmpty();
    }

    @Test
    void everyUnenforcedFamilyOfAnElementInOneFinding() {
        List<Finding> findings = new AuthScan(dir).java("OrderService.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;
                import org.springframework.security.access.annotation.Secured;
                import org.springframework.security.access.prepost.PreAuthorize;

                class OrderService {
                    @PreAuthorize("hasRole('ADMIN')")
                    @Secured({"ROLE_A", "ROLE_B"})
                    @RolesAllowed("C")
                    void purge() { }
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "@PreAuthorize(\"hasRole('ADMIN')\") and @Secured({\"ROLE_A\", \"ROLE_B\"}) and @RolesAllowed(\"C\") "
                        + "on OrderService#purge are not enforced: no @EnableMethodSecurity (or "
                        + "@EnableGlobalMethodSecurity(prePostEnabled = true)) in the project; no "
                        + "@EnableMethodSecurity(securedEnabled = true) (or @EnableGlobalMethodSecurity(securedEnabled "
                        + "= true)) in the project; no @EnableMethodSecurity(jsr250Enabled = true) (or "
                        + "@EnableGlobalMethodSecurity(jsr250Enabled = true)) in the project"));
    }

    @Test
    void rolesAllowedOutsideSpringSecurityIsNotThisRulesBusiness() {
        List<Finding> findings = new AuthScan(dir).java("StockResource.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;
                import jakarta.ws.rs.*;

                @Path("/stock")
                @RolesAllowed("clerk")
                public class StockResource {
                    @GET
                    public String all() { return ""; }
                }
                """).java("Ledger.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;

                public class Ledger {
                    @RolesAllowed("accountant")
                    public void close() { }
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).isEmpty();
    }

    @Test
    void rolesAllowedOnASpringBeanInASpringSecurityProjectButNotOnItsJaxRsResources() {
        List<Finding> findings = new AuthScan(dir).java("StockResource.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;
                import jakarta.ws.rs.*;

                public interface StockApi {
                    @GET
                    @RolesAllowed("clerk")
                    String all();
                }
                """).java("StockService.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;

                public class StockService implements StockApi {
                    @RolesAllowed("clerk")
                    public String all() { return ""; }
                }
                """).java("Ledger.java", """
                package com.acme;

                import jakarta.annotation.security.RolesAllowed;
                import org.springframework.stereotype.Service;

                @Service
                public class Ledger {
                    @RolesAllowed("accountant")
                    public void close() { }
                }
                """).java("Security.java", """
                package com.acme;

                import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

                @EnableWebSecurity
                class Security {
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().file()).endsWith("Ledger.java");
            assertThat(f.message()).isEqualTo("@RolesAllowed(\"accountant\") on Ledger#close is not enforced: no "
                    + "@EnableMethodSecurity(jsr250Enabled = true) (or @EnableGlobalMethodSecurity(jsr250Enabled = "
                    + "true)) in the project");
        });
    }

    @Test
    void metaAnnotationsAreFollowedIntoFilesThatNeverNameTheFamily() {
        List<Finding> findings = new AuthScan(dir).java("IsAdmin.java", """
                package com.acme;

                import org.springframework.security.access.prepost.PreAuthorize;

                @PreAuthorize("hasRole('ADMIN')")
                public @interface IsAdmin {
                }
                """).java("AdminOnly.java", """
                package com.acme;

                @IsAdmin
                public @interface AdminOnly {
                }
                """).java("Tools.java", """
                package com.acme;

                @AdminOnly
                public class Tools {
                    @IsAdmin
                    public void wipe() { }
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).extracting(Finding::message).containsExactly(
                "@AdminOnly (carries @PreAuthorize(\"hasRole('ADMIN')\")) on Tools is not enforced: no "
                        + "@EnableMethodSecurity (or @EnableGlobalMethodSecurity(prePostEnabled = true)) in the project",
                "@IsAdmin (carries @PreAuthorize(\"hasRole('ADMIN')\")) on Tools#wipe is not enforced: no "
                        + "@EnableMethodSecurity (or @EnableGlobalMethodSecurity(prePostEnabled = true)) in the project");
    }

    @Test
    void handlerFindingsNameTheirEndpoint() {
        List<Finding> findings = new AuthScan(dir).java("AdminController.java", """
                package com.acme;

                import org.springframework.security.access.annotation.Secured;
                import org.springframework.web.bind.annotation.*;

                @RestController
                class AdminController {
                    @Secured("ROLE_ADMIN")
                    @DeleteMapping("/admin/users/{id}")
                    void delete(@PathVariable long id) { }
                }
                """).findings(new MethodSecurityDisabled());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo("DELETE /admin/users/{id}");
            assertThat(f.location().startLine()).isEqualTo(8);
        });
    }
}
