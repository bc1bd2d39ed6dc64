package dev.apisec.rules.errors;

import dev.apisec.core.api.Finding;
import dev.apisec.core.api.Rule;
import dev.apisec.fixtures.InlineProject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Inline cases: files written to a temporary directory, scanned as source and resource root. */
final class Scans {

    private Scans() {
    }

    /** Writes {@code files} (relative path -> content) under {@code dir} and runs {@code rule} over them. */
    static List<Finding> run(Path dir, Rule rule, Map<String, String> files) {
        InlineProject project = new InlineProject(dir);
        new TreeMap<>(files).forEach(project::file);
        return project.findings(rule);
    }
}
