package dev.apisec.rules.data;

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

class EntityExposureTest {

    private static final String ID = "entity-exposure";

    @TempDir
    Path dir;

    private static final String ACCOUNT = """
            package com.acme;
            import com.fasterxml.jackson.annotation.JsonIgnore;
            import jakarta.persistence.*;
            @Entity
            public class Account {
                @Id private Long id;
                private String name;
                private String password;
                public Long getId() { return id; }
                public String getName() { return name; }
                public String getPassword() { return password; }
            }
            """;

    private List<Finding> scan(String controller, String... more) {
        DataScan scan = new DataScan(dir).java("Account", ACCOUNT).java("Api", controller);
        for (int i = 0; i + 1 < more.length; i += 2) {
            scan.java(more[i], more[i + 1]);
        }
        return scan.findings(new EntityExposure());
    }

    @Test
    void dataFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.data"), List.of(new EntityExposure()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(16);
        List<Finding> findings = report.result().findings();
        assertThat(findings).hasSize(16);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.CRITICAL).hasSize(8);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(1);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.endpoint()).isNotNull();
            assertThat(f.message()).contains(" returns the persistent type ")
                    .endsWith("; return a response DTO with only the fields clients need");
        });
    }

    @Test
    void inventorySampleReturnsItsEntitiesOverJaxRs() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.inventory"),
                List.of(new EntityExposure()));
        report.assertClean();
        assertThat(report.result().findings()).hasSize(7).allSatisfy(f ->
                assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void sensitiveFieldMakesItCriticalAndIsNamed() {
        List<Finding> findings = scan("""
                package com.acme;
                import org.springframework.web.bind.annotation.*;
                @RestController
                class Api {
                    @GetMapping("/accounts/{id}")
                    Account get(@PathVariable long id) { return null; }
                }
                """);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.endpoint()).isEqualTo("GET /accounts/{id}");
        assertThat(f.location().startLine()).isEqualTo(5);
        assertThat(f.message()).isEqualTo("GET /accounts/{id} returns the persistent type Account (@Entity) as the "
                + "response body: declared return type Account; the JSON includes the sensitive fields password, "
                + "which no @JsonIgnore, WRITE_ONLY access, transient or @JsonIgnoreProperties hides; return a "
                + "response DTO with only the fields clients need");
    }

    @Test
    void hiddenSecretLowersToHighAndJsonViewToMedium() {
        List<Finding> findings = new DataScan(dir).java("Account", ACCOUNT.replace(
                "public String getPassword()", "@JsonIgnore public String getPassword()")).java("Api", """
                package com.acme;
                import com.fasterxml.jackson.annotation.JsonView;
                import org.springframework.web.bind.annotation.*;
                @RestController
                class Api {
                    @GetMapping("/a")
                    Account a() { return null; }

                    @JsonView(Object.class)
                    @GetMapping("/b")
                    Account b() { return null; }
                }
                """).findings(new EntityExposure());
        assertThat(findings).extracting(Finding::endpoint, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET /a", Severity.HIGH),
                org.assertj.core.groups.Tuple.tuple("GET /b", Severity.MEDIUM));
    }

    @Test
    void oneFindingPerHandlerWhateverTheRoutes() {
        List<Finding> findings = scan("""
                package com.acme;
                import java.util.List;
                import org.springframework.web.bind.annotation.*;
                @RestController
                class Api {
                    @RequestMapping(path = {"/accounts", "/users"}, method = {RequestMethod.GET, RequestMethod.POST})
                    List<Account> all() { return List.of(); }
                }
                """);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message()).startsWith(
                "GET /accounts, POST /accounts, GET /users, POST /users returns the persistent type Account");
    }

    @Test
    void viewControllersDtosProjectionsAndVoidAreSilent() {
        List<Finding> findings = scan("""
                package com.acme;
                import java.util.List;
                import org.springframework.stereotype.Controller;
                import org.springframework.http.ResponseEntity;
                import org.springframework.web.bind.annotation.*;
                @Controller
                class Api {
                    @GetMapping("/view")
                    Account view() { return null; }

                    @GetMapping("/dto")
                    @ResponseBody
                    AccountDto dto() { return null; }

                    @GetMapping("/projection")
                    @ResponseBody
                    List<AccountName> names() { return List.of(); }

                    @DeleteMapping("/x")
                    @ResponseBody
                    void delete() { }

                    @GetMapping("/wrapped")
                    ResponseEntity<?> wrapped() {
                        Account a = load();
                        return ResponseEntity.ok(new AccountDto(a.getName()));
                    }

                    private Account load() { return null; }
                }
                """, "AccountDto", "package com.acme; public record AccountDto(String name) { }",
                "AccountName", "package com.acme; public interface AccountName { String getName(); }");
        assertThat(findings).isEmpty();
    }

    @Test
    void responseBodyOnAControllerAndJavaxNamespace() {
        List<Finding> findings = new DataScan(dir).java("Legacy", """
                package com.acme;
                import javax.persistence.*;
                @Entity
                public class Legacy { private String code; public String getCode() { return code; } }
                """).java("Api", """
                package com.acme;
                import org.springframework.stereotype.Controller;
                import org.springframework.web.bind.annotation.*;
                @Controller
                @ResponseBody
                class Api {
                    @GetMapping("/legacy")
                    Legacy get() { return null; }
                }
                """).findings(new EntityExposure());
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH);
    }
}
