package dev.apisec.core.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The access of a request path that is not one of the project's endpoints (Spring Boot Actuator endpoints, for
 * instance), evaluated against the Spring Security configuration with the same URL-rule logic as endpoints
 * ({@link EffectiveAccessResolver}): {@code web.ignoring()}, then the first chain that applies, first matching
 * rule. Method security and programmatic checks do not apply to paths outside the project's code.
 */
public final class PathAccess {

    private static final String ACTUATOR = "/actuator";

    private PathAccess() {
    }

    /** Access of {@code method path}; PUBLIC when the project has no Spring Security. */
    public static Access of(SecurityModel security, String method, String path) {
        if (!security.springSecurity()) {
            return withoutSpringSecurity(security);
        }
        return EffectiveAccessResolver.urlAccess(security.ignored(), security.chains(), method, path);
    }

    /**
     * Access of the actuator endpoint {@code id} served under {@code basePath} ({@code /actuator} by default,
     * {@code ""} for the root). Matchers built with {@code EndpointRequest} follow the base path, as they do in
     * Spring Boot; plain path matchers are evaluated against the real path.
     */
    public static Access ofActuator(SecurityModel security, String method, String basePath, String id) {
        String base = basePath == null ? ACTUATOR : basePath;
        String path = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + id;
        if (!security.springSecurity()) {
            return withoutSpringSecurity(security);
        }
        if (base.equals(ACTUATOR)) {
            return EffectiveAccessResolver.urlAccess(security.ignored(), security.chains(), method, path);
        }
        List<IgnoredPath> ignored = new ArrayList<>();
        for (IgnoredPath i : security.ignored()) {
            ignored.add(new IgnoredPath(rebase(i.matcher(), base), i.location()));
        }
        List<SecurityChain> chains = new ArrayList<>();
        for (SecurityChain c : security.chains()) {
            List<UrlRule> rules = new ArrayList<>();
            for (UrlRule r : c.rules()) {
                rules.add(new UrlRule(rebase(r.matchers(), base), r.decision(), r.location(), r.text()));
            }
            chains.add(new SecurityChain(c.name(), c.order(), c.declarationIndex(), rebase(c.scope(), base), rules,
                    c.authorizationConfigured(), c.legacyDsl(), c.reactive(), c.csrfDisabled(), c.stateless(),
                    c.sessionLogins(), c.bearerTokens(), c.location()));
        }
        return EffectiveAccessResolver.urlAccess(ignored, chains, method, path);
    }

    private static Access withoutSpringSecurity(SecurityModel security) {
        if (!security.authenticationFilters().isEmpty()) {
            // a project filter checks authentication itself: apisec cannot tell which paths it covers
            return new Access(AccessLevel.CUSTOM, java.util.Set.of(), "authentication filter",
                    security.authenticationFilters());
        }
        if (!security.webXmlConstraints().isEmpty()) {
            return Access.custom("web.xml security constraints", new Evidence(
                    "web.xml security constraints exist; apisec does not evaluate them for this path", null));
        }
        return Access.of(AccessLevel.PUBLIC, new Evidence("the project has no Spring Security", null));
    }

    private static List<RequestMatcherSpec> rebase(List<RequestMatcherSpec> specs, String base) {
        return specs.stream().map(s -> rebase(s, base)).toList();
    }

    /** EndpointRequest matchers are read with the default base path; move them to the configured one. */
    private static RequestMatcherSpec rebase(RequestMatcherSpec spec, String base) {
        if (!spec.text().contains("EndpointRequest") || spec.kind() != RequestMatcherSpec.Kind.PATH) {
            return spec;
        }
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        List<String> patterns = new ArrayList<>();
        for (String p : spec.patterns()) {
            if (p.equals(ACTUATOR)) {
                patterns.add(root.isEmpty() ? "/" : root);
            } else if (p.startsWith(ACTUATOR + "/")) {
                patterns.add(root + p.substring(ACTUATOR.length()));
            } else {
                patterns.add(p);
            }
        }
        return new RequestMatcherSpec(spec.httpMethod(), patterns, spec.kind(), spec.text());
    }
}
