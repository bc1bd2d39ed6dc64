package dev.apisec.rules.auth;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.analysis.ownership.ObjectAccess;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.AccessLevel;

import java.util.List;

/**
 * Broken object level authorization (IDOR): an endpoint's object reference (an id in the path, query or body, or
 * a Spring Data domain-class conversion) reaches a data-access sink with no ownership check on any step — the
 * principal is not part of the query, the loaded object is not compared with the principal, no method-security
 * expression or checker method looks at it. The analysis lives in the model
 * ({@link dev.apisec.core.analysis.ownership.OwnershipAnalysis}); this rule decides severity and wording.
 */
@RuleDescriptor(
        id = "missing-ownership-check",
        title = "Object reference reaches data access without an ownership check",
        description = "An identifier taken from the request is used to load, change or delete a stored object, and "
                + "nothing on the way checks that the object belongs to the caller, so any caller can access any "
                + "object by guessing or enumerating identifiers (BOLA/IDOR).",
        severity = Severity.CRITICAL,
        cwe = {639},
        owasp = "API1",
        precision = Precision.MEDIUM,
        tags = {"access-control", "bola", "idor"})
public final class MissingOwnershipCheck implements Rule {

    @Override
    public void check(RuleContext context) {
        for (ObjectAccess a : context.model().uncheckedObjectAccesses()) {
            Access access = context.model().access(a.endpoint());
            boolean custom = access.level() == AccessLevel.CUSTOM;
            Severity severity = a.inferred() || custom ? Severity.HIGH : Severity.CRITICAL;
            StringBuilder message = new StringBuilder();
            message.append(a.endpoint().route()).append(": '").append(a.referenceName()).append("' reaches ")
                    .append(a.sink()).append(" without an ownership check");
            if (a.flow().size() > 2) {
                message.append(" (through ").append(a.flow().size() - 2).append(a.flow().size() == 3 ? " call" : " calls")
                        .append(")");
            }
            message.append(": no comparison with the current user, no principal in the query, no method-security "
                    + "expression on the object");
            if (a.inferred()) {
                message.append("; part of the path lies outside the project (a library DAO, or a repository of a "
                        + "library entity) and was recognised by name only");
            }
            if (custom) {
                message.append("; the endpoint's access is decided by code apisec cannot evaluate (")
                        .append(access.expression()).append(")");
            }
            context.report(a.endpoint().location(), severity, message.toString(), a.endpoint().route(),
                    List.of(a.sinkLocation()), a.flow());
        }
    }
}
