package dev.apisec.rules.config;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.security.SecurityChain;

import java.util.List;

/**
 * Reports Spring Security filter chains that disable CSRF protection ({@code csrf().disable()},
 * {@code csrf(c -> c.disable())}, {@code csrf(AbstractHttpConfigurer::disable)}, WebFlux
 * {@code csrf(CsrfSpec::disable)}). HIGH when the chain authenticates browsers with a session cookie (form login,
 * remember-me, OAuth2/SAML login, or simply the default session policy); LOW when the chain is stateless or
 * authenticated by bearer tokens, which browsers do not attach to cross-site requests by themselves.
 */
@RuleDescriptor(
        id = "csrf-disabled",
        title = "CSRF protection disabled",
        description = "A Spring Security filter chain disables CSRF protection; when the chain authenticates with "
                + "session cookies, any web site a signed-in user visits can make state-changing requests in their "
                + "name.",
        severity = Severity.HIGH,
        cwe = {352},
        owasp = "API8",
        precision = Precision.HIGH,
        tags = {"spring-security", "configuration", "csrf"})
public final class CsrfDisabled implements Rule {

    @Override
    public void check(RuleContext context) {
        for (SecurityChain chain : context.model().security().chains()) {
            if (chain.csrfDisabled() == null) {
                continue;
            }
            Severity severity;
            String evidence;
            String consequence;
            if (chain.sessionLogins()) {
                severity = Severity.HIGH;
                evidence = "while the chain signs users in with a session cookie (form login, remember-me or "
                        + "OAuth2/SAML login)";
                consequence = "any web site a signed-in user visits can send state-changing requests that the "
                        + "browser authenticates with that cookie";
            } else if (chain.stateless() || chain.bearerTokens()) {
                severity = Severity.LOW;
                evidence = "in a chain that " + (chain.stateless() && chain.bearerTokens()
                        ? "is stateless and authenticated by bearer tokens"
                        : chain.stateless()
                        ? "is stateless (" + (chain.reactive() ? "NoOpServerSecurityContextRepository"
                        : "SessionCreationPolicy.STATELESS") + ")"
                        : "is authenticated by bearer tokens");
                consequence = (chain.bearerTokens()
                        ? "browsers do not attach bearer tokens to cross-site requests"
                        : "there is no session cookie for a cross-site request to carry")
                        + ", so this is low risk as long as no cookie, session or HTTP Basic login is added to this "
                        + "chain";
            } else {
                severity = Severity.HIGH;
                evidence = "while the chain keeps the default session policy (no SessionCreationPolicy.STATELESS, "
                        + "no bearer-token authentication)";
                consequence = "once a user has signed in, the session cookie authenticates requests that any other "
                        + "web site makes the browser send";
            }
            String message = "CSRF protection is disabled in " + SecurityRuleShadowed.simpleName(chain.name()) + " "
                    + evidence + ": " + consequence;
            context.report(chain.csrfDisabled(), severity, message, null, List.of(chain.location()));
        }
    }
}
