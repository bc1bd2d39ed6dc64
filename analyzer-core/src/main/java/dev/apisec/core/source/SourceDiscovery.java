package dev.apisec.core.source;

import dev.apisec.core.diag.Notification;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Walks the scan roots. Linked directories are not followed (they leave the root or repeat a directory that is
 * walked anyway); a linked file is read only when its target is inside the root it was found in;
 * build output and VCS folders are skipped; test sources are skipped unless the configuration includes them.
 */
public final class SourceDiscovery {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".svn", ".hg", "target", "build",
            "node_modules", ".idea", ".gradle", ".mvn", "out", "bin");
    private static final Pattern TEST_PATH = Pattern.compile(
            "(^|.*/)src/(test|it|testFixtures|integrationTest|intTest)(/.*|$)");
    private static final Pattern CONFIG_FILE = Pattern.compile("(application|bootstrap)[^/]*\\.(properties|ya?ml)|web\\.xml");

    private final ScanConfig config;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    public SourceDiscovery(ScanConfig config) {
        this.config = config;
        this.includes = compile(config.includes());
        this.excludes = compile(config.excludes());
    }

    private static List<PathMatcher> compile(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            String g = glob.replace('\\', '/');
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            if (g.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
            }
        }
        return matchers;
    }

    public DiscoveredSources discover() {
        TreeMap<String, SourceFile> java = new TreeMap<>();
        TreeMap<String, SourceFile> configs = new TreeMap<>();
        List<Notification> notes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<Path> roots = new ArrayList<>(config.sourceRoots());
        roots.addAll(config.resourceRoots());
        for (Path root : roots) {
            if (!Files.exists(root)) {
                notes.add(new Notification(Notification.Level.WARNING, null, 0, "source root does not exist: " + root));
                continue;
            }
            if (Files.isRegularFile(root)) {
                accept(root, root.getParent() == null ? root : root.getParent(), root, sizeOf(root), java, configs, seen);
                continue;
            }
            walk(root, java, configs, seen, notes);
        }
        return new DiscoveredSources(new ArrayList<>(java.values()), new ArrayList<>(configs.values()), notes);
    }

    private void walk(Path root, TreeMap<String, SourceFile> java, TreeMap<String, SourceFile> configs,
                      Set<Path> seen, List<Notification> notes) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            notes.add(new Notification(Notification.Level.WARNING, null, 0, "cannot read source root " + root));
            return;
        }
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root)) {
                                String name = dir.getFileName().toString();
                                // a linked directory either leaves the root or repeats a directory walked anyway
                                if (SKIPPED_DIRECTORIES.contains(name) || Files.isSymbolicLink(dir)) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                if (!config.includeTests() && TEST_PATH.matcher(relative(root, dir) + "/").matches()) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // directories were checked on the way down; only a linked file can still leave the root
                            if (attrs.isRegularFile() && (!Files.isSymbolicLink(file) || staysInside(file, realRoot))) {
                                accept(root, root, file, attrs.size(), java, configs, seen);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            // loops through links and unreadable entries are skipped, the scan goes on
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            notes.add(new Notification(Notification.Level.WARNING, null, 0,
                    "error while listing " + root + ": " + e.getMessage()));
        }
    }

    private static boolean staysInside(Path path, Path realRoot) {
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void accept(Path root, Path relativeTo, Path file, long size, TreeMap<String, SourceFile> java,
                        TreeMap<String, SourceFile> configs, Set<Path> seen) {
        String name = file.getFileName().toString();
        boolean isJava = name.endsWith(".java");
        boolean isConfig = !isJava && CONFIG_FILE.matcher(name).matches();
        if (!isJava && !isConfig) {
            return;
        }
        String rootRelative = relative(relativeTo, file);
        if (!config.includeTests() && TEST_PATH.matcher(rootRelative).matches()) {
            return;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(m -> m.matches(Path.of(rootRelative)))) {
            return;
        }
        if (excludes.stream().anyMatch(m -> m.matches(Path.of(rootRelative)))) {
            return;
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path identity = absolute;
        if (Files.isSymbolicLink(file)) {
            try {
                identity = file.toRealPath();
            } catch (IOException e) {
                return;
            }
        }
        synchronized (seen) {
            // the same file reached through two roots is analysed once
            if (!seen.add(identity)) {
                return;
            }
        }
        String reported = absolute.startsWith(config.baseDirectory())
                ? relative(config.baseDirectory(), absolute)
                : rootRelative;
        SourceFile sf = new SourceFile(absolute, reported, size);
        (isJava ? java : configs).put(reported, sf);
    }

    static String relative(Path base, Path path) {
        return base.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }
}
