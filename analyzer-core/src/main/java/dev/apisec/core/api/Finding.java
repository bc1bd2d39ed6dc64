package dev.apisec.core.api;

import dev.apisec.core.model.Severity;

import dev.apisec.core.model.FlowStep;

import dev.apisec.core.model.SourceLocation;

import java.util.Comparator;
import java.util.List;

/**
 * One reported problem. {@code endpoint} is "METHOD /path" when the finding is about an endpoint, else null.
 * {@code fingerprint} is stable across edits elsewhere in the file (rule + file + anchor + normalized snippet).
 */
public record Finding(String ruleId, Severity severity, String message, SourceLocation location,
                      String endpoint, List<SourceLocation> related, String fingerprint, List<FlowStep> flow) {

    /** Deterministic report order: file, line, column, rule id, message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().startLine())
            .thenComparingInt(f -> f.location().startColumn())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        related = related == null ? List.of() : List.copyOf(related);
        flow = flow == null ? List.of() : List.copyOf(flow);
    }

    /** A finding without a code flow. */
    public Finding(String ruleId, Severity severity, String message, SourceLocation location, String endpoint,
                   List<SourceLocation> related, String fingerprint) {
        this(ruleId, severity, message, location, endpoint, related, fingerprint, List.of());
    }
}
