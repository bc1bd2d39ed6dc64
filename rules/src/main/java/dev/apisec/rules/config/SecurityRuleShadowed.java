package dev.apisec.rules.config;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.AccessLevel;
import dev.apisec.core.security.PathPatterns;
import dev.apisec.core.security.RequestMatcherSpec;
import dev.apisec.core.security.RequestMatcherSpec.Kind;
import dev.apisec.core.security.SecurityChain;
import dev.apisec.core.security.UrlRule;

import java.util.List;

/**
 * Reports Spring Security authorization rules that can never apply because an earlier rule of the same chain
 * matches every request they match (first match wins), and whole filter chains that never see a request
 * because an earlier-ordered chain's scope covers theirs.
 *
 * <p>"Covers" is decided conservatively: the earlier matcher has no HTTP method or the same one, and each of the
 * later matcher's patterns is covered by one of the earlier matcher's patterns ({@link PathPatterns#covers}).
 * Regular-expression and unresolved matchers never count as the broader one; {@code anyRequest()} covers
 * everything. A later rule with the same decision is redundant but harmless and is not reported, except after
 * {@code anyRequest()}, which Spring Security rejects at startup.
 */
@RuleDescriptor(
        id = "security-rule-shadowed",
        title = "Security rule shadowed by an earlier, broader rule",
        description = "An authorization rule (or a whole filter chain) never applies because an earlier rule or "
                + "chain already matches every request it matches, so the access it was written to enforce is not "
                + "the access requests get.",
        severity = Severity.HIGH,
        cwe = {863},
        owasp = "API5",
        precision = Precision.HIGH,
        tags = {"spring-security", "configuration"})
public final class SecurityRuleShadowed implements Rule {

    @Override
    public void check(RuleContext context) {
        List<SecurityChain> chains = context.model().security().chains();
        for (int c = 0; c < chains.size(); c++) {
            SecurityChain chain = chains.get(c);
            checkChainOrder(context, chains, c);
            checkRules(context, chain);
        }
    }

    /** A chain whose every request an earlier-ordered chain handles first. */
    private static void checkChainOrder(RuleContext context, List<SecurityChain> chains, int index) {
        SecurityChain later = chains.get(index);
        for (int i = 0; i < index; i++) {
            SecurityChain earlier = chains.get(i);
            // equal @Order values leave the order to bean registration, which apisec cannot see: only two chains
            // for every request are certain to clash (one of them can never apply, whichever comes first)
            boolean ordered = earlier.order() < later.order()
                    || (earlier.scope().isEmpty() && later.scope().isEmpty());
            if (ordered && scopeCovers(earlier, later)) {
                String message = "filter chain " + simpleName(later.name()) + " never applies: "
                        + simpleName(earlier.name()) + " at " + where(earlier.location()) + " (" + order(earlier)
                        + ") " + (earlier.scope().isEmpty()
                        ? "has no securityMatcher, so it handles every request before "
                        : "matches every request with " + scopeText(earlier) + " before ")
                        + simpleName(later.name()) + " (" + order(later) + ")"
                        + (later.scope().isEmpty() ? "" : " with " + scopeText(later))
                        + " is consulted; its rules are never used"
                        + (earlier.scope().isEmpty() && !later.reactive() && !earlier.reactive()
                        ? " (Spring Security 6 refuses to start with a chain after an any-request chain)" : "");
                context.report(later.location(), Severity.HIGH, message, null, List.of(earlier.location()));
                return;
            }
        }
    }

    private static boolean scopeCovers(SecurityChain earlier, SecurityChain later) {
        if (earlier.reactive() != later.reactive()) {
            return false; // servlet and WebFlux chains never compete for the same request
        }
        if (earlier.scope().isEmpty()) {
            return true;
        }
        if (later.scope().isEmpty()) {
            return false;
        }
        // every request of the later scope (any of its matchers) is in the earlier scope (any of its matchers)
        return later.scope().stream().allMatch(narrow -> earlier.scope().stream().anyMatch(broad -> covers(broad, narrow)));
    }

    private static void checkRules(RuleContext context, SecurityChain chain) {
        List<UrlRule> rules = chain.rules();
        for (int j = 1; j < rules.size(); j++) {
            UrlRule later = rules.get(j);
            for (int i = 0; i < j; i++) {
                UrlRule earlier = rules.get(i);
                if (!covers(earlier, later)) {
                    continue;
                }
                boolean afterAny = earlier.matchers().stream().anyMatch(m -> m.kind() == Kind.ANY
                        && m.httpMethod() == null);
                boolean sameDecision = earlier.decision().summary().equals(later.decision().summary());
                if (sameDecision && !afterAny) {
                    break; // redundant, not a different access
                }
                context.report(later.location(), severity(earlier.decision(), later.decision()),
                        message(chain, earlier, later, afterAny, sameDecision), null, List.of(earlier.location()));
                break;
            }
        }
    }

