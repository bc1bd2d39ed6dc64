package dev.apisec.core.source;

import dev.apisec.core.engine.Notifications;
import dev.apisec.core.model.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads {@code application*.properties} and {@code application*.yml|yaml} into flat properties with line numbers.
 * The YAML reader handles the block-mapping subset Spring configuration uses (nested keys, scalars, simple
 * {@code - item} lists as {@code key[0]}); anything it cannot follow is skipped, never fatal.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    public static List<ConfigProperty> read(List<SourceFile> files, Notifications notes) {
        List<ConfigProperty> out = new ArrayList<>();
        for (SourceFile f : files) {
            String name = f.relativePath();
            if (!(name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"))) {
                continue; // web.xml and friends have their own readers
            }
            try {
                String text = TextDecoder.decode(Files.readAllBytes(f.path())).text();
                if (f.relativePath().endsWith(".properties")) {
                    readProperties(f.relativePath(), text, out);
                } else {
                    readYaml(f.relativePath(), text, out);
                }
            } catch (IOException e) {
                notes.error(f.relativePath(), 0, "cannot read file: " + e.getMessage());
            } catch (RuntimeException e) {
                notes.warning(f.relativePath(), 0, "configuration file not understood: " + e.getMessage());
            }
        }
        return out;
    }

    static void readProperties(String file, String text, List<ConfigProperty> out) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(lines[i].stripLeading());
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].stripLeading());
            }
            String l = logical.toString();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
                continue;
            }
            int sep = -1;
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    sep = j;
                    break;
                }
            }
            String key = (sep < 0 ? l : l.substring(0, sep)).strip();
            String value = sep < 0 ? "" : l.substring(sep + 1).strip();
            if (value.startsWith("=") || value.startsWith(":")) {
                value = value.substring(1).strip();
            }
            out.add(new ConfigProperty(key, value, file, lineNo));
        }
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int count = 0;
        for (int j = s.length() - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            count++;
        }
        return count % 2 == 1;
    }

    private record Level(int indent, String prefix, int[] listIndex) {
    }

    static void readYaml(String file, String text, List<ConfigProperty> out) {
        String[] lines = text.split("\r?\n", -1);
        Deque<Level> stack = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals("---")) {
                stack.clear();
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            while (!stack.isEmpty() && stack.peek().indent() >= indent && !(trimmed.startsWith("- ")
                    && stack.peek().indent() == indent && stack.peek().listIndex()[0] >= 0)) {
                stack.pop();
            }
            String prefix = stack.isEmpty() ? "" : stack.peek().prefix();
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                Level parent = stack.peek();
                if (parent == null) {
                    continue;
                }
                int idx = ++parent.listIndex()[0];
                String item = trimmed.length() > 1 ? stripComment(trimmed.substring(2).strip()) : "";
                String key = parent.prefix() + "[" + idx + "]";
                int colon = keyColon(item);
                if (colon > 0) {
                    // list of mappings: "- name: value"
                    String sub = unquote(item.substring(0, colon).strip());
                    out.add(new ConfigProperty(key + "." + sub, unquote(item.substring(colon + 1).strip()), file, i + 1));
                    stack.push(new Level(indent + 1, key, new int[]{-1}));
                } else {
                    out.add(new ConfigProperty(key, unquote(item), file, i + 1));
                }
                continue;
            }
            int colon = keyColon(trimmed);
            if (colon <= 0) {
                continue;
            }
            String key = unquote(trimmed.substring(0, colon).strip());
            String value = stripComment(trimmed.substring(colon + 1).strip());
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value.isEmpty()) {
                stack.push(new Level(indent, full, new int[]{-1}));
            } else if (value.startsWith("[") && value.endsWith("]")) {
                String[] items = value.substring(1, value.length() - 1).split(",");
                for (int k = 0; k < items.length; k++) {
                    out.add(new ConfigProperty(full + "[" + k + "]", unquote(items[k].strip()), file, i + 1));
                }
            } else {
                out.add(new ConfigProperty(full, unquote(value), file, i + 1));
            }
        }
    }

    private static int keyColon(String s) {
        boolean quoted = false;
        char q = 0;
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (quoted) {
                if (c == q) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                q = c;
            } else if (c == ':' && (j + 1 == s.length() || s.charAt(j + 1) == ' ')) {
                return j;
            }
        }
        return -1;
    }

    private static String stripComment(String value) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            return value;
        }
        int hash = value.indexOf(" #");
        return hash < 0 ? value : value.substring(0, hash).strip();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
