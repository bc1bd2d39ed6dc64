package dev.apisec.core.source;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.model.ConfigProperty;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code application*.properties} and {@code application*.yml|yaml} into flat properties with line numbers.
 * YAML is read with SnakeYAML's safe composer (all documents); a file that does not parse yields a notification.
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

    /**
     * YAML through SnakeYAML's composer only (a node tree with positions; no object is ever constructed, so no
     * type can be instantiated from the file), all documents, flattened to Spring's property names: nested keys
     * joined with '.', sequence items as {@code key[i]}. The line is the line of the leaf's key (or item).
     */
    static void readYaml(String file, String text, List<ConfigProperty> out) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(10 * 1024 * 1024);
        // tags are read as plain nodes: only the composer runs, nothing is ever constructed from a tag
        options.setTagInspector(tag -> true);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        for (Node document : yaml.composeAll(new StringReader(text))) {
            flatten(file, "", document, document.getStartMark().getLine() + 1, out, 0);
        }
    }

    private static void flatten(String file, String prefix, Node node, int line, List<ConfigProperty> out,
                                int depth) {
        if (node == null || depth > 64) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                String name = key instanceof ScalarNode sk ? sk.getValue() : String.valueOf(key);
                String full = prefix.isEmpty() ? name : prefix + "." + name;
                flatten(file, full, tuple.getValueNode(), key.getStartMark().getLine() + 1, out, depth + 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                int itemLine = sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                        ? line : item.getStartMark().getLine() + 1;
                flatten(file, prefix + "[" + i + "]", item, itemLine, out, depth + 1);
            }
        } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
            out.add(new ConfigProperty(prefix, scalar.getValue(), file, line));
        }
    }
}
