package dev.apisec.rules.errors;

import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.source.SourceFile;
import dev.apisec.core.source.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Locations of configuration properties (the whole line of the key) and Spring's relaxed property names. */
final class ConfigLines {

    private final ProjectModel model;
    private final Map<String, String[]> lines = new HashMap<>();

    ConfigLines(ProjectModel model) {
        this.model = model;
    }

    /** The line of {@code p}, anchored at its key so the fingerprint survives line moves. */
    SourceLocation location(ConfigProperty p) {
        String text = line(p.file(), p.line());
        return new SourceLocation(p.file(), p.line(), 1, p.line(), text.length() + 1, p.key(),
                Locations.normalize(text));
    }

    private String line(String file, int line) {
        String[] all = lines.computeIfAbsent(file, this::read);
        return line >= 1 && line <= all.length ? all[line - 1] : "";
    }

    private String[] read(String file) {
        for (SourceFile f : model.configFiles()) {
            if (f.relativePath().equals(file)) {
                try {
                    return TextDecoder.decode(Files.readAllBytes(f.path())).text().split("\r\n|\r|\n", -1);
                } catch (IOException e) {
                    return new String[0];
                }
            }
        }
        return new String[0];
    }

    /**
     * Spring Boot's canonical form of a property name: lower case, without dashes and underscores, list indexes
     * kept ({@code management.endpoints.web.exposure.include[0]}), so {@code includeStacktrace},
     * {@code include-stacktrace} and {@code INCLUDE_STACKTRACE} compare equal.
     */
    static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The file name without directories: {@code application-prod.yml}. */
    static String fileName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Comma-separated values, trimmed, without empty entries. */
    static List<String> values(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
