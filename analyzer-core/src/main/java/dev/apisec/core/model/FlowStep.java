package dev.apisec.core.model;

import dev.apisec.core.model.SourceLocation;

/** One step of a finding's code flow (parameter → call → ... → sink), shown by SARIF viewers as a thread flow. */
public record FlowStep(SourceLocation location, String message) {
}
