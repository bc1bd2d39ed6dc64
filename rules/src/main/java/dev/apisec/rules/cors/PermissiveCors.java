package dev.apisec.rules.cors;

import dev.apisec.core.engine.Precision;
import dev.apisec.core.engine.Rule;
import dev.apisec.core.engine.RuleContext;
import dev.apisec.core.engine.RuleDescriptor;
import dev.apisec.core.engine.Severity;

/** PLACEHOLDER — the CORS work writes this rule. */
@RuleDescriptor(
        id = "permissive-cors",
        title = "CORS allows any origin",
        description = "A CORS configuration allows every origin (or reflects the request's Origin), so any web "
                + "site can read responses of this API from a visitor's browser.",
        severity = Severity.HIGH,
        cwe = {942},
        owasp = "API8",
        precision = Precision.HIGH)
public final class PermissiveCors implements Rule {

    @Override
    public void check(RuleContext context) {
    }
}
