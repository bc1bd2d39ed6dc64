package dev.apisec.maven;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.Engine;
import dev.apisec.core.report.InventoryWriter;
import dev.apisec.core.report.SarifWriter;
import dev.apisec.rules.BuiltInRules;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analyses the module's Java sources and Spring configuration files for API security flaws, writes a SARIF 2.1.0
 * report and fails the build when findings reach the configured severity.
 *
 * <p>The analysis reads sources only; it needs no compiled classes, so {@code mvn apisec:check} works on its own.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The module being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The running build (for the multi-module project directory and the directory Maven was started in). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Skip the analysis. */
    @Parameter(property = "apisec.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Fail the build when a finding has this severity or a higher one: CRITICAL, HIGH, MEDIUM, LOW, INFO, or NONE
     * to never fail.
     */
    @Parameter(property = "apisec.failOnSeverity", defaultValue = "CRITICAL")
    private String failOnSeverity;

    /** How many findings at or above {@code failOnSeverity} are tolerated before the build fails. */
    @Parameter(property = "apisec.maxAllowedViolations", defaultValue = "0")
    private String maxAllowedViolations;

    /** Where the SARIF report is written (always, before the build fails). */
    @Parameter(property = "apisec.sarifFile", defaultValue = "${project.build.directory}/apisec.sarif")
    private File sarifFile;

    /** Also analyse test sources and test resources. */
    @Parameter(property = "apisec.includeTests", defaultValue = "false")
    private boolean includeTests;

    /** Only analyse files matching one of these globs (relative to their source root, e.g. {@code com/acme/**}). */
    @Parameter(property = "apisec.includes")
    private List<String> includes;

    /** Leave out files matching one of these globs (relative to their source root). */
    @Parameter(property = "apisec.excludes")
    private List<String> excludes;

    /**
     * Directories (or files) to analyse instead of the defaults: the project's compile source roots outside the
     * build directory and its resource directories (for {@code application*.properties|yml}).
     */
    @Parameter(property = "apisec.sourceRoots")
    private List<File> sourceRoots;

    /**
     * Where the endpoint inventory is written: {@code endpoints.json} (schema in docs/inventory.md) and
     * {@code endpoints.md}, a table of who can call what.
     */
    @Parameter(property = "apisec.inventoryDirectory", defaultValue = "${project.build.directory}/apisec")
    private File inventoryDirectory;

    /** Print one line per finding; the summary and the SARIF path are always printed. */
    @Parameter(property = "apisec.printFindings", defaultValue = "true")
    private boolean printFindings;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("apisec: skipped (apisec.skip)");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            log.info("apisec: skipping " + project.getArtifactId() + ": packaging pom has no Java sources");
            return;
        }
        Path basedir = project.getBasedir().toPath();
        CheckSettings settings;
        try {
            settings = CheckSettings.from(new CheckSettings.Raw(failOnSeverity, maxAllowedViolations,
                    CheckSettings.repositoryRoot(basedir, multiModuleProjectDirectory()),
                    toPaths(sourceRoots), defaultSourceRoots(), defaultResourceRoots(), includes, excludes,
                    includeTests));
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (!settings.hasJavaSources()) {
            log.info("apisec: skipping " + project.getArtifactId() + ": no Java sources");
            return;
        }

        AnalysisResult result;
        try {
            result = new Engine(BuiltInRules.all()).analyze(settings.scan(), settings.options());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("apisec: analysis failed: " + e, e);
        }

        Path sarif = sarifFile.toPath().toAbsolutePath().normalize();
        String sarifDisplay = display(sarif);
        IOException writeError = null;
        try {
            new SarifWriter("apisec/" + project.getArtifactId() + "/").write(result, sarif);
        } catch (IOException | RuntimeException e) {
            writeError = e instanceof IOException io ? io : new IOException(e.toString(), e);
        }

        if (writeError == null && inventoryDirectory != null) {
            Path dir = inventoryDirectory.toPath().toAbsolutePath().normalize();
            try {
                new InventoryWriter().write(result, dir.resolve("endpoints.json"), dir.resolve("endpoints.md"));
            } catch (IOException | RuntimeException e) {
                throw new MojoExecutionException("apisec: cannot write the endpoint inventory to " + display(dir)
                        + " (parameter inventoryDirectory, apisec.inventoryDirectory): " + e.getMessage(), e);
            }
        }

        for (BuildLogReport.Line line : BuildLogReport.lines(result, printFindings, sarifDisplay)) {
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARNING -> log.warn(line.text());
                case INFO -> log.info(line.text());
            }
        }
        if (writeError != null) {
            throw new MojoExecutionException("apisec: cannot write SARIF file " + sarifDisplay
                    + " (parameter sarifFile, apisec.sarifFile): " + writeError.getMessage(), writeError);
        }
        if (!result.executionSuccessful()) {
            throw new MojoExecutionException("apisec: the analysis did not complete; see the notifications above");
        }
        Optional<String> failure = settings.failureReason(result, sarifDisplay);
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
    }

    private Path multiModuleProjectDirectory() {
        if (session != null && session.getRequest() != null
                && session.getRequest().getMultiModuleProjectDirectory() != null) {
            return session.getRequest().getMultiModuleProjectDirectory().toPath();
        }
        String property = System.getProperty("maven.multiModuleProjectDirectory");
        return property == null || property.isBlank() ? null : Path.of(property);
    }

    /** Compile (and, with includeTests, test) source roots that are not generated into the build directory. */
    private List<Path> defaultSourceRoots() {
        List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
        if (includeTests) {
            roots.addAll(project.getTestCompileSourceRoots());
        }
        return outsideBuildDirectory(roots);
    }

    private List<Path> defaultResourceRoots() {
        List<String> roots = new ArrayList<>();
        project.getBuild().getResources().stream().map(Resource::getDirectory).forEach(roots::add);
        if (includeTests) {
            project.getBuild().getTestResources().stream().map(Resource::getDirectory).forEach(roots::add);
        }
        return outsideBuildDirectory(roots);
    }

    private List<Path> outsideBuildDirectory(List<String> roots) {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        String buildDirectory = project.getBuild().getDirectory();
        Path build = buildDirectory == null ? null : basedir.resolve(buildDirectory).normalize();
        List<Path> out = new ArrayList<>();
        for (String root : roots) {
            if (root == null) {
                continue;
            }
            Path path = basedir.resolve(root).normalize();
            if (build == null || !path.startsWith(build)) {
                out.add(path);
            }
        }
        return out;
    }

    private static List<Path> toPaths(List<File> files) {
        if (files == null) {
            return null;
        }
        return files.stream().filter(f -> f != null).map(File::toPath).toList();
    }

    /** The SARIF path relative to the directory Maven was started in, when it lies below it. */
    private String display(Path sarif) {
        String root = session == null ? null : session.getExecutionRootDirectory();
        if (root != null) {
            Path start = Path.of(root).toAbsolutePath().normalize();
            if (sarif.startsWith(start) && !sarif.equals(start)) {
                return start.relativize(sarif).toString().replace(File.separatorChar, '/');
            }
        }
        return sarif.toString();
    }
}
