package dev.apisec.core.report;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.model.Severity;

import java.util.Locale;
import java.util.Map;

/**
 * One-line texts for terminals and build logs, in the compiler style that editors and CI log parsers link to
 * ({@code path:line:col: ...}). Every text is a single line: line breaks inside messages become spaces.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    /** {@code path:line:col: SEVERITY rule-id: message}. */
    public static String line(Finding f) {
        return f.location().file() + ":" + f.location().startLine() + ":" + f.location().startColumn() + ": "
                + f.severity().name() + " " + f.ruleId() + ": " + oneLine(f.message());
    }

    /** {@code path:line: level: message}, {@code path: level: message} without a line, {@code level: message} without a file. */
    public static String notificationLine(Notification n) {
        StringBuilder sb = new StringBuilder();
        if (n.file() != null && !n.file().isEmpty()) {
            sb.append(n.file());
            if (n.line() > 0) {
                sb.append(':').append(n.line());
            }
            sb.append(": ");
        }
        return sb.append(n.level().name().toLowerCase(Locale.ROOT)).append(": ").append(oneLine(n.message()))
                .toString();
    }

    /** E.g. {@code apisec: 3 findings (1 critical, 2 high, 0 medium, 0 low, 0 info), 1 notification}. */
    public static String summary(AnalysisResult r) {
        Map<Severity, Integer> counts = r.countBySeverity();
        StringBuilder sb = new StringBuilder("apisec: ");
        sb.append(plural(r.findings().size(), "finding")).append(" (");
        Severity[] all = Severity.values();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(counts.getOrDefault(all[i], 0)).append(' ').append(all[i].name().toLowerCase(Locale.ROOT));
        }
        sb.append("), ").append(plural(r.notifications().size(), "notification"));
        return sb.toString();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R+", " ");
    }
}
