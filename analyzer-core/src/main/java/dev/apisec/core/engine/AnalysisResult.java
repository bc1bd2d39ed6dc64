package dev.apisec.core.engine;

import dev.apisec.core.api.Finding;
import dev.apisec.core.api.RuleMetadata;
import dev.apisec.core.model.Severity;
import dev.apisec.core.diag.Notification;

import dev.apisec.core.model.Endpoint;
import dev.apisec.core.security.Access;

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
                             boolean executionSuccessful, List<Access> access) {

    public AnalysisResult {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        endpoints = List.copyOf(endpoints);
        access = List.copyOf(access);
        if (!access.isEmpty() && access.size() != endpoints.size()) {
            throw new IllegalArgumentException("access must be empty or parallel to endpoints");
        }
    }

    /** A result without effective-access information (for reporters that do not need it). */
    public AnalysisResult(Path baseDirectory, List<RuleMetadata> rules, List<Finding> findings,
                          List<Notification> notifications, List<Endpoint> endpoints, Stats stats,
                          boolean executionSuccessful) {
        this(baseDirectory, rules, findings, notifications, endpoints, stats, executionSuccessful, List.of());
    }

    /** The effective access of {@code endpoints().get(i)}, when known. */
    public java.util.Optional<Access> accessOf(int i) {
        return access.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(access.get(i));
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
