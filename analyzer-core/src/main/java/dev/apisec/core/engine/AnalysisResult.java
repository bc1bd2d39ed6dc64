package dev.apisec.core.engine;

import dev.apisec.core.model.Endpoint;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one scan produced: sorted findings, sorted notifications, the metadata of every rule that ran, the
 * endpoint inventory and a few counters.
 *
 * @param baseDirectory the directory all relative paths in findings are relative to
 * @param executionSuccessful false when the tool itself failed (never because of findings or user-code errors)
 */
public record AnalysisResult(Path baseDirectory, List<RuleMetadata> rules, List<Finding> findings,
                             List<Notification> notifications, List<Endpoint> endpoints, Stats stats,
                             boolean executionSuccessful) {

    public AnalysisResult {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        endpoints = List.copyOf(endpoints);
    }

    /** Counters of the run; durations are informational and never written to SARIF. */
    public record Stats(int filesDiscovered, int filesParsed, long bytesRead, long wallMillis) {
    }

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** Number of findings whose severity is at or above {@code threshold}. */
    public long countAtLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
    }
}
