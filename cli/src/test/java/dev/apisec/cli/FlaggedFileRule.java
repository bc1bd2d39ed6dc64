package dev.apisec.cli;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.source.SourceFile;

/**
 * Test-only rule, so that exit-code tests do not depend on the built-in rules: every Java file named
 * {@code Flagged<Severity>.java} (e.g. {@code FlaggedHigh.java}) gets one finding of that severity at line 1.
 */
@RuleDescriptor(
        id = "test-flagged-file",
        title = "File is flagged for the CLI tests",
        description = "Reports every Java file whose name starts with Flagged, at the severity in its name.",
        severity = Severity.HIGH,
        cwe = {1},
        owasp = "API8",
        precision = Precision.VERY_HIGH)
final class FlaggedFileRule implements Rule {

    static final String ID = "test-flagged-file";

    @Override
    public void check(RuleContext context) {
        for (SourceFile file : context.model().types().files()) {
            String path = file.relativePath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.startsWith("Flagged") && name.endsWith(".java")) {
                Severity severity = Severity.parse(name.substring("Flagged".length(), name.length() - 5));
                if (severity != null) {
                    context.report(SourceLocation.ofFile(path), severity, "flagged " + severity);
                }
            }
        }
    }
}
