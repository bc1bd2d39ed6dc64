package dev.apisec.core.source;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A single-pass lexer over a Java file's text that records, without building an AST, the package, the
 * top-level type names, the simple names of annotations used, the supertypes named in type headers and a few
 * content markers. It skips comments, strings, text blocks and char literals, so markers inside them do not
 * count (except header names that are string literals, looked up separately).
 */
public final class PreScanner {

    private static final Map<Marker, List<String>> TEXT_MARKERS = Map.of(
            Marker.CORS, List.of("CorsRegistry", "CorsConfiguration", "CrossOrigin", "Access-Control-Allow-Origin",
                    "ACCESS_CONTROL_ALLOW_ORIGIN", "AccessControlAllowOrigin", "allowedOrigin"),
            Marker.SECURITY_CONFIG, List.of("HttpSecurity", "SecurityFilterChain", "WebSecurityConfigurerAdapter",
                    "EnableReactiveMethodSecurity", "WebSecurity",
                    "WebSecurityCustomizer", "SecurityWebFilterChain", "EnableMethodSecurity",
                    "EnableGlobalMethodSecurity", "EnableWebSecurity"),
            Marker.EXCEPTION_HANDLER, List.of("ExceptionHandler", "ExceptionMapper", "ErrorController",
                    "ResponseEntityExceptionHandler"),
            Marker.REQUEST_FILTER, List.of("Filter", "HandlerInterceptor", "ContainerRequestFilter"),
            Marker.APPLICATION_PATH, List.of("ApplicationPath"),
            Marker.SPRING_SECURITY, List.of("org.springframework.security"),
            Marker.PROPERTY_COPY, List.of("copyProperties", "Mapper"),
            Marker.METHOD_SECURITY, List.of("PreAuthorize", "PostAuthorize", "PreFilter", "PostFilter", "Secured",
                    "RolesAllowed", "PermitAll", "DenyAll", "Authenticated"),
            Marker.ACCESS_CHECK, List.of("isUserInRole", "hasRole", "hasAnyRole", "hasAuthority", "hasAnyAuthority",
                    "getAuthorities", "AuthorizationManager", "Permission", "Access(", "authorize", "Role(",
                    "Roles("));

    /**
     * The needles of {@link #TEXT_MARKERS} by their first two characters (ASCII, {@code first * 128 + second}),
     * with the marker each one sets.
     */
    private static final Needle[][] NEEDLES_BY_PREFIX = new Needle[128 * 128][];

    private record Needle(String text, Marker marker) {
    }

