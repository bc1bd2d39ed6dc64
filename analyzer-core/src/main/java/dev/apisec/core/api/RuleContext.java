package dev.apisec.core.api;

import dev.apisec.core.model.Severity;

import dev.apisec.core.model.FlowStep;

import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * What a rule sees while it runs: the model, its own metadata, and a way to report. Reports default to the
 * rule's severity; the engine adds rule id and fingerprint, sorts, and drops exact duplicates.
 */
public interface RuleContext {

    ProjectModel model();

    RuleMetadata metadata();

    /** The analysis's options (rule options among them). */
    default dev.apisec.core.facts.AnalysisOptions options() {
        return model().options();
    }

    /** Reports a finding at {@code location} with the rule's default severity. */
    default void report(SourceLocation location, String message) {
        report(location, metadata().severity(), message, null, List.of());
    }

    default void report(SourceLocation location, Severity severity, String message) {
        report(location, severity, message, null, List.of());
    }

    /** Reports a finding about an endpoint, located at its handler. */
    default void report(Endpoint endpoint, Severity severity, String message) {
        report(endpoint.location(), severity, message, endpoint.route(), List.of());
    }

    /**
     * Reports a finding.
     *
     * @param endpoint "METHOD /path" when the finding is about an endpoint, else null
     * @param related  further locations that explain the finding (evidence)
     */
    default void report(SourceLocation location, Severity severity, String message, String endpoint,
                        List<SourceLocation> related) {
        report(location, severity, message, endpoint, related, List.of());
    }

    /**
     * Reports a finding with a code flow: the steps from source to sink (e.g. parameter → service call →
     * repository call), written to SARIF as {@code codeFlows}.
     */
    void report(SourceLocation location, Severity severity, String message, String endpoint,
                List<SourceLocation> related, List<FlowStep> flow);
}
