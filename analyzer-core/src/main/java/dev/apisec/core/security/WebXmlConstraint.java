package dev.apisec.core.security;

import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * One {@code <security-constraint>} of a {@code web.xml}: servlet url-patterns, the HTTP methods it covers
 * (empty = all, minus omissions), and its auth-constraint: null when absent (no authentication needed), empty
 * when present with no roles (nobody), otherwise the role names ({@code *} = any role, {@code **} = any
 * authenticated user).
 */
public record WebXmlConstraint(List<String> urlPatterns, List<String> httpMethods, List<String> httpMethodOmissions,
                               List<String> roles, SourceLocation location) {

    public WebXmlConstraint {
        urlPatterns = List.copyOf(urlPatterns);
        httpMethods = List.copyOf(httpMethods);
        httpMethodOmissions = List.copyOf(httpMethodOmissions);
        roles = roles == null ? null : List.copyOf(roles);
    }

    public boolean coversMethod(String method) {
        if (!httpMethods.isEmpty()) {
            return httpMethods.stream().anyMatch(m -> m.equalsIgnoreCase(method));
        }
        return httpMethodOmissions.stream().noneMatch(m -> m.equalsIgnoreCase(method));
    }

    /**
     * How specifically a servlet url-pattern matches {@code path}: exact 3, path prefix 2 (longer wins via the
     * second value), extension 1, default 0; -1 when it does not match.
     */
    static int[] match(String pattern, String path) {
        if (pattern.equals(path)) {
            return new int[]{3, pattern.length()};
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            if (path.equals(prefix) || path.startsWith(prefix + "/") || prefix.isEmpty()) {
                return new int[]{2, prefix.length()};
            }
            return new int[]{-1, 0};
        }
        if (pattern.startsWith("*.")) {
            return path.endsWith(pattern.substring(1)) ? new int[]{1, 0} : new int[]{-1, 0};
        }
        if (pattern.equals("/")) {
            return new int[]{0, 0};
        }
        return new int[]{-1, 0};
    }
}
