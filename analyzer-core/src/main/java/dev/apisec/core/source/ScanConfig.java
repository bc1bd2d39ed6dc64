package dev.apisec.core.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to scan. Source roots hold Java files, resource roots hold {@code application*.properties|yml|yaml}. A
 * root may also be any directory (a whole repository); test sources ({@code src/test/**}, {@code src/it/**},
 * {@code src/testFixtures/**}) are left out unless {@code includeTests}. Globs use {@link java.nio.file.PathMatcher}
 * "glob:" syntax against the path relative to the root, with forward slashes.
 *
 * @param baseDirectory directory that reported paths are relative to (the repository root when known)
 * @param threads       worker threads for pre-scan and parsing; results never depend on it
 */
public record ScanConfig(Path baseDirectory, List<Path> sourceRoots, List<Path> resourceRoots,
                         List<String> includes, List<String> excludes, boolean includeTests, int threads) {

    public ScanConfig {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        sourceRoots = sourceRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        resourceRoots = resourceRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        if (threads <= 0) {
            threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        }
    }

    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /** Mutable builder; roots default to none, tests off, threads = available processors. */
    public static final class Builder {
        private final Path baseDirectory;
        private final List<Path> sourceRoots = new ArrayList<>();
        private final List<Path> resourceRoots = new ArrayList<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private boolean includeTests;
        private int threads;

        private Builder(Path baseDirectory) {
            this.baseDirectory = baseDirectory;
        }

        public Builder sourceRoot(Path root) {
            sourceRoots.add(root);
            return this;
        }

        public Builder resourceRoot(Path root) {
            resourceRoots.add(root);
            return this;
        }

        public Builder include(String glob) {
            includes.add(glob);
            return this;
        }

        public Builder exclude(String glob) {
            excludes.add(glob);
            return this;
        }

        public Builder includeTests(boolean value) {
            includeTests = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public ScanConfig build() {
            return new ScanConfig(baseDirectory, sourceRoots, resourceRoots, includes, excludes, includeTests,
                    threads);
        }
    }
}
