package dev.apisec.core;

import dev.apisec.core.engine.Engine;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.source.ScanConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes small source trees to a directory and builds the model over them (tests only). */
public final class TestProject {

    private final Path root;
    private final Notifications notifications = new Notifications();

    public TestProject(Path root) {
        this.root = root;
    }

    /** Writes {@code src/main/java/<path>} (or any relative path when it contains a '/'-rooted src dir). */
    public TestProject file(String relativePath, String content) {
        try {
            Path p = root.resolve(relativePath);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject bytes(String relativePath, byte[] content) {
        try {
            Path p = root.resolve(relativePath);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ScanConfig config() {
        return ScanConfig.builder(root).sourceRoot(root).resourceRoot(root).threads(2).build();
    }

    public ProjectModel model() {
        return Engine.model(config(), notifications);
    }

    public Notifications notifications() {
        return notifications;
    }

    /** "GET /a/b" routes of the model, sorted. */
    public static List<String> routes(ProjectModel model) {
        return model.endpoints().stream().map(Endpoint::route).sorted().collect(Collectors.toList());
    }
}
