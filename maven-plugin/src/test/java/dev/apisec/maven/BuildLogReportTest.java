package dev.apisec.maven;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.apisec.maven.BuildLogReport.Level.ERROR;
import static dev.apisec.maven.BuildLogReport.Level.INFO;
import static dev.apisec.maven.BuildLogReport.Level.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

class BuildLogReportTest {

    @Test
    void severityMapsToMavenLogLevel() {
        assertThat(BuildLogReport.levelOf(Severity.CRITICAL)).isEqualTo(ERROR);
        assertThat(BuildLogReport.levelOf(Severity.HIGH)).isEqualTo(ERROR);
        assertThat(BuildLogReport.levelOf(Severity.MEDIUM)).isEqualTo(WARNING);
        assertThat(BuildLogReport.levelOf(Severity.LOW)).isEqualTo(INFO);
        assertThat(BuildLogReport.levelOf(Severity.INFO)).isEqualTo(INFO);
    }

    @Test
    void findingLinesThenNotificationsThenSummaryThenSarifPath() {
        SourceLocation at = new SourceLocation("svc/src/main/java/com/acme/Api.java", 12, 5, 12, 40, "a", "s");
        Finding critical = new Finding("permissive-cors", Severity.CRITICAL, "CORS allows any origin with credentials",
                at, "GET /x", List.of(), "f1");
        Finding medium = new Finding("other-rule", Severity.MEDIUM, "medium thing",
                new SourceLocation("svc/src/main/resources/application.yml", 3, 1, 3, 9, "", ""), null,
                List.of(), "f2");
        Notification broken = new Notification(Notification.Level.ERROR, "svc/src/main/java/Broken.java", 4,
                "cannot parse: ';' expected");
        AnalysisResult result = new AnalysisResult(Path.of("/repo"), List.of(), List.of(critical, medium),
                List.of(broken), List.of(), new AnalysisResult.Stats(3, 2, 10, 1), true);

        List<BuildLogReport.Line> lines = BuildLogReport.lines(result, true, "target/apisec.sarif");

        assertThat(lines).containsExactly(
                new BuildLogReport.Line(ERROR,
                        "svc/src/main/java/com/acme/Api.java:[12,5] permissive-cors CORS allows any origin with"
                                + " credentials"),
                new BuildLogReport.Line(WARNING,
                        "svc/src/main/resources/application.yml:[3,1] other-rule medium thing"),
                new BuildLogReport.Line(WARNING,
                        "apisec: svc/src/main/java/Broken.java:4: error: cannot parse: ';' expected"),
                new BuildLogReport.Line(INFO,
                        "apisec: 2 findings: 1 critical, 0 high, 1 medium, 0 low, 0 info (3 files analysed,"
                                + " 1 notification)"),
                new BuildLogReport.Line(INFO, "apisec: SARIF report: target/apisec.sarif"));
    }

    @Test
    void withoutPrintFindingsOnlySummaryAndPath() {
        AnalysisResult result = CheckSettingsTest.result(Severity.HIGH);
        List<BuildLogReport.Line> lines = BuildLogReport.lines(result, false, "a.sarif");
        assertThat(lines).extracting(BuildLogReport.Line::text).containsExactly(
                "apisec: 1 finding: 0 critical, 1 high, 0 medium, 0 low, 0 info (7 files analysed)",
                "apisec: SARIF report: a.sarif");
    }
}
