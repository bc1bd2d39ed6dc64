package dev.apisec.core.report;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReportTest {

    private static Finding finding(Severity severity, String message) {
        return new Finding("permissive-cors", severity, message,
                new SourceLocation("src/main/java/A.java", 12, 5, 12, 30, "", ""), null, List.of(), "fp:1");
    }

    @Test
    void findingLineIsCompilerStyle() {
        assertThat(ConsoleReport.line(finding(Severity.HIGH, "CORS allows any origin")))
                .isEqualTo("src/main/java/A.java:12:5: HIGH permissive-cors: CORS allows any origin");
    }

    @Test
    void multiLineMessagesStayOnOneLine() {
        assertThat(ConsoleReport.line(finding(Severity.LOW, "first\nsecond\r\nthird")))
                .isEqualTo("src/main/java/A.java:12:5: LOW permissive-cors: first second third");
    }

    @Test
    void notificationLines() {
        assertThat(ConsoleReport.notificationLine(
                new Notification(Notification.Level.ERROR, "src/B.java", 3, "cannot parse")))
                .isEqualTo("src/B.java:3: error: cannot parse");
        assertThat(ConsoleReport.notificationLine(
                new Notification(Notification.Level.WARNING, "src/C.java", 0, "not UTF-8")))
                .isEqualTo("src/C.java: warning: not UTF-8");
        assertThat(ConsoleReport.notificationLine(
                new Notification(Notification.Level.NOTE, null, 0, "rule x failed")))
                .isEqualTo("note: rule x failed");
    }

    @Test
    void summaryCountsBySeverity() {
        AnalysisResult r = new AnalysisResult(Path.of("."), List.of(),
                List.of(finding(Severity.CRITICAL, "a"), finding(Severity.HIGH, "b"), finding(Severity.HIGH, "c")),
                List.of(new Notification(Notification.Level.NOTE, null, 0, "n")), List.of(),
                new AnalysisResult.Stats(0, 0, 0, 0), true);
        assertThat(ConsoleReport.summary(r))
                .isEqualTo("apisec: 3 findings (1 critical, 2 high, 0 medium, 0 low, 0 info), 1 notification");
    }

    @Test
    void summaryPluralsAndZeroes() {
        AnalysisResult one = new AnalysisResult(Path.of("."), List.of(), List.of(finding(Severity.INFO, "a")),
                List.of(), List.of(), new AnalysisResult.Stats(0, 0, 0, 0), true);
        assertThat(ConsoleReport.summary(one))
                .isEqualTo("apisec: 1 finding (0 critical, 0 high, 0 medium, 0 low, 1 info), 0 notifications");
    }
}
