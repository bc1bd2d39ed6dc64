package dev.apisec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisec.core.engine.ApisecVersion;
import dev.apisec.core.api.Rule;
import dev.apisec.core.report.SarifSchemaValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the picocli command in-process on small temporary source trees, with a test-only rule. */
class ScanCommandTest {

    private static final List<Rule> TEST_RULES = List.of(new FlaggedFileRule());

    @TempDir
    Path cwd;

    Path repo;

    record Run(int exit, String out, String err) {
    }

    static Run run(List<Rule> rules, Path workingDirectory, String... args) {
        CommandLine cl = new ApisecCommand(rules, workingDirectory).commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(TEST_RULES, cwd, args);
    }

    @BeforeEach
    void repository() throws IOException {
        repo = cwd.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write("repo/src/main/java/com/acme/Clean.java", "package com.acme;\nclass Clean {}\n");
    }

    /** Every SARIF file a test left behind must be schema-valid. */
    @AfterEach
    void everySarifIsSchemaValid() throws IOException {
        try (Stream<Path> files = Files.walk(cwd)) {
            for (Path sarif : files.filter(f -> f.toString().endsWith(".sarif")).toList()) {
                assertThat(SarifSchemaValidator.validate(sarif)).as(sarif.toString()).isEmpty();
            }
        }
    }

    private Path write(String relative, String text) throws IOException {
        Path file = cwd.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private void flagged(String severity) throws IOException {
        write("repo/src/main/java/com/acme/Flagged" + severity + ".java",
                "package com.acme;\nclass Flagged" + severity + " {}\n");
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void cleanTreeExitsZeroAndWritesAValidSarifInTheWorkingDirectory() throws IOException {
        Run r = run("scan", "repo/src/main/java");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("apisec: 0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info), "
                + "0 notifications");
        assertThat(r.out()).contains("apisec.sarif");
        Path sarif = cwd.resolve("apisec.sarif");
        assertThat(sarif).exists();
        assertThat(SarifSchemaValidator.validate(sarif)).isEmpty();
        assertThat(json(sarif).path("runs").get(0).path("results")).isEmpty();
    }

    @Test
    void criticalFindingFailsWithTheDefaultThreshold() throws IOException {
        flagged("Critical");
        Run r = run("scan", "repo/src/main/java");
        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_FINDINGS);
        // paths relative to the repository root (the ancestor holding .git)
        assertThat(r.out()).contains(
                "src/main/java/com/acme/FlaggedCritical.java:1:1: CRITICAL test-flagged-file: flagged CRITICAL");
        assertThat(r.out()).contains("apisec: 1 finding (1 critical, 0 high, 0 medium, 0 low, 0 info)");
        // order: findings, summary, SARIF path
        assertThat(r.out().indexOf("FlaggedCritical.java:1:1")).isLessThan(r.out().indexOf("apisec: 1 finding"));
        assertThat(r.out().indexOf("apisec: 1 finding")).isLessThan(r.out().indexOf("apisec.sarif"));
    }

    @ParameterizedTest(name = "{0} finding, --fail-on {1} -> exit {2}")
    @CsvSource({
            "High, critical, 0",
            "High, high, 1",
            "High, HIGH, 1",
            "High, medium, 1",
            "Medium, high, 0",
            "Low, low, 1",
            "Info, low, 0",
            "Info, info, 1",
            "Critical, none, 0",
    })
    void thresholds(String severity, String failOn, int exit) throws IOException {
        flagged(severity);
        Run r = run("scan", "--fail-on", failOn, "repo/src/main/java");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
        assertThat(r.out()).contains("flagged " + severity.toUpperCase());
    }

    @Test
    void highFindingPassesTheDefaultCriticalThreshold() throws IOException {
        flagged("High");
        Run r = run("scan", "repo");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("HIGH test-flagged-file");
    }

    @Test
    void unknownFailOnValueIsAUsageErrorNamingTheOptionAndTheAllowedValues() throws IOException {
        flagged("Critical");
        Run r = run("scan", "--fail-on", "severe", "repo");
        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--fail-on").contains("severe")
                .contains("critical, high, medium, low, info, none");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cwd.resolve("apisec.sarif")).doesNotExist();
    }

    @Test
    void unknownRootIsAUsageError() {
        Run r = run("scan", "repo", "does/not/exist");
        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("does/not/exist").contains("does not exist");
        assertThat(r.out()).isEmpty();
        assertThat(cwd.resolve("apisec.sarif")).doesNotExist();
    }

