package dev.apisec.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisec.core.report.SarifSchemaValidator;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.DefaultRepositorySystemSession;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The check goal as Maven sees it: looked up through the generated plugin descriptor, configured from a POM with
 * the descriptor's defaults and expressions, then executed on small projects written by the test.
 */
public class CheckMojoTest extends AbstractMojoTestCase {

    /** Every request needs a signed-in user; CSRF protection and the default headers stay on. */
    private static final String SECURITY_CONFIG = """
            package com.acme;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.security.config.Customizer;
            import org.springframework.security.config.annotation.web.builders.HttpSecurity;
            import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
            import org.springframework.security.web.SecurityFilterChain;

            @Configuration
            @EnableWebSecurity
            public class SecurityConfig {
                @Bean
                SecurityFilterChain api(HttpSecurity http) throws Exception {
                    http
                            .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                            .httpBasic(Customizer.withDefaults());
                    return http.build();
                }
            }
            """;

    /** The caller's own invoices, as DTO records; together with {@link #SECURITY_CONFIG} nothing to report. */
    private static final String CLEAN_CONTROLLER = """
            package com.acme;

            import java.security.Principal;
            import java.util.List;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class InvoiceController {
                public record InvoiceSummary(String number, String total) {
                }

                @GetMapping("/invoices")
                public List<InvoiceSummary> invoices(Principal customer) {
                    return List.of(new InvoiceSummary(customer.getName() + "-1", "10.00"));
                }
            }
            """;

    /** The one deliberate flaw: any origin with credentials (permissive-cors, CRITICAL) on line 9. */
    private static final String CRITICAL_CONTROLLER = """
            package com.acme;

            import org.springframework.web.bind.annotation.CrossOrigin;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class AccountController {
                @CrossOrigin(origins = "*", allowCredentials = "true")
                @GetMapping("/account")
                public String account() {
                    return "me";
                }
            }
            """;

