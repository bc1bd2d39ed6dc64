package dev.apisec.core.report;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;

/** Rules that exist only to give the report tests metadata; they never report anything. */
final class ReportTestRules {

    private ReportTestRules() {
    }

    /** Has a help document: src/test/resources/apisec/rules/test-documented-rule.md. */
    @RuleDescriptor(
            id = "test-documented-rule",
            title = "Documented test rule",
            description = "A rule with a help document.",
            severity = Severity.HIGH,
            cwe = {942},
            owasp = "API8",
            precision = Precision.HIGH,
            tags = {"cors"})
    static final class Documented implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }

    /** No help document; its id sorts before the documented rule. */
    @RuleDescriptor(
            id = "a-undocumented-rule",
            title = "Undocumented test rule",
            description = "A rule without a help document.",
            severity = Severity.INFO,
            cwe = {200, 359},
            owasp = "API3",
            precision = Precision.MEDIUM)
    static final class Undocumented implements Rule {
        @Override
        public void check(RuleContext context) {
        }
    }
}
