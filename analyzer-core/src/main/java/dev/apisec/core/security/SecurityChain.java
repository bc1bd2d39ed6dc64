package dev.apisec.core.security;

import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * One Spring Security filter chain ({@code SecurityFilterChain} / {@code SecurityWebFilterChain} bean, or a
 * {@code WebSecurityConfigurerAdapter}) as apisec understood it.
 *
 * @param name                    {@code ConfigClass#method} that builds it
 * @param order                   {@code @Order} value, {@link Integer#MAX_VALUE} when none (Spring's lowest precedence)
 * @param declarationIndex        tie-breaker: order of appearance in the sources (path, then position)
 * @param scope                   securityMatcher(s); empty = every request
 * @param rules                   authorization rules in declaration order
 * @param authorizationConfigured whether the chain configures authorization at all
 * @param legacyDsl               {@code authorizeRequests()} (unmatched requests are allowed) rather than
 *                                {@code authorizeHttpRequests} (unmatched requests are denied)
 * @param reactive                WebFlux {@code ServerHttpSecurity}
 * @param csrfDisabled            where CSRF protection is disabled, or null
 * @param stateless               {@code SessionCreationPolicy.STATELESS} or a WebFlux NoOp security context repository
 * @param sessionLogins           form login, remember-me, OAuth2 login or other session/cookie-based logins in use
 * @param bearerTokens            resource server (JWT / opaque token) or a custom token filter
 */
public record SecurityChain(String name, int order, int declarationIndex, List<RequestMatcherSpec> scope,
                            List<UrlRule> rules, boolean authorizationConfigured, boolean legacyDsl,
                            boolean reactive, SourceLocation csrfDisabled, boolean stateless,
                            boolean sessionLogins, boolean bearerTokens, SourceLocation location) {

    public SecurityChain {
        scope = List.copyOf(scope);
        rules = List.copyOf(rules);
    }

    public boolean appliesTo(String method, String path) {
        return scope.isEmpty() || scope.stream().anyMatch(m -> m.matches(method, path));
    }
}