    private Path work;

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        work = Files.createTempDirectory("apisec-mojo-test");
    }

    @Override
    protected void tearDown() throws Exception {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        super.tearDown();
    }

    public void testDefaultsComeFromThePluginDescriptor() throws Exception {
        Path module = project("defaults", "", SECURITY_CONFIG, CLEAN_CONTROLLER);
        CheckMojo mojo = configuredMojo(module);
        assertEquals(false, getVariableValueFromObject(mojo, "skip"));
        assertEquals("CRITICAL", getVariableValueFromObject(mojo, "failOnSeverity"));
        assertEquals("0", getVariableValueFromObject(mojo, "maxAllowedViolations"));
        assertEquals(module.resolve("target/apisec.sarif").toFile().getAbsoluteFile(),
                ((File) getVariableValueFromObject(mojo, "sarifFile")).getAbsoluteFile());
        assertEquals(false, getVariableValueFromObject(mojo, "includeTests"));
        assertEquals(true, getVariableValueFromObject(mojo, "printFindings"));
    }

    public void testPomConfigurationIsApplied() throws Exception {
        Path module = project("configured", """
                <failOnSeverity>high</failOnSeverity>
                <maxAllowedViolations>4</maxAllowedViolations>
                <sarifFile>${project.build.directory}/reports/custom.sarif</sarifFile>
                <includeTests>true</includeTests>
                <printFindings>false</printFindings>
                <includes><include>com/acme/**</include></includes>
                <excludes><exclude>**/generated/**</exclude></excludes>
                """, SECURITY_CONFIG, CLEAN_CONTROLLER);
        CheckMojo mojo = configuredMojo(module);
        assertEquals("high", getVariableValueFromObject(mojo, "failOnSeverity"));
        assertEquals("4", getVariableValueFromObject(mojo, "maxAllowedViolations"));
        assertEquals(module.resolve("target/reports/custom.sarif").toFile().getAbsoluteFile(),
                ((File) getVariableValueFromObject(mojo, "sarifFile")).getAbsoluteFile());
        assertEquals(true, getVariableValueFromObject(mojo, "includeTests"));
        assertEquals(false, getVariableValueFromObject(mojo, "printFindings"));
        assertEquals(List.of("com/acme/**"), getVariableValueFromObject(mojo, "includes"));
        assertEquals(List.of("**/generated/**"), getVariableValueFromObject(mojo, "excludes"));
    }

    public void testCleanProjectPassesAndWritesValidSarifWithoutResults() throws Exception {
        Path module = project("clean", "", SECURITY_CONFIG, CLEAN_CONTROLLER);
        configuredMojo(module).execute();
        Path sarif = module.resolve("target/apisec.sarif");
        assertTrue(Files.isRegularFile(sarif));
        assertEquals(List.of(), SarifSchemaValidator.validate(sarif));
        JsonNode run = run(sarif);
        // a secured app: if a rule reports something here, the rule or the app is wrong, not this assertion
        assertEquals(List.of(), describe(run.get("results")));
        assertEquals("apisec/clean/", run.at("/automationDetails/id").asText());

        JsonNode endpoints = new ObjectMapper().readTree(module.resolve("target/apisec/endpoints.json").toFile())
                .get("endpoints");
        assertEquals(1, endpoints.size());
        JsonNode invoices = endpoints.get(0);
        assertEquals("GET", invoices.get("method").asText());
        assertEquals("/invoices", invoices.get("path").asText());
        assertEquals("AUTHENTICATED", invoices.at("/access/level").asText());
        assertEquals("anyRequest().authenticated()", invoices.at("/access/evidence/0/description").asText());
        assertEquals("src/main/java/com/acme/SecurityConfig.java",
                invoices.at("/access/evidence/0/location/file").asText());
        assertTrue(Files.readString(module.resolve("target/apisec/endpoints.md"), StandardCharsets.UTF_8)
                .contains("| GET | `/invoices` | AUTHENTICATED |"));
    }

    public void testCriticalFindingFailsAfterWritingSarifWithRepositoryRelativePaths() throws Exception {
        Files.createDirectories(work.resolve(".git"));
        Path module = project("services/accounts", "", SECURITY_CONFIG, CRITICAL_CONTROLLER);
        CheckMojo mojo = configuredMojo(module);
        try {
            mojo.execute();
            fail("expected the build to fail on a critical finding");
        } catch (MojoFailureException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("apisec: 1 critical finding (threshold CRITICAL);"
                    + " see "));
            assertTrue(e.getMessage(), e.getMessage().endsWith("apisec.sarif"));
        }
        Path sarif = module.resolve("target/apisec.sarif");
        assertEquals(List.of(), SarifSchemaValidator.validate(sarif));
        JsonNode run = run(sarif);
        // secured apart from the deliberate flaw: exactly the one CORS finding
        assertEquals(List.of("permissive-cors CRITICAL"), ruleIdsAndSeverities(run.get("results")));
        JsonNode result = run.get("results").get(0);
        assertEquals("error", result.get("level").asText());
        assertEquals(9, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("services/accounts/src/main/java/com/acme/AccountController.java",
                result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("apisec/accounts/", run.at("/automationDetails/id").asText());
    }

    public void testFailOnSeverityNoneNeverFails() throws Exception {
        Path module = project("lenient", "<failOnSeverity>NONE</failOnSeverity>", SECURITY_CONFIG,
                CRITICAL_CONTROLLER);
        configuredMojo(module).execute();
        JsonNode results = run(module.resolve("target/apisec.sarif")).get("results");
        assertEquals(List.of("permissive-cors CRITICAL"), ruleIdsAndSeverities(results));
    }

    public void testUnknownSeverityIsAConfigurationErrorNamingTheParameter() throws Exception {
        Path module = project("bad", "<failOnSeverity>SEVERE</failOnSeverity>", SECURITY_CONFIG,
                CLEAN_CONTROLLER);
        try {
            configuredMojo(module).execute();
            fail("expected a configuration error");
        } catch (MojoExecutionException e) {
            assertEquals("apisec: invalid value 'SEVERE' for parameter failOnSeverity (apisec.failOnSeverity);"
                    + " allowed: CRITICAL, HIGH, MEDIUM, LOW, INFO, NONE", e.getMessage());
        }
        assertFalse(Files.exists(module.resolve("target/apisec.sarif")));
    }

    public void testSkipAndModulesWithoutJavaSourcesWriteNothing() throws Exception {
        Path skipped = project("skipped", "<skip>true</skip>", CRITICAL_CONTROLLER);
        configuredMojo(skipped).execute();
        assertFalse(Files.exists(skipped.resolve("target/apisec.sarif")));

        Path empty = project("empty", "");
        configuredMojo(empty).execute();
        assertFalse(Files.exists(empty.resolve("target/apisec.sarif")));
    }

    private static JsonNode run(Path sarif) throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(sarif, StandardCharsets.UTF_8));
        assertEquals("2.1.0", root.get("version").asText());
        return root.get("runs").get(0);
    }

    /** "ruleId SEVERITY" of each result, in report order. */
    private static List<String> ruleIdsAndSeverities(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.get("ruleId").asText() + " " + r.at("/properties/severity").asText()));
        return out;
    }

    /** "ruleId SEVERITY file:line message" of each result: a failing assertion shows what was reported. */
    private static List<String> describe(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.get("ruleId").asText() + " " + r.at("/properties/severity").asText() + " "
                + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText() + ":"
                + r.at("/locations/0/physicalLocation/region/startLine").asInt() + " "
                + r.at("/message/text").asText()));
        return out;
    }

    /** Writes a one-module project with the plugin configured and the given classes; returns its directory. */
    private Path project(String name, String configuration, String... sources) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        String artifactId = dir.getFileName().toString();
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.apisec</groupId>
                        <artifactId>apisec-maven-plugin</artifactId>
                        <configuration>
                          %s
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, configuration));
        for (String source : sources) {
            String className = source.replaceAll("(?s).*?public class (\\w+).*", "$1");
            Path pkg = Files.createDirectories(dir.resolve("src/main/java/com/acme"));
            Files.writeString(pkg.resolve(className + ".java"), source);
        }
        return dir;
    }

    private CheckMojo configuredMojo(Path module) throws Exception {
        File pom = module.resolve("pom.xml").toFile();
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(module.toFile());
        ProjectBuildingRequest building = request.getProjectBuildingRequest();
        building.setRepositorySession(new DefaultRepositorySystemSession());
        MavenProject project = lookup(ProjectBuilder.class).build(pom, building).getProject();
        MavenSession session = newMavenSession(project);
        MojoExecution execution = newMojoExecution("check");
        return (CheckMojo) lookupConfiguredMojo(session, execution);
    }
}
