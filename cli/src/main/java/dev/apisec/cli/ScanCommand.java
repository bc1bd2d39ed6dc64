package dev.apisec.cli;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.facts.AnalysisOptions;
import dev.apisec.core.engine.Engine;
import dev.apisec.core.api.Finding;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.api.Rule;
import dev.apisec.core.report.ConsoleReport;
import dev.apisec.core.report.InventoryWriter;
import dev.apisec.core.report.SarifWriter;
import dev.apisec.core.source.ScanConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code apisec scan}: analyses source roots, prints findings and a summary, writes SARIF. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = ApisecCommand.Version.class,
        sortOptions = false,
        description = {
                "Scans Java sources and application*.properties|yml files for API security flaws.",
                "Each argument is scanned as a source root and as a resource root; it may be a whole repository."})
final class ScanCommand implements Callable<Integer> {

    private final List<Rule> rules;
    private final Path workingDirectory;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<dir|source-root>",
            description = "Directories (or files) to scan.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--sarif", paramLabel = "FILE",
            description = "SARIF 2.1.0 report to write (default: apisec.sarif in the current directory).")
    Path sarif;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "critical", converter = FailOn.Converter.class,
            description = "Exit with 1 when a finding is at or above this severity: critical, high, medium, low, "
                    + "info or none (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--include-tests", description = "Also scan src/test, src/it and src/testFixtures.")
    boolean includeTests;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files matching this glob (relative to the root; repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Scan only files matching one of these globs (relative to the root; repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--base", paramLabel = "DIR",
            description = "Directory that reported paths are relative to (default: the repository holding the "
                    + "first root, else the current directory).")
    Path base;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Also write the endpoint inventory: FILE as JSON (see docs/inventory.md) and a Markdown "
                    + "table next to it (same name, .md).")
    Path inventory;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads; 0 means one per processor (default). Results never depend on it.")
    int threads;

    ScanCommand(List<Rule> rules, Path workingDirectory) {
        this.rules = rules;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() throws IOException {
        if (threads < 0) {
            throw usage("Invalid value for option '--threads': " + threads
                    + " (allowed: 0 for one thread per processor, or a positive number)");
        }
        List<Path> absoluteRoots = new ArrayList<>();
        for (Path root : roots) {
            Path abs = resolve(root);
            if (!Files.exists(abs)) {
                throw usage("Source root does not exist: " + root);
            }
            absoluteRoots.add(abs);
        }
        Path baseDir = baseDirectory(absoluteRoots.get(0));

        ScanConfig.Builder config = ScanConfig.builder(baseDir).includeTests(includeTests).threads(threads);
        for (Path root : absoluteRoots) {
            config.sourceRoot(root).resourceRoot(root);
        }
        includes.forEach(config::include);
        excludes.forEach(config::exclude);

        AnalysisResult result = new Engine(rules).analyze(config.build(), AnalysisOptions.defaults());

        PrintWriter out = spec.commandLine().getOut();
        for (Finding f : result.findings()) {
            out.println(ConsoleReport.line(f));
        }
        for (Notification n : result.notifications()) {
            out.println(ConsoleReport.notificationLine(n));
        }
        out.println(ConsoleReport.summary(result));

        Path sarifFile = sarif == null ? workingDirectory.resolve("apisec.sarif") : resolve(sarif);
        try {
            new SarifWriter(null).write(result, sarifFile);
        } catch (IOException e) {
            throw new IOException("cannot write SARIF file " + sarifFile + ": " + e, e);
        }
        out.println("apisec: SARIF report written to " + display(sarifFile));
        if (inventory != null) {
            Path json = resolve(inventory);
            Path markdown = markdownNextTo(json);
            try {
                new InventoryWriter().write(result, json, markdown);
            } catch (IOException e) {
                throw new IOException("cannot write inventory file " + json + ": " + e, e);
            }
            out.println("apisec: endpoint inventory (" + result.endpoints().size() + " endpoints) written to "
                    + display(json) + " and " + display(markdown));
        }
        out.flush();

        if (!result.executionSuccessful()) {
            spec.commandLine().getErr().println("apisec scan: error: the analysis did not complete");
            return ApisecCommand.EXIT_ERROR;
        }
        if (failOn.severity() != null && result.countAtLeast(failOn.severity()) > 0) {
            return ApisecCommand.EXIT_FINDINGS;
        }
        return ApisecCommand.EXIT_OK;
    }

    /** {@code endpoints.json} → {@code endpoints.md}; any other name gets {@code .md} appended. */
    static Path markdownNextTo(Path json) {
        String name = json.getFileName().toString();
        String md = name.endsWith(".json") ? name.substring(0, name.length() - 5) + ".md" : name + ".md";
        return json.resolveSibling(md);
    }

    /** --base, else the nearest ancestor of the first root holding .git, else the working directory. */
    private Path baseDirectory(Path firstRoot) {
        if (base != null) {
            Path b = resolve(base);
            if (!Files.isDirectory(b)) {
                throw usage("Invalid value for option '--base': not a directory: " + base);
            }
            return b;
        }
        for (Path dir = Files.isDirectory(firstRoot) ? firstRoot : firstRoot.getParent(); dir != null;
                dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return workingDirectory;
    }

    private Path resolve(Path path) {
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }

    private String display(Path file) {
        return file.startsWith(workingDirectory) ? workingDirectory.relativize(file).toString() : file.toString();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
