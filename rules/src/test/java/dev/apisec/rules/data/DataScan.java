package dev.apisec.rules.data;

import dev.apisec.core.engine.Engine;
import dev.apisec.core.engine.Finding;
import dev.apisec.core.engine.Rule;
import dev.apisec.core.source.ScanConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes inline sources under {@code com/acme/} and runs rules over them. */
final class DataScan {

    private final Path dir;

    DataScan(Path dir) {
        this.dir = dir;
    }

    DataScan java(String name, String source) {
        try {
            Path file = dir.resolve("src/main/java/com/acme/" + name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Finding> findings(Rule rule) {
        return new Engine(List.of(rule)).analyze(ScanConfig.builder(dir).sourceRoot(dir.resolve("src/main/java"))
                .threads(2).build()).findings();
    }
}
