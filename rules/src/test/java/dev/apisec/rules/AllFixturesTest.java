package dev.apisec.rules;

import dev.apisec.core.api.Rule;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in rule over every fixture: fails on any finding without a marker, any {@code ruleid} marker
 * without a finding, any {@code ok} line with a finding, and any message that lacks its {@code contains:} text.
 */
class AllFixturesTest {

    @Test
    void everyRuleAgreesWithEveryFixtureMarker() {
        MarkerReport report = MarkerHarness.scan(Fixtures.root(), BuiltInRules.all());
        assertThat(report.result().stats().filesDiscovered()).as("fixture files scanned").isGreaterThan(20);
        report.assertClean();
    }

    @Test
    void everyRuleHasAFixtureThatExpectsAFinding() {
        MarkerReport report = MarkerHarness.scan(Fixtures.root(), BuiltInRules.all());
        for (Rule rule : BuiltInRules.all()) {
            String id = rule.metadata().id();
            assertThat(report.markers())
                    .as("fixture markers 'ruleid: %s' under %s", id, Fixtures.root())
                    .anySatisfy(m -> {
                        assertThat(m.kind()).isEqualTo(ExpectationMarker.Kind.RULEID);
                        assertThat(m.ruleIds()).contains(id);
                    });
        }
    }
}