    @Test
    void unknownOptionAndMissingRootsAreUsageErrors() {
        Run unknown = run("scan", "--frobnicate", "repo");
        assertThat(unknown.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(unknown.err()).contains("--frobnicate");

        Run noRoot = run("scan");
        assertThat(noRoot.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(noRoot.err()).contains("<dir|source-root>");

        Run noCommand = run();
        assertThat(noCommand.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(noCommand.err()).contains("apisec scan");
    }

    @Test
    void negativeThreadCountIsAUsageError() {
        Run r = run("scan", "--threads", "-1", "repo");
        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(r.err()).contains("--threads");
    }

    @Test
    void unwritableSarifFileIsAnIoErrorOnOneLine() throws IOException {
        write("blocker", "a regular file where a directory is needed");
        Run r = run("scan", "--sarif", "blocker/out/apisec.sarif", "repo");
        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("cannot write SARIF file").doesNotContain("\tat ");
    }

    @Test
    void sarifOptionWritesASchemaValidReportWithTheFindings() throws IOException {
        flagged("Medium");
        Run r = run("scan", "--sarif", "reports/nested/out.sarif", "repo/src/main/java");
        assertThat(r.exit()).isZero();
        Path sarif = cwd.resolve("reports/nested/out.sarif");
        assertThat(SarifSchemaValidator.validate(sarif)).isEmpty();
        assertThat(r.out()).contains("reports/nested/out.sarif");
        JsonNode run = json(sarif).path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").get(0).path("id").asText())
                .isEqualTo(FlaggedFileRule.ID);
        JsonNode result = run.path("results").get(0);
        assertThat(result.path("ruleId").asText()).isEqualTo(FlaggedFileRule.ID);
        assertThat(result.path("level").asText()).isEqualTo("warning");
        assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText()).isEqualTo("src/main/java/com/acme/FlaggedMedium.java");
        assertThat(Path.of(java.net.URI.create(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri")
                .asText()))).isEqualTo(repo);
    }

    @Test
    void withoutGitTheBaseIsTheWorkingDirectory() throws IOException {
        Files.delete(repo.resolve(".git"));
        flagged("Critical");
        Run r = run("scan", "repo/src/main/java");
        assertThat(r.out()).contains("repo/src/main/java/com/acme/FlaggedCritical.java:1:1: CRITICAL");
    }

    @Test
    void baseOptionOverridesTheRepositoryRoot() throws IOException {
        flagged("Critical");
        Run r = run("scan", "--base", "repo/src/main", "repo/src/main/java");
        assertThat(r.out()).startsWith("java/com/acme/FlaggedCritical.java:1:1: CRITICAL");

        Run bad = run("scan", "--base", "nope", "repo");
        assertThat(bad.exit()).isEqualTo(ApisecCommand.EXIT_ERROR);
        assertThat(bad.err()).contains("--base").contains("nope");
    }

    @Test
    void excludeAndIncludeGlobs() throws IOException {
        flagged("Critical");
        assertThat(run("scan", "--exclude", "**/Flagged*.java", "repo").exit()).isZero();
        assertThat(run("scan", "--include", "**/Clean.java", "repo").exit()).isZero();
        assertThat(run("scan", "--include", "**/Flagged*.java", "repo").exit()).isEqualTo(1);
    }

    @Test
    void testSourcesOnlyWithIncludeTests() throws IOException {
        write("repo/src/test/java/com/acme/FlaggedCritical.java", "package com.acme;\nclass FlaggedCritical {}\n");
        assertThat(run("scan", "repo").exit()).isZero();
        Run r = run("scan", "--include-tests", "repo");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("src/test/java/com/acme/FlaggedCritical.java");
    }

    @Test
    void notificationsArePrintedAndCounted() throws IOException {
        write("repo/src/main/java/com/acme/Latin1.java", "");
        Files.write(cwd.resolve("repo/src/main/java/com/acme/Latin1.java"),
                "package com.acme;\n// caf\u00e9\nclass Latin1 {}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run r = run("scan", "repo");
        assertThat(r.out()).contains("src/main/java/com/acme/Latin1.java: warning:");
        assertThat(r.out()).contains("1 notification");
    }

    @Test
    void sameReportWhateverTheThreadCount() throws IOException {
        for (String s : List.of("Critical", "High", "Medium", "Low", "Info")) {
            flagged(s);
        }
        run("scan", "--threads", "1", "--sarif", "one.sarif", "repo");
        run("scan", "--threads", "4", "--sarif", "four.sarif", "repo");
        assertThat(Files.readString(cwd.resolve("one.sarif"))).isEqualTo(Files.readString(cwd.resolve("four.sarif")));
        assertThat(json(cwd.resolve("one.sarif")).path("runs").get(0).path("results")).hasSize(5);
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("apisec " + ApisecVersion.get());

        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("scan").contains("rules");

        Run scanHelp = run("scan", "--help");
        assertThat(scanHelp.exit()).isZero();
        assertThat(scanHelp.out()).contains("--fail-on").contains("--sarif").contains("--exclude");
    }
}
