package dev.apisec.rules.auth;

import dev.apisec.core.facts.AnalysisOptions;
import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.AccessLevel;
import dev.apisec.core.security.SecurityModel;
import dev.apisec.core.source.Marker;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports endpoints anyone can call without authentication. CRITICAL when the endpoint changes state (POST, PUT,
 * PATCH, DELETE, or a mapping that accepts every method) or its path names a sensitive area ({@code admin},
 * {@code actuator}, {@code users}, ...); HIGH otherwise. Paths that are public by nature (login, token, health,
 * API docs, static assets, ...) are left alone; that vocabulary is a constructor parameter so a configuration can
 * extend it. CUSTOM access (opaque expressions, programmatic checks, custom filters) is never reported.
 */
@RuleDescriptor(
        id = "missing-authentication",
        title = "Endpoint reachable without authentication",
        description = "The effective security configuration lets anonymous callers reach this endpoint: a "
                + "permitAll() or web.ignoring() matches it, no filter chain covers it, or the project has no "
                + "authentication at all.",
        severity = Severity.HIGH,
        cwe = {306},
        owasp = "API2",
        precision = Precision.HIGH,
        tags = {"authentication", "access-control"})
public final class MissingAuthentication implements Rule {

    /** Path words of endpoints that must be reachable before logging in, or that hold nothing worth protecting. */
    public static final List<String> DEFAULT_PUBLIC_PATH_WORDS = List.of(
            "login", "logout", "signin", "sign-in", "signout", "sign-out", "register", "registration", "signup",
            "sign-up", "token", "refresh", "forgot-password", "password-reset", "reset-password", "health",
            "healthz", "info", "public", "docs", "api-docs", "openapi", "swagger", "swagger-ui", "static", "assets",
            "webjars", "css", "js", "images", "favicon", "robots", "error");

    /** Path words that make an anonymous endpoint CRITICAL even for reads. */
    public static final List<String> SENSITIVE_PATH_WORDS = List.of("admin", "internal", "management", "actuator",
            "users", "accounts", "config", "debug", "export");

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE", "*");

    /** Option {@code missing-authentication.public-path-words}: replaces {@link #DEFAULT_PUBLIC_PATH_WORDS}. */
    public static final AnalysisOptions.RuleOption<List<String>> PUBLIC_PATH_WORDS = AnalysisOptions.RuleOption.words(
            "missing-authentication", "public-path-words", DEFAULT_PUBLIC_PATH_WORDS);

    /** Null: the analysis's option {@link #PUBLIC_PATH_WORDS}. */
    private final List<String> publicPathWords;

    public MissingAuthentication() {
        this.publicPathWords = null;
    }

    /** @param publicPathWords path words that mark an endpoint as public by nature (replaces the defaults) */
    public MissingAuthentication(List<String> publicPathWords) {
        this.publicPathWords = List.copyOf(publicPathWords);
    }

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        if (model.endpoints().isEmpty()) {
            return;
        }
        List<String> publicWords = publicPathWords != null ? publicPathWords
                : context.options().ruleOption(PUBLIC_PATH_WORDS);
        boolean noSecurity = hasNoSecurityAtAll(model);
        for (Endpoint endpoint : model.endpoints()) {
            Access access = model.access(endpoint);
            if (access.level() != AccessLevel.PUBLIC) {
                continue;
            }
            PathSegments path = PathSegments.of(endpoint.path());
            if (path.find(publicWords).isPresent()) {
                continue;
            }
            Optional<PathSegments.Match> sensitive = path.find(SENSITIVE_PATH_WORDS);
            boolean changesState = STATE_CHANGING.contains(endpoint.httpMethod());
            Severity severity = changesState || sensitive.isPresent() ? Severity.CRITICAL
                    : context.metadata().severity();
            String message = endpoint.route() + " is reachable without authentication: "
                    + (noSecurity ? "the project has no authentication at all (no Spring Security, no JAX-RS "
                    + "role annotations, no web.xml security constraints)" : AccessEvidence.text(access))
                    + consequence(endpoint, changesState, sensitive);
            context.report(endpoint.location(), severity, message, endpoint.route(),
                    AccessEvidence.locations(access));
        }
    }

    private static String consequence(Endpoint e, boolean changesState, Optional<PathSegments.Match> sensitive) {
        if (changesState) {
            return e.httpMethod().equals("*")
                    ? "; the mapping accepts every HTTP method, including state-changing ones, from anonymous callers"
                    : "; anonymous callers can change state with " + e.httpMethod();
        }
        if (sensitive.isPresent()) {
            return "; the path segment \"" + sensitive.get().segment() + "\" marks a sensitive area";
        }
        return "";
    }

    /**
     * No Spring Security, no web.xml constraints, no request filter that checks authentication and no
     * method-security or JAX-RS role annotation anywhere.
     */
    private static boolean hasNoSecurityAtAll(ProjectModel model) {
        SecurityModel security = model.security();
        return !security.springSecurity() && security.webXmlConstraints().isEmpty()
                && security.authenticationFilters().isEmpty() && model.filesWith(Marker.METHOD_SECURITY).isEmpty();
    }
}
