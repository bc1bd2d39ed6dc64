package dev.apisec.rules.auth;

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

/** Writes inline sources (and resources) to a directory and runs rules over it. */
final class AuthScan {

    private final Path dir;

    AuthScan(Path dir) {
        this.dir = dir;
    }

    /** Adds a Java source under {@code src/main/java/com/acme/}. */
    AuthScan java(String name, String source) {
        return file("src/main/java/com/acme/" + name, source);
    }

    AuthScan file(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AnalysisResult run(Rule... rules) {
        return new Engine(List.of(rules)).analyze(ScanConfig.builder(dir)
                .sourceRoot(dir.resolve("src/main/java"))
                .resourceRoot(dir.resolve("src/main"))
                .threads(2).build());
    }

    List<Finding> findings(Rule... rules) {
        return run(rules).findings();
    }
}
