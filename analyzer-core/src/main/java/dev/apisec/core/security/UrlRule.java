package dev.apisec.core.security;

import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * One authorization rule of a filter chain: matchers and the decision for matching requests, in declaration
 * order (first match wins).
 */
public record UrlRule(List<RequestMatcherSpec> matchers, Access decision, SourceLocation location, String text) {

    public UrlRule {
        matchers = List.copyOf(matchers);
    }

    public boolean matches(String method, String path) {
        return matchers.stream().anyMatch(m -> m.matches(method, path));
    }

    /** True when a matcher cannot be evaluated (so "first match" is uncertain from here on). */
    public boolean isUncertain() {
        return matchers.stream().anyMatch(m -> m.kind() == RequestMatcherSpec.Kind.UNRESOLVED);
    }
}
