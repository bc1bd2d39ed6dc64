package dev.apisec.rules.errors;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.Engine;
import dev.apisec.core.engine.Finding;
import dev.apisec.core.engine.Rule;
import dev.apisec.core.source.ScanConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        try {
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AnalysisResult result = new Engine(List.of(rule))
                .analyze(ScanConfig.builder(dir).sourceRoot(dir).resourceRoot(dir).threads(2).build());
        return result.findings();
    }
}
