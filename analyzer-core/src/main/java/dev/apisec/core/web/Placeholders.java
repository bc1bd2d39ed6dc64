package dev.apisec.core.web;

import dev.apisec.core.model.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves Spring {@code ${key}} / {@code ${key:default}} placeholders in mapping paths from the project's
 * configuration files: the default profile's {@code application.*} first, then profile-specific files, then the
 * placeholder's default. Unresolvable placeholders are left as written.
 */
final class Placeholders {

    private final Map<String, String> values = new HashMap<>();

    Placeholders(List<ConfigProperty> properties) {
        for (ConfigProperty p : properties) {
            if (isDefaultProfile(p.file())) {
                values.putIfAbsent(p.key(), p.value());
            }
        }
        for (ConfigProperty p : properties) {
            values.putIfAbsent(p.key(), p.value());
        }
    }

    private static boolean isDefaultProfile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.matches("application\\.(properties|ya?ml)");
    }

    String resolve(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int guard = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0 || guard++ > 20) {
                out.append(text, i, text.length());
                break;
            }
            int end = matchingBrace(text, start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String inner = text.substring(start + 2, end);
            int colon = inner.indexOf(':');
            String key = colon < 0 ? inner : inner.substring(0, colon);
            String value = values.get(key);
            if (value == null && colon >= 0) {
                value = inner.substring(colon + 1);
            }
            out.append(value == null ? text.substring(start, end + 1) : resolve(value));
            i = end + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
