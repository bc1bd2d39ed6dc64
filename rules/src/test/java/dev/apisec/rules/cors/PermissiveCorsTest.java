package dev.apisec.rules.cors;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.Engine;
import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.core.source.ScanConfig;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.InlineProject;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PermissiveCorsTest {

    private static final String ID = "permissive-cors";

    @TempDir
    Path dir;

    @Test
    void corsFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.cors"), List.of(new PermissiveCors()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).as("ruleid markers in the CORS fixtures").hasSizeGreaterThanOrEqualTo(18);
        // one finding per marked line: no duplicates from overlapping forms
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        // CRITICAL exactly where the marker asks for a credentials message
        for (Finding f : report.result().findings()) {
            assertThat(f.severity()).as(f.message())
                    .isEqualTo(f.message().contains(" together with ") ? Severity.CRITICAL : Severity.HIGH);
        }
        assertThat(report.result().findings()).filteredOn(f -> f.severity() == Severity.CRITICAL)
                .hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void sampleAppsWithoutCorsGiveNothing() {
        MarkerReport shop = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory")), List.of(new PermissiveCors()));
        assertThat(shop.result().findings()).isEmpty();
    }

    private List<Finding> scan(String path, String source) throws IOException {
        return new InlineProject(dir).java(path, source).findings(new PermissiveCors());
    }

    @Test
    void wildcardRegistryIsHighAndWithCredentialsCritical() throws IOException {
        List<Finding> findings = scan("WebConfig.java", """
                package com.acme;

                import org.springframework.web.servlet.config.annotation.*;

                class WebConfig implements WebMvcConfigurer {
                    @Override
                    public void addCorsMappings(CorsRegistry registry) {
                        registry.addMapping("/api/**")
                                .allowedOrigins("*")
                                .allowCredentials(true);
                        registry.addMapping("/public/**").allowedOrigins("*");
                        registry.addMapping("/partners/**").allowedOrigins("https://partner.example.com")
                                .allowCredentials(true);
                    }
                }
                """);
        assertThat(findings).hasSize(2);
        Finding api = findings.get(0);
        assertThat(api.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(api.location().startLine()).isEqualTo(8);
        assertThat(api.message()).isEqualTo("CorsRegistry mapping \"/api/**\" allows any origin \"*\" together with "
                + "allowCredentials(true): any web site can make credentialed requests and read the responses");
        assertThat(api.related()).extracting(l -> l.startLine()).containsExactly(8);
        assertThat(api.ruleId()).isEqualTo(ID);

        Finding open = findings.get(1);
        assertThat(open.severity()).isEqualTo(Severity.HIGH);
        assertThat(open.location().startLine()).isEqualTo(11);
        assertThat(open.message()).isEqualTo("CorsRegistry mapping \"/public/**\" allows any origin \"*\": any web "
                + "site can read the responses from a visitor's browser");
        assertThat(open.related()).isEmpty();
    }

    @Test
    void crossOriginMessagesNameTheControllerAndTheEndpoint() throws IOException {
        List<Finding> findings = scan("OrderController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/orders")
                @CrossOrigin
                class OrderController {
                    @GetMapping
                    String list() { return ""; }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.location().startLine()).isEqualTo(7);
            assertThat(f.message()).isEqualTo("@CrossOrigin without origins allows every origin (Spring's default) "
                    + "on OrderController: any web site can read the responses from a visitor's browser");
            assertThat(f.endpoint()).isNull();
        });

        findings = scan("OrderController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/orders")
                class OrderController {
                    @CrossOrigin(origins = "*", allowCredentials = "true")
                    @GetMapping("/{id}")
                    String get(@PathVariable long id) { return ""; }

                    @CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")
                    @GetMapping
                    String list() { return ""; }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location().startLine()).isEqualTo(8);
            assertThat(f.message()).isEqualTo("@CrossOrigin(origins = \"*\") allows any origin on "
                    + "OrderController.get(long) together with allowCredentials = \"true\": any web site can make "
                    + "credentialed requests and read the responses");
            assertThat(f.endpoint()).isEqualTo("GET /orders/{id}");
        });
    }

    @Test
    void reflectedOriginWithCredentialsIsCriticalAndPointsAtTheCredentialsHeader() throws IOException {
        List<Finding> findings = scan("CorsFilter.java", """
                package com.acme;

                import jakarta.servlet.http.*;

                class CorsFilter {
                    void apply(HttpServletRequest request, HttpServletResponse response) {
                        String origin = request.getHeader("Origin");
                        response.setHeader("Access-Control-Allow-Origin", origin);
                        response.setHeader("Access-Control-Allow-Credentials", "true");
                    }

                    void checked(HttpServletRequest request, HttpServletResponse response) {
                        String origin = request.getHeader("Origin");
                        if (origin != null && origin.endsWith(".example.com")) {
                            response.setHeader("Access-Control-Allow-Origin", origin);
                            response.setHeader("Access-Control-Allow-Credentials", "true");
                        }
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location().startLine()).isEqualTo(8);
            assertThat(f.message()).isEqualTo("Access-Control-Allow-Origin echoes the request's Origin header "
                    + "(origin) without checking it against an allow-list in CorsFilter.apply(HttpServletRequest,"
                    + "HttpServletResponse) together with Access-Control-Allow-Credentials: true: any web site can "
                    + "make credentialed requests and read the responses");
            assertThat(f.related()).extracting(l -> l.startLine()).containsExactly(9);
        });
    }

    @Test
    void configurationObjectsDefaultsAndNullOrigin() throws IOException {
        List<Finding> findings = scan("Cors.java", """
                package com.acme;

                import java.util.List;
                import org.springframework.web.cors.CorsConfiguration;

                class Cors {
                    static final String ANY = "*";

                    CorsConfiguration permit() {
                        return new CorsConfiguration().applyPermitDefaultValues();
                    }

                    CorsConfiguration constant() {
                        CorsConfiguration c = new CorsConfiguration();
                        c.setAllowedOrigins(List.of(ANY));
                        c.setAllowCredentials(true);
                        return c;
                    }

                    CorsConfiguration nullOrigin() {
                        CorsConfiguration c = new CorsConfiguration();
                        c.addAllowedOrigin("null");
                        return c;
                    }

                    CorsConfiguration explicit(List<String> fromCaller) {
                        CorsConfiguration c = new CorsConfiguration();
                        c.setAllowedOrigins(List.of("https://app.example.com"));
                        c.addAllowedOrigin(System.getenv("EXTRA_ORIGIN"));
                        c.setAllowedOriginPatterns(fromCaller);
                        c.setAllowCredentials(true);
                        return c;
                    }
                }
                """);
        assertThat(findings).extracting(f -> f.location().startLine() + " " + f.severity() + " " + f.message())
                .containsExactly(
                        "10 HIGH CorsConfiguration.applyPermitDefaultValues() allows every origin (no origins are "
                                + "set) in Cors.permit(): any web site can read the responses from a visitor's "
                                + "browser",
                        "15 CRITICAL CorsConfiguration.setAllowedOrigins(List.of(ANY)) allows any origin (\"*\") in "
                                + "Cors.constant() together with setAllowCredentials(true): any web site can make "
                                + "credentialed requests and read the responses",
                        "22 HIGH CorsConfiguration.addAllowedOrigin(\"null\") allows the \"null\" origin (sent by "
                                + "sandboxed iframes and local files of any site) in Cors.nullOrigin(): any web "
                                + "site can read the responses from a visitor's browser");
    }

    @Test
    void oddCodeYieldsNoFindingAndNoFailure() throws IOException {
        Path file = dir.resolve("src/main/java/com/acme/Odd.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package com.acme;
                class Odd {
                    static final String A = B + "x";
                    static final String B = A;
                    void f(org.springframework.web.cors.CorsConfiguration c, Object[] o) {
                        c.addAllowedOrigin(A);
                        c.setAllowedOrigins(java.util.Arrays.asList(o));
                        c.addAllowedOrigin(o.length > 0 ? (String) o[0] : null);
                        new Object() { void g() { c.addAllowedOrigin(h()); } String h() { return "*"; } };
                    }
                }
                """);
        AnalysisResult result = new Engine(List.of(new PermissiveCors()))
                .analyze(ScanConfig.builder(dir).sourceRoot(dir).threads(1).build());
        assertThat(result.findings()).isEmpty();
        assertThat(result.notifications()).isEmpty();
        assertThat(result.executionSuccessful()).isTrue();
    }
}
