package dev.apisec.core.web;

import java.util.ArrayList;
import java.util.List;

/** Combination and normalization of mapping paths. */
final class Paths {

    private Paths() {
    }

    /** Joins path fragments with single slashes; result starts with "/" and has no trailing slash (but "/"). */
    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isEmpty()) {
                continue;
            }
            sb.append('/').append(p);
        }
        return normalize(sb.toString());
    }

    static String normalize(String path) {
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        StringBuilder sb = new StringBuilder(p.length());
        int braces = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '{') {
                braces++;
            } else if (c == '}' && braces > 0) {
                braces--;
            }
            // collapse "//" outside of {var:regex} sections
            if (c == '/' && braces == 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) == '/') {
                continue;
            }
            sb.append(c);
        }
        if (sb.length() > 1 && sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** Every combination of prefixes and suffixes, in order. */
    static List<String> combine(List<String> prefixes, List<String> suffixes) {
        List<String> out = new ArrayList<>();
        List<String> pre = prefixes.isEmpty() ? List.of("") : prefixes;
        List<String> suf = suffixes.isEmpty() ? List.of("") : suffixes;
        for (String a : pre) {
            for (String b : suf) {
                String joined = join(a, b);
                if (!out.contains(joined)) {
                    out.add(joined);
                }
            }
        }
        return out;
    }
}