    static {
        Map<Integer, List<Needle>> byPrefix = new java.util.TreeMap<>();
        TEXT_MARKERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (String needle : e.getValue()) {
                int prefix = needle.charAt(0) * 128 + needle.charAt(1);
                byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(new Needle(needle, e.getKey()));
            }
        });
        byPrefix.forEach((prefix, list) -> NEEDLES_BY_PREFIX[prefix] = list.toArray(new Needle[0]));
    }

    private PreScanner() {
    }

    /** Each text marker with the strings whose presence anywhere in a file sets it. */
    static Map<Marker, List<String>> textMarkerNeedles() {
        return TEXT_MARKERS;
    }

    /**
     * Adds the markers whose needle occurs anywhere in {@code text} (comments and strings included): one pass that
     * tries, at each position, only the needles starting with the two characters there, instead of one search of
     * the whole text per needle.
     */
    static void textMarkers(String text, EnumSet<Marker> markers) {
        int last = text.length() - 1;
        int remaining = TEXT_MARKERS.size();
        for (int i = 0; i < last && remaining > 0; i++) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            Needle[] candidates = c < 128 && d < 128 ? NEEDLES_BY_PREFIX[c * 128 + d] : null;
            if (candidates == null) {
                continue;
            }
            for (Needle needle : candidates) {
                if (!markers.contains(needle.marker()) && text.startsWith(needle.text(), i)) {
                    markers.add(needle.marker());
                    remaining--;
                }
            }
        }
    }

    public static FileFacts scan(String text) {
        Lexer lx = new Lexer(text);
        lx.run();
        EnumSet<Marker> markers = EnumSet.noneOf(Marker.class);
        if (lx.annotationDeclaration) {
            markers.add(Marker.ANNOTATION_DECLARATION);
        }
        // a repository declaration, not every class that injects one: decided from type headers and annotations
        if (lx.supertypes.stream().anyMatch(t -> t.endsWith("Repository") || t.endsWith("Executor"))
                || lx.annotations.contains("RepositoryDefinition")) {
            markers.add(Marker.REPOSITORY);
        }
        textMarkers(text, markers);
        return new FileFacts(lx.packageName, lx.topLevelTypes, lx.annotations, lx.supertypes, markers,
                lx.constructed);
    }

    private static final class Lexer {
        private final String s;
        private final int n;
        private int i;
        private int braceDepth;
        private int angleDepth;
        private int parenDepth;
        private String packageName = "";
        private final List<String> topLevelTypes = new ArrayList<>();
        private final Set<String> annotations = new HashSet<>();
        private final Set<String> supertypes = new HashSet<>();
        private final Set<String> constructed = new HashSet<>();
        private boolean afterNew;
        private boolean annotationDeclaration;

        /** 0 = none, 1 = expect type name, 2 = in extends/implements list. */
        private int headerState;
        private boolean expectPackage;
        private StringBuilder pkg;
        private char prevSignificant = ' ';

        Lexer(String s) {
            this.s = s;
            this.n = s.length();
        }

        void run() {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                    int nl = s.indexOf('\n', i);
                    i = nl < 0 ? n : nl + 1;
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (c == '"') {
                    skipString();
                    prevSignificant = '"';
                } else if (c == '\'') {
                    skipChar();
                    prevSignificant = '\'';
                } else if (c == '@') {
                    i++;
                    annotation();
                } else if (Character.isJavaIdentifierStart(c)) {
                    identifier();
                } else {
                    punctuation(c);
                    i++;
                }
            }
        }

        private void punctuation(char c) {
            if (Character.isWhitespace(c)) {
                return;
            }
            switch (c) {
                case '{' -> {
                    braceDepth++;
                    headerState = 0;
                    angleDepth = 0;
                    parenDepth = 0;
                }
                case '}' -> braceDepth = Math.max(0, braceDepth - 1);
                case ';' -> {
                    headerState = 0;
                    if (expectPackage) {
                        expectPackage = false;
                        packageName = pkg.toString();
                    }
                }
                case '(' -> {
                    if (headerState != 0) {
                        parenDepth++;
                    }
                }
                case ')' -> {
                    if (headerState != 0 && parenDepth > 0) {
                        parenDepth--;
                    }
                }
                case '<' -> {
                    if (headerState != 0) {
                        angleDepth++;
                    }
                }
                case '>' -> {
                    if (headerState != 0 && angleDepth > 0) {
                        angleDepth--;
                    }
                }
                case '.' -> {
                    if (expectPackage) {
                        pkg.append('.');
                    }
                }
                default -> {
                }
            }
            prevSignificant = c;
        }

        private void identifier() {
            int start = i;
            i++;
            while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                i++;
            }
            int len = i - start;
            boolean afterDot = prevSignificant == '.';
            prevSignificant = 'a';
            if (afterNew) {
                // new a.b.Type(...): the last segment is the constructed type
                int j = skipSpaces(i);
                if (j >= n || s.charAt(j) != '.') {
                    afterNew = false;
                    constructed.add(s.substring(start, i));
                }
                return;
            }
            if (!afterDot && is(start, len, "new") && !expectPackage) {
                afterNew = true;
                return;
            }
            if (expectPackage) {
                pkg.append(s, start, i);
                return;
            }
            if (headerState == 1) {
                String name = s.substring(start, i);
                if (braceDepth == 0) {
                    topLevelTypes.add(name);
                }
                headerState = 2;
                return;
            }
            if (!afterDot) {
                if (is(start, len, "package") && braceDepth == 0 && packageName.isEmpty() && topLevelTypes.isEmpty()) {
                    expectPackage = true;
                    pkg = new StringBuilder();
                    return;
                }
                if (is(start, len, "class") || is(start, len, "interface") || is(start, len, "enum")
                        || (is(start, len, "record") && looksLikeTypeHeader())) {
                    headerState = 1;
                    angleDepth = 0;
                    return;
                }
            }
            if (headerState == 2 && angleDepth == 0 && parenDepth == 0) {
                if (is(start, len, "extends") || is(start, len, "implements") || is(start, len, "permits")) {
                    return;
                }
                // the last segment of a qualified name wins: a following '.' makes this a qualifier
                int j = skipSpaces(i);
                if (j >= n || s.charAt(j) != '.') {
                    supertypes.add(s.substring(start, i));
                }
            }
        }

        /** {@code record Foo(} or {@code record Foo<}: a record header, not a variable named record. */
        private boolean looksLikeTypeHeader() {
            int j = skipSpaces(i);
            if (j >= n || !Character.isJavaIdentifierStart(s.charAt(j))) {
                return false;
            }
            while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                j++;
            }
            j = skipSpaces(j);
            return j < n && (s.charAt(j) == '(' || s.charAt(j) == '<');
        }

        private void annotation() {
            int j = skipSpaces(i);
            if (j < n && Character.isJavaIdentifierStart(s.charAt(j))) {
                int start = j;
                int lastStart = j;
                while (j < n) {
                    int segStart = j;
                    while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                        j++;
                    }
                    lastStart = segStart;
                    int k = skipSpaces(j);
                    if (k + 1 < n && s.charAt(k) == '.' && Character.isJavaIdentifierStart(s.charAt(skipSpaces(k + 1)))) {
                        j = skipSpaces(k + 1);
                    } else {
                        break;
                    }
                }
                String last = s.substring(lastStart, j);
                if (lastStart == start && last.equals("interface")) {
                    annotationDeclaration = true;
                    headerState = 1;
                } else {
                    annotations.add(last);
                }
                i = j;
                prevSignificant = 'a';
            }
        }

        private int skipSpaces(int from) {
            int j = from;
            while (j < n && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            return j;
        }

        private boolean is(int start, int len, String word) {
            return len == word.length() && s.regionMatches(start, word, 0, len);
        }

        private void skipString() {
            if (s.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (true) {
                    int close = s.indexOf("\"\"\"", end);
                    if (close < 0) {
                        i = n;
                        return;
                    }
                    if (s.charAt(close - 1) == '\\' && !escapedBackslash(close - 1)) {
                        end = close + 1;
                        continue;
                    }
                    i = close + 3;
                    return;
                }
            }
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '"' || c == '\n') {
                    i++;
                    return;
                } else {
                    i++;
                }
            }
        }

        private boolean escapedBackslash(int pos) {
            int count = 0;
            int j = pos;
            while (j >= 0 && s.charAt(j) == '\\') {
                count++;
                j--;
            }
            return count % 2 == 0;
        }

        private void skipChar() {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '\'' || c == '\n') {
                    i++;
                    return;
                } else {
                    i++;
                }
            }
        }
    }
}
