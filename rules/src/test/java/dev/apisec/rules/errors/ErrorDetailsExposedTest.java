package dev.apisec.rules.errors;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorDetailsExposedTest {

    @TempDir
    Path dir;

    @Test
    void profileFixturesAgreeWithTheirMarkers() {
        MarkerReport report = ErrorsFixtures.scan(new ErrorDetailsExposed());
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains("error-details-exposed"))
                .toList();
        assertThat(expected).hasSize(5);
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        assertThat(report.result().findings()).extracting(f -> f.location().startLine() + " " + f.severity())
                .containsExactly("5 HIGH", "7 MEDIUM", "9 MEDIUM", "11 LOW", "21 MEDIUM");
    }

    @Test
    void relaxedNamesAndValuesAreRecognisedAndLocatedOnTheirLine() {
        List<Finding> findings = Scans.run(dir, new ErrorDetailsExposed(), Map.of(
                "application-dev.properties", """
                        # dev
                        server.error.includeStacktrace = ALWAYS
                        server.error.include_message=always
                        server.error.include-stacktrace=ON_TRACE_PARAM
                        server.error.include-exception=false
                        server.error.include-binding-errors=on-param
                        server.error.whitelabel.enabled=false
                        """));
        assertThat(findings).hasSize(3);
        Finding first = findings.get(0);
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.location().file()).isEqualTo("application-dev.properties");
        assertThat(first.location().startLine()).isEqualTo(2);
        assertThat(first.location().startColumn()).isEqualTo(1);
        assertThat(first.location().endColumn()).isEqualTo("server.error.includeStacktrace = ALWAYS".length() + 1);
        assertThat(first.location().snippet()).isEqualTo("server.error.includeStacktrace = ALWAYS");
        assertThat(first.message()).startsWith("server.error.includeStacktrace=ALWAYS in application-dev.properties "
                + "puts the stack trace of every error into the response");
        assertThat(findings.get(1).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(findings.get(1).location().startLine()).isEqualTo(3);
        assertThat(findings.get(2).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(findings.get(2).message()).contains("whenever the request carries the trace parameter");
    }

    @Test
    void everyYamlDocumentCountsAtTheLineOfItsKey() {
        List<Finding> findings = Scans.run(dir, new ErrorDetailsExposed(), Map.of(
                "config/application.yml", """
                        server:
                          error:
                            include-stacktrace: never
                        ---
                        spring.config.activate.on-profile: qa
                        server.error:
                          include-stacktrace: always
                          include-exception: "true"
                        """));
        assertThat(findings).extracting(f -> f.location().startLine() + " " + f.severity())
                .containsExactly("7 HIGH", "8 MEDIUM");
    }

    @Test
    void safeDefaultsAndOtherFilesAreQuiet() {
        List<Finding> findings = Scans.run(dir, new ErrorDetailsExposed(), Map.of(
                "application.properties", """
                        server.error.include-stacktrace=never
                        server.error.include-message=never
                        server.error.include-binding-errors=never
                        """,
                "settings.properties", "server.error.include-stacktrace=always\n"));
        assertThat(findings).isEmpty();
    }
}