    /** HIGH unless what applies instead is plainly stricter than what was written (the app fails closed). */
    private static Severity severity(Access applied, Access intended) {
        int a = rank(applied.level());
        int b = rank(intended.level());
        if (a < 0 || b < 0) {
            return Severity.HIGH;
        }
        return a > b ? Severity.LOW : Severity.HIGH;
    }

    /** PUBLIC < AUTHENTICATED < RESTRICTED < DENIED; -1 for CUSTOM (incomparable). */
    private static int rank(AccessLevel level) {
        return switch (level) {
            case PUBLIC -> 0;
            case AUTHENTICATED -> 1;
            case RESTRICTED -> 2;
            case DENIED -> 3;
            case CUSTOM -> -1;
        };
    }

    private static String message(SecurityChain chain, UrlRule earlier, UrlRule later, boolean afterAny,
                                  boolean sameDecision) {
        StringBuilder sb = new StringBuilder();
        sb.append(later.text()).append(" never applies: ").append(earlier.text()).append(" at ")
                .append(where(earlier.location()));
        if (afterAny) {
            sb.append(" comes before it and matches every request");
        } else {
            sb.append(" matches every request it matches first");
        }
        if (!sameDecision) {
            String applied = earlier.decision().summary();
            String intended = later.decision().summary();
            sb.append(", so those requests get ").append(applied).append(" instead of ").append(intended);
            if (!afterAny && severity(earlier.decision(), later.decision()) == Severity.LOW) {
                sb.append(" (stricter than written: the rule fails closed, but its intent is lost)");
            }
        }
        if (afterAny) {
            sb.append(chain.reactive()
                    ? " (Spring Security rejects matchers registered after anyExchange() at startup)"
                    : " (Spring Security rejects matchers configured after anyRequest() at startup)");
        }
        return sb.toString();
    }

    private static boolean covers(UrlRule earlier, UrlRule later) {
        if (earlier.matchers().isEmpty() || later.matchers().isEmpty()) {
            return false;
        }
        return later.matchers().stream().allMatch(narrow -> earlier.matchers().stream().anyMatch(broad -> covers(broad, narrow)));
    }

    /** Whether every request {@code narrow} matches is also matched by {@code broad}. Conservative. */
    static boolean covers(RequestMatcherSpec broad, RequestMatcherSpec narrow) {
        if (broad.httpMethod() != null && !broad.httpMethod().equalsIgnoreCase(
                narrow.httpMethod() == null ? "" : narrow.httpMethod())) {
            return false;
        }
        if (isDispatcherMatcher(broad) || isDispatcherMatcher(narrow)) {
            return false; // dispatcher types are not paths
        }
        if (broad.kind() == Kind.ANY) {
            return true;
        }
        if (broad.kind() != Kind.PATH || narrow.kind() != Kind.PATH) {
            return false; // regex and unresolved matchers never claim shadowing; only ANY covers ANY
        }
        if (broad.patterns().isEmpty() || narrow.patterns().isEmpty()) {
            return false;
        }
        return narrow.patterns().stream().allMatch(n -> broad.patterns().stream().anyMatch(b -> PathPatterns.covers(b, n)));
    }

    private static boolean isDispatcherMatcher(RequestMatcherSpec m) {
        return m.text().startsWith("dispatcherTypeMatchers");
    }

    private static String scopeText(SecurityChain chain) {
        return chain.scope().stream().map(RequestMatcherSpec::text).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String order(SecurityChain chain) {
        return chain.order() == Integer.MAX_VALUE ? "no @Order, lowest precedence"
                : chain.order() == Integer.MIN_VALUE ? "@Order(HIGHEST_PRECEDENCE)" : "@Order(" + chain.order() + ")";
    }

    /** {@code com.acme.SecurityConfig#api} to {@code SecurityConfig#api}. */
    static String simpleName(String chainName) {
        int hash = chainName.indexOf('#');
        String type = hash < 0 ? chainName : chainName.substring(0, hash);
        return type.substring(type.lastIndexOf('.') + 1) + (hash < 0 ? "" : chainName.substring(hash));
    }

    /** {@code SecurityConfig.java:24}. */
    static String where(SourceLocation location) {
        String file = location.file();
        return file.substring(file.lastIndexOf('/') + 1) + ":" + location.startLine();
    }
}
