package dev.apisec.core.security;

import java.util.List;

/**
 * One request matcher of a security rule or chain scope.
 *
 * @param httpMethod GET, POST, ... or null for every method
 * @param patterns   path patterns (ant/mvc/path-pattern syntax) or regular expressions for REGEX
 * @param kind       how to interpret the patterns
 * @param text       the matcher as written, for messages
 */
public record RequestMatcherSpec(String httpMethod, List<String> patterns, Kind kind, String text) {

    public enum Kind {
        /** Ant / MVC / PathPattern paths. */
        PATH,
        /** Regular expressions on the path. */
        REGEX,
        /** anyRequest() / anyExchange(). */
        ANY,
        /** A matcher apisec cannot evaluate (custom RequestMatcher, unresolved variable). */
        UNRESOLVED
    }

    public RequestMatcherSpec {
        patterns = List.copyOf(patterns);
    }

    /** Whether this matcher matches every request to {@code path} with {@code method} ("*" = any method). */
    public boolean matches(String method, String path) {
        if (httpMethod != null && !httpMethod.equalsIgnoreCase(method)) {
            return false;
        }
        return switch (kind) {
            case ANY -> true;
            case PATH -> patterns.stream().anyMatch(p -> PathPatterns.matches(p, path));
            case REGEX -> patterns.stream().anyMatch(p -> PathPatterns.matchesRegex(p, path));
            case UNRESOLVED -> false;
        };
    }
}
