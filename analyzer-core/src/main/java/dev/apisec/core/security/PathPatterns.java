package dev.apisec.core.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Spring's request-path matching semantics (AntPathMatcher and PathPattern, which agree on the forms used in
 * security configuration): {@code ?} one character, {@code *} within one segment, {@code **} any number of
 * segments, {@code {var}} and {@code {var:regex}} one segment, {@code {*var}} the rest of the path. A trailing
 * slash in the pattern is ignored, as endpoint paths carry none.
 *
 * <p>Endpoint paths are templates: a segment {@code {id}} stands for any value, so it matches a pattern segment
 * that accepts any value ({@code *}, {@code {x}}, {@code **}) but not a literal one ({@code me}): a rule for
 * {@code /orders/me} does not protect {@code /orders/{id}} in general.
 */
public final class PathPatterns {

    private PathPatterns() {
    }

    /** True when {@code pattern} matches every request to the endpoint path {@code path}. */
    public static boolean matches(String pattern, String path) {
        List<String> p = segments(pattern);
        List<String> s = segments(path);
        return match(p, 0, s, 0);
    }

    /** True when {@code pattern} matches every request of {@code regex}-style matcher semantics. */
    public static boolean matchesRegex(String regex, String path) {
        try {
            // a template variable stands for any value: test with a neutral sample value
            String sample = path.replaceAll("\\{[^/]*}", "1");
            return Pattern.compile(regex).matcher(sample).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * True when every path that {@code narrow} matches is also matched by {@code broad} — used to find rules
     * shadowed by an earlier, broader one. Conservative: false when unsure.
     */
    public static boolean covers(String broad, String narrow) {
        return match(segments(broad), 0, segments(narrow), 0);
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (!seg.isEmpty()) {
                out.add(seg);
            }
        }
        return out;
    }

    private static boolean match(List<String> p, int pi, List<String> s, int si) {
        if (pi == p.size()) {
            return si == s.size();
        }
        String seg = p.get(pi);
        if (seg.equals("**") || (seg.startsWith("{*") && seg.endsWith("}"))) {
            if (pi == p.size() - 1) {
                return true;
            }
            for (int k = si; k <= s.size(); k++) {
                if (match(p, pi + 1, s, k)) {
                    return true;
                }
            }
            return false;
        }
        if (si == s.size()) {
            return false;
        }
        return segmentMatches(seg, s.get(si)) && match(p, pi + 1, s, si + 1);
    }

    /** One pattern segment against one path segment (which may itself be a template variable). */
    static boolean segmentMatches(String pattern, String value) {
        boolean valueIsVariable = value.startsWith("{") && value.endsWith("}");
        if (pattern.equals("*") || pattern.equals("**")) {
            return true;
        }
        if (pattern.startsWith("{") && pattern.endsWith("}")) {
            int colon = pattern.indexOf(':');
            if (colon < 0) {
                return true;
            }
            if (valueIsVariable) {
                // {id:\d+} does not cover every value of {id}
                return pattern.substring(colon + 1, pattern.length() - 1).equals(".*")
                        || pattern.substring(colon + 1, pattern.length() - 1).equals(".+");
            }
            return safeMatches(pattern.substring(colon + 1, pattern.length() - 1), value);
        }
        if (valueIsVariable) {
            // a literal or partial pattern ("*.json", "me") does not cover an arbitrary value
            return false;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('{') < 0) {
            return pattern.equals(value);
        }
        return safeMatches(toRegex(pattern), value);
    }

    private static boolean safeMatches(String regex, String value) {
        try {
            return Pattern.compile(regex).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '{') {
                int end = glob.indexOf('}', i);
                if (end < 0) {
                    sb.append(Pattern.quote(glob.substring(i)));
                    break;
                }
                String var = glob.substring(i + 1, end);
                int colon = var.indexOf(':');
                sb.append(colon < 0 ? "[^/]+" : "(?:" + var.substring(colon + 1) + ")");
                i = end;
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
