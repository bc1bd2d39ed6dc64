package dev.apisec.rules.errors;

import dev.apisec.core.api.Rule;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;

import java.util.List;

/** The error-handling fixtures (com.example.errors) together with the fixture resources (profiles). */
final class ErrorsFixtures {

    private ErrorsFixtures() {
    }

    static MarkerReport scan(Rule rule) {
        return MarkerHarness.scan(List.of(Fixtures.source("com.example.errors"), Fixtures.resources()), List.of(rule));
    }
}
