package dev.apisec.maven;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.model.Severity;
import dev.apisec.core.facts.AnalysisOptions;
import dev.apisec.core.source.ScanConfig;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The check goal's parameters, validated and free of Maven types, and the decisions that depend on them (which
 * directory paths are relative to, whether the build fails). The Mojo only collects raw values from Maven.
 *
 * @param failThreshold        findings at or above this severity count; null means NONE (never fail)
 * @param maxAllowedViolations how many counted findings are tolerated before the build fails
 * @param scan                 what the engine scans
 */
public record CheckSettings(Severity failThreshold, int maxAllowedViolations, ScanConfig scan) {

    /**
     * The analysis options of the plugin's parameters (none yet beyond the defaults: the configuration file and
     * rule parameters come with the adoption issue); the same type the CLI builds.
     */
    public AnalysisOptions options() {
        return AnalysisOptions.defaults();
    }


    /** Allowed values of {@code failOnSeverity}, in the order the error message lists them. */
    public static final String ALLOWED_SEVERITIES = Arrays.stream(Severity.values()).map(Severity::name)
            .collect(Collectors.joining(", ")) + ", NONE";

    /** Raw parameter values as Maven hands them over (lists may be null when not configured). */
    public record Raw(String failOnSeverity, String maxAllowedViolations, Path baseDirectory,
                      List<Path> configuredSourceRoots, List<Path> defaultSourceRoots,
                      List<Path> defaultResourceRoots, List<String> includes, List<String> excludes,
                      boolean includeTests) {
    }

    /** Validates every raw value; the exception message names the parameter and what is allowed. */
    public static CheckSettings from(Raw raw) throws InvalidParameterException {
        Severity threshold = parseFailOnSeverity(raw.failOnSeverity());
        int max = parseMaxAllowedViolations(raw.maxAllowedViolations());
        List<String> includes = checkGlobs(raw.includes(), "includes", "apisec.includes");
        List<String> excludes = checkGlobs(raw.excludes(), "excludes", "apisec.excludes");
        ScanConfig.Builder scan = ScanConfig.builder(raw.baseDirectory()).includeTests(raw.includeTests());
        if (raw.configuredSourceRoots() != null && !raw.configuredSourceRoots().isEmpty()) {
            // explicitly configured roots must all be there; they hold Java and config files alike
            for (Path root : checkRoots(raw.configuredSourceRoots())) {
                scan.sourceRoot(root);
            }
        } else {
            existing(raw.defaultSourceRoots()).forEach(scan::sourceRoot);
            existing(raw.defaultResourceRoots()).forEach(scan::resourceRoot);
        }
        includes.forEach(scan::include);
        excludes.forEach(scan::exclude);
        return new CheckSettings(threshold, max, scan.build());
    }

    /** Parses {@code failOnSeverity}; returns null for NONE. */
    public static Severity parseFailOnSeverity(String value) throws InvalidParameterException {
        String text = value == null ? "" : value.trim();
        if (text.toUpperCase(Locale.ROOT).equals("NONE")) {
            return null;
        }
        Severity severity = Severity.parse(text);
        if (severity == null) {
            throw InvalidParameterException.of("failOnSeverity", "apisec.failOnSeverity", String.valueOf(value),
                    ALLOWED_SEVERITIES);
        }
        return severity;
    }

    public static int parseMaxAllowedViolations(String value) throws InvalidParameterException {
        String text = value == null ? "" : value.trim();
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidParameterException.of("maxAllowedViolations", "apisec.maxAllowedViolations",
                String.valueOf(value), "a whole number, 0 or more");
    }

    private static List<String> checkGlobs(List<String> globs, String parameter, String property)
            throws InvalidParameterException {
        List<String> out = new ArrayList<>();
        if (globs == null) {
            return out;
        }
        for (String glob : globs) {
            if (glob == null || glob.isBlank()) {
                continue;
            }
            String g = glob.trim();
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + g.replace('\\', '/'));
            } catch (IllegalArgumentException e) {
                throw InvalidParameterException.of(parameter, property, g,
                        "glob patterns relative to a source root, e.g. com/acme/**/*.java or **/generated/**");
            }
            out.add(g);
        }
        return out;
    }

    private static List<Path> checkRoots(List<Path> roots) throws InvalidParameterException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (root == null) {
                continue;
            }
            if (!Files.exists(root) || !Files.isReadable(root)) {
                throw new InvalidParameterException("apisec: source root '" + root
                        + "' (parameter sourceRoots, apisec.sourceRoots) does not exist or is not readable;"
                        + " allowed: existing, readable directories or files");
            }
            out.add(root);
        }
        return out;
    }

    private static List<Path> existing(List<Path> roots) {
        if (roots == null) {
            return List.of();
        }
        return roots.stream().filter(r -> r != null && Files.isDirectory(r)).distinct().toList();
    }

    /**
     * The directory SARIF paths are relative to: the nearest ancestor of the module (or the module itself) that
     * holds {@code .git}, else the multi-module project directory when the module lies inside it, else the module.
     */
    public static Path repositoryRoot(Path moduleDir, Path multiModuleProjectDirectory) {
        Path module = moduleDir.toAbsolutePath().normalize();
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        if (multiModuleProjectDirectory != null) {
            Path top = multiModuleProjectDirectory.toAbsolutePath().normalize();
            if (module.startsWith(top)) {
                return top;
            }
        }
        return module;
    }

    /** True when one of the roots is or contains a {@code .java} file (the module has something to analyse). */
    public boolean hasJavaSources() {
        for (Path root : scan.sourceRoots()) {
            if (Files.isRegularFile(root)) {
                if (root.getFileName().toString().endsWith(".java")) {
                    return true;
                }
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                if (files.anyMatch(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable root: let the engine report it as a notification
                return true;
            }
        }
        return false;
    }

    /** Findings that count towards failing: those at or above the threshold (none when the threshold is NONE). */
    public long countedFindings(AnalysisResult result) {
        return failThreshold == null ? 0 : result.countAtLeast(failThreshold);
    }

    /**
     * Why the build fails, as one line, or empty when it passes.
     *
     * @param sarifDisplay how to name the SARIF file to the user (e.g. {@code target/apisec.sarif})
     */
    public Optional<String> failureReason(AnalysisResult result, String sarifDisplay) {
        if (failThreshold == null) {
            return Optional.empty();
        }
        long counted = countedFindings(result);
        if (counted <= maxAllowedViolations) {
            return Optional.empty();
        }
        String what = failThreshold == Severity.CRITICAL
                ? "critical finding" + (counted == 1 ? "" : "s")
                : "finding" + (counted == 1 ? "" : "s") + " at or above " + failThreshold;
        String limit = maxAllowedViolations == 0
                ? "(threshold " + failThreshold + ")"
                : "(threshold " + failThreshold + ", " + maxAllowedViolations + " allowed by maxAllowedViolations)";
        return Optional.of("apisec: " + counted + " " + what + " " + limit + "; see " + sarifDisplay);
    }
}
