package dev.apisec.rules;

import dev.apisec.core.api.Rule;
import dev.apisec.rules.auth.MethodSecurityDisabled;
import dev.apisec.rules.auth.MissingAuthentication;
import dev.apisec.rules.auth.MissingAuthorization;
import dev.apisec.rules.auth.MissingOwnershipCheck;
import dev.apisec.rules.config.CsrfDisabled;
import dev.apisec.rules.config.SecurityRuleShadowed;
import dev.apisec.rules.config.UnrestrictedRequestMapping;
import dev.apisec.rules.cors.PermissiveCors;
import dev.apisec.rules.data.EntityExposure;
import dev.apisec.rules.data.MassAssignment;
import dev.apisec.rules.errors.ActuatorExposure;
import dev.apisec.rules.errors.ErrorDetailsExposed;
import dev.apisec.rules.errors.ExceptionLeak;

import java.util.List;

/** The built-in rules: one explicit list, sorted by id (error-prone's BuiltInCheckerSuppliers is the model). */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    /** New instances of every built-in rule, sorted by id. */
    public static List<Rule> all() {
        return List.of(
                new ActuatorExposure(),
                new CsrfDisabled(),
                new EntityExposure(),
                new ErrorDetailsExposed(),
                new ExceptionLeak(),
                new MassAssignment(),
                new MethodSecurityDisabled(),
                new MissingAuthentication(),
                new MissingAuthorization(),
                new MissingOwnershipCheck(),
                new PermissiveCors(),
                new SecurityRuleShadowed(),
                new UnrestrictedRequestMapping());
    }
}
