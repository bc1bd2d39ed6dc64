package dev.apisec.core.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Spring Security SpEL expressions whose meaning is certain — {@code permitAll}, {@code denyAll},
 * {@code isAuthenticated()}, {@code isFullyAuthenticated()}, {@code isAnonymous()}, {@code hasRole('X')},
 * {@code hasAnyRole('X','Y')}, {@code hasAuthority(...)}, {@code hasAnyAuthority(...)} — combined with
 * {@code and}/{@code or}. Anything else (parameters, beans, {@code principal}, ACLs) is CUSTOM.
 */
public final class SpelAccess {

    private static final Pattern CALL = Pattern.compile(
            "(hasRole|hasAnyRole|hasAuthority|hasAnyAuthority)\\s*\\(([^()]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private SpelAccess() {
    }

    /** The access an expression grants; CUSTOM with the expression when it is not one of the certain forms. */
    public static Access parse(String expression, Evidence evidence) {
        String expr = strip(expression.trim());
        List<String> orTerms = split(expr, "or");
        if (orTerms.size() > 1) {
            Access result = null;
            for (String term : orTerms) {
                Access a = parse(term, evidence);
                if (a.level() == AccessLevel.CUSTOM) {
                    return Access.custom(expression, evidence);
                }
                result = result == null ? a : weaker(result, a);
            }
            return result;
        }
        List<String> andTerms = split(expr, "and");
        if (andTerms.size() > 1) {
            Access result = null;
            for (String term : andTerms) {
                Access a = parse(term, evidence);
                if (a.level() == AccessLevel.CUSTOM) {
                    return Access.custom(expression, evidence);
                }
                result = result == null ? a : result.and(a);
            }
            return new Access(result.level(), result.authorities(), result.expression(), List.of(evidence));
        }
        return term(expr, expression, evidence);
    }

    private static Access term(String t, String original, Evidence evidence) {
        String n = t.replace(" ", "");
        switch (n) {
            case "permitAll", "permitAll()", "isAnonymous()", "true":
                return Access.of(AccessLevel.PUBLIC, evidence);
            case "denyAll", "denyAll()", "false":
                return Access.of(AccessLevel.DENIED, evidence);
            case "isAuthenticated()", "isFullyAuthenticated()", "isRememberMe()", "authenticated", "fullyAuthenticated":
                return Access.of(AccessLevel.AUTHENTICATED, evidence);
            default:
                break;
        }
        Matcher m = CALL.matcher(t);
        if (m.matches()) {
            Set<String> values = new LinkedHashSet<>();
            Matcher q = QUOTED.matcher(m.group(2));
            while (q.find()) {
                values.add(q.group(1) != null ? q.group(1) : q.group(2));
            }
            if (values.isEmpty()) {
                return Access.custom(original, evidence);
            }
            boolean roles = m.group(1).toLowerCase(Locale.ROOT).contains("role");
            Set<String> authorities = new LinkedHashSet<>();
            for (String v : values) {
                authorities.add(roles ? rolePrefix(v) : v);
            }
            return Access.restricted(authorities, evidence);
        }
        return Access.custom(original, evidence);
    }

    /** Spring adds {@code ROLE_} to role names that do not carry it. */
    public static String rolePrefix(String role) {
        return role.startsWith("ROLE_") ? role : "ROLE_" + role;
    }

    private static Access weaker(Access a, Access b) {
        int sa = a.level().ordinal();
        int sb = b.level().ordinal();
        if (a.level() == AccessLevel.RESTRICTED && b.level() == AccessLevel.RESTRICTED) {
            Set<String> union = new LinkedHashSet<>(a.authorities());
            union.addAll(b.authorities());
            return new Access(AccessLevel.RESTRICTED, union, "", a.evidence());
        }
        // PUBLIC < AUTHENTICATED < RESTRICTED < DENIED for "or"
        return rank(a.level()) <= rank(b.level()) ? a : b;
    }

    private static int rank(AccessLevel l) {
        return switch (l) {
            case PUBLIC -> 0;
            case AUTHENTICATED -> 1;
            case RESTRICTED -> 2;
            case DENIED -> 3;
            case CUSTOM -> 4;
        };
    }

    private static String strip(String e) {
        String s = e.trim();
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Splits on a top-level boolean operator word ({@code and}/{@code or}, also {@code &&}/{@code ||}). */
    private static List<String> split(String expr, String op) {
        String symbol = op.equals("and") ? "&&" : "||";
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quote = false;
        int start = 0;
        String lower = expr.toLowerCase(Locale.ROOT);
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\'') {
                quote = !quote;
            }
            if (quote) {
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                if (expr.startsWith(symbol, i)) {
                    out.add(expr.substring(start, i));
                    start = i + 2;
                    i++;
                } else if (lower.startsWith(op, i) && boundary(expr, i - 1) && boundary(expr, i + op.length())) {
                    out.add(expr.substring(start, i));
                    start = i + op.length();
                    i += op.length() - 1;
                }
            }
        }
        out.add(expr.substring(start));
        return out.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }
}
