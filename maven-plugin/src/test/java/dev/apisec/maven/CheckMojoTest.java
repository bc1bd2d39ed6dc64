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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The check goal as Maven sees it: looked up through the generated plugin descriptor, configured from a POM with
 * the descriptor's defaults and expressions, then executed on small projects written by the test.
 */
public class CheckMojoTest extends AbstractMojoTestCase {

    private static final String CLEAN_CONTROLLER = """
            package com.acme;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class HealthController {
                @GetMapping("/health")
                public String health() {
                    return "ok";
                }
            }
            """;

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
        Path module = project("defaults", "", CLEAN_CONTROLLER);
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
                """, CLEAN_CONTROLLER);
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
        Path module = project("clean", "", CLEAN_CONTROLLER);
        configuredMojo(module).execute();
        Path sarif = module.resolve("target/apisec.sarif");
        assertTrue(Files.isRegularFile(sarif));
        assertEquals(List.of(), SarifSchemaValidator.validate(sarif));
        JsonNode run = run(sarif);
        assertEquals(0, run.get("results").size());
        assertEquals("apisec/clean/", run.at("/automationDetails/id").asText());
    }

    public void testCriticalFindingFailsAfterWritingSarifWithRepositoryRelativePaths() throws Exception {
        Files.createDirectories(work.resolve(".git"));
        Path module = project("services/accounts", "", CRITICAL_CONTROLLER);
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
        assertEquals(1, run.get("results").size());
        JsonNode result = run.get("results").get(0);
        assertEquals("permissive-cors", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        assertEquals("services/accounts/src/main/java/com/acme/AccountController.java",
                result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("apisec/accounts/", run.at("/automationDetails/id").asText());
    }

    public void testFailOnSeverityNoneNeverFails() throws Exception {
        Path module = project("lenient", "<failOnSeverity>NONE</failOnSeverity>", CRITICAL_CONTROLLER);
        configuredMojo(module).execute();
        JsonNode results = run(module.resolve("target/apisec.sarif")).get("results");
        assertEquals(1, results.size());
        assertEquals("permissive-cors", results.get(0).get("ruleId").asText());
    }

    public void testUnknownSeverityIsAConfigurationErrorNamingTheParameter() throws Exception {
        Path module = project("bad", "<failOnSeverity>SEVERE</failOnSeverity>", CLEAN_CONTROLLER);
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

        Path empty = project("empty", "", null);
        configuredMojo(empty).execute();
        assertFalse(Files.exists(empty.resolve("target/apisec.sarif")));
    }

    private static JsonNode run(Path sarif) throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(sarif, StandardCharsets.UTF_8));
        assertEquals("2.1.0", root.get("version").asText());
        return root.get("runs").get(0);
    }

    /** Writes a one-module project with the plugin configured; returns its directory. */
    private Path project(String name, String configuration, String controller) throws Exception {
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
        if (controller != null) {
            String className = controller.replaceAll("(?s).*public class (\\w+).*", "$1");
            Path pkg = Files.createDirectories(dir.resolve("src/main/java/com/acme"));
            Files.writeString(pkg.resolve(className + ".java"), controller);
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
