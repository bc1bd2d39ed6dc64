package dev.apisec.maven;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines the check goal prints, in Maven's usual style: one per finding ({@code path:[line,col] rule-id
 * message}, logged as error, warning or info by severity), the tool's notifications, one summary line with the
 * count per severity, then where the SARIF file is. Kept free of Maven types so it can be tested directly.
 */
public final class BuildLogReport {

    /** Maven log levels used. */
    public enum Level { ERROR, WARNING, INFO }

    /** One line for the build log. */
    public record Line(Level level, String text) {
    }

    private BuildLogReport() {
    }

    /** Log level of a finding: CRITICAL and HIGH are errors, MEDIUM warnings, LOW and INFO informational. */
    public static Level levelOf(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> Level.ERROR;
            case MEDIUM -> Level.WARNING;
            case LOW, INFO -> Level.INFO;
        };
    }

    /** {@code path:[line,col] rule-id message}; the path is relative to the analysis base directory. */
    public static String format(Finding finding) {
        SourceLocation at = finding.location();
        return at.file() + ":[" + at.startLine() + "," + at.startColumn() + "] " + finding.ruleId() + " "
                + finding.message();
    }

    public static List<Line> lines(AnalysisResult result, boolean printFindings, String sarifDisplay) {
        List<Line> out = new ArrayList<>();
        if (printFindings) {
            for (Finding f : result.findings()) {
                out.add(new Line(levelOf(f.severity()), format(f)));
            }
        }
        for (Notification n : result.notifications()) {
            Level level = n.level() == Notification.Level.NOTE ? Level.INFO : Level.WARNING;
            out.add(new Line(level, "apisec: " + n));
        }
        out.add(new Line(Level.INFO, summary(result)));
        out.add(new Line(Level.INFO, "apisec: SARIF report: " + sarifDisplay));
        return out;
    }

    /** E.g. {@code apisec: 3 findings: 1 critical, 0 high, 2 medium, 0 low, 0 info (12 files, 1 notification)}. */
    public static String summary(AnalysisResult result) {
        Map<Severity, Integer> counts = result.countBySeverity();
        StringBuilder text = new StringBuilder("apisec: ").append(plural(result.findings().size(), "finding"))
                .append(":");
        String sep = " ";
        for (Severity s : Severity.values()) {
            text.append(sep).append(counts.get(s)).append(' ').append(s.name().toLowerCase(Locale.ROOT));
            sep = ", ";
        }
        text.append(" (").append(plural(result.stats() == null ? 0 : result.stats().filesDiscovered(), "file"))
                .append(" analysed");
        if (!result.notifications().isEmpty()) {
            text.append(", ").append(plural(result.notifications().size(), "notification"));
        }
        return text.append(')').toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
