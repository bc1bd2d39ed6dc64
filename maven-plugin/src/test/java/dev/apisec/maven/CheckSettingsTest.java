package dev.apisec.maven;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void failOnSeverityAcceptsEverySeverityInAnyCaseAndNone() throws Exception {
        assertThat(CheckSettings.parseFailOnSeverity("CRITICAL")).isEqualTo(Severity.CRITICAL);
        assertThat(CheckSettings.parseFailOnSeverity("high")).isEqualTo(Severity.HIGH);
        assertThat(CheckSettings.parseFailOnSeverity(" Medium ")).isEqualTo(Severity.MEDIUM);
        assertThat(CheckSettings.parseFailOnSeverity("low")).isEqualTo(Severity.LOW);
        assertThat(CheckSettings.parseFailOnSeverity("INFO")).isEqualTo(Severity.INFO);
        assertThat(CheckSettings.parseFailOnSeverity("none")).isNull();
        assertThat(CheckSettings.parseFailOnSeverity("NONE")).isNull();
    }

    @Test
    void unknownFailOnSeverityNamesParameterPropertyAndAllowedValues() {
        assertThatThrownBy(() -> CheckSettings.parseFailOnSeverity("SEVERE"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("apisec: invalid value 'SEVERE' for parameter failOnSeverity (apisec.failOnSeverity);"
                        + " allowed: CRITICAL, HIGH, MEDIUM, LOW, INFO, NONE");
        assertThatThrownBy(() -> CheckSettings.parseFailOnSeverity(""))
                .hasMessageContaining("invalid value '' for parameter failOnSeverity");
    }

    @Test
    void maxAllowedViolationsMustBeAWholeNumberNotNegative() throws Exception {
        assertThat(CheckSettings.parseMaxAllowedViolations("0")).isZero();
        assertThat(CheckSettings.parseMaxAllowedViolations(" 12 ")).isEqualTo(12);
        for (String bad : List.of("-1", "two", "1.5", "")) {
            assertThatThrownBy(() -> CheckSettings.parseMaxAllowedViolations(bad))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("apisec: invalid value '" + bad + "' for parameter maxAllowedViolations"
                            + " (apisec.maxAllowedViolations); allowed: a whole number, 0 or more");
        }
    }

    @Test
    void invalidGlobNamesTheParameter() {
        CheckSettings.Raw raw = raw(tmp, List.of(), List.of("src/[a"), null);
        assertThatThrownBy(() -> CheckSettings.from(raw))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("apisec: invalid value 'src/[a' for parameter includes (apisec.includes)");
        CheckSettings.Raw rawEx = raw(tmp, List.of(), null, List.of("{a,b"));
        assertThatThrownBy(() -> CheckSettings.from(rawEx))
                .hasMessageStartingWith("apisec: invalid value '{a,b' for parameter excludes (apisec.excludes)");
    }

    @Test
    void configuredSourceRootThatDoesNotExistIsRejected() {
        Path missing = tmp.resolve("nowhere");
        CheckSettings.Raw raw = new CheckSettings.Raw("CRITICAL", "0", tmp, List.of(missing), List.of(), List.of(),
                null, null, false);
        assertThatThrownBy(() -> CheckSettings.from(raw))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("parameter sourceRoots")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void defaultRootsThatDoNotExistAreDroppedAndConfiguredRootsReplaceDefaults() throws Exception {
        Path java = Files.createDirectories(tmp.resolve("src/main/java"));
        Path resources = Files.createDirectories(tmp.resolve("src/main/resources"));
        Path generatedMissing = tmp.resolve("src/main/kotlin");
        CheckSettings defaults = CheckSettings.from(new CheckSettings.Raw("HIGH", "3", tmp,
                null, List.of(java, generatedMissing), List.of(resources, tmp.resolve("src/main/other")),
                List.of("com/**"), List.of(" ", "**/generated/**"), true));
        assertThat(defaults.scan().sourceRoots()).containsExactly(java);
        assertThat(defaults.scan().resourceRoots()).containsExactly(resources);
        assertThat(defaults.scan().includes()).containsExactly("com/**");
        assertThat(defaults.scan().excludes()).containsExactly("**/generated/**");
        assertThat(defaults.scan().includeTests()).isTrue();
        assertThat(defaults.scan().baseDirectory()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(defaults.failThreshold()).isEqualTo(Severity.HIGH);
        assertThat(defaults.maxAllowedViolations()).isEqualTo(3);

        Path other = Files.createDirectories(tmp.resolve("api"));
        CheckSettings configured = CheckSettings.from(new CheckSettings.Raw("none", "0", tmp, List.of(other),
                List.of(java), List.of(resources), null, null, false));
        assertThat(configured.scan().sourceRoots()).containsExactly(other);
        assertThat(configured.scan().resourceRoots()).isEmpty();
        assertThat(configured.failThreshold()).isNull();
    }

    @Test
    void repositoryRootIsNearestDirectoryHoldingGit() throws IOException {
        Path repo = tmp.resolve("repo");
        Path module = Files.createDirectories(repo.resolve("services/orders"));
        Files.createDirectories(repo.resolve(".git"));
        assertThat(CheckSettings.repositoryRoot(module, null)).isEqualTo(repo);
        assertThat(CheckSettings.repositoryRoot(module, repo.resolve("services"))).isEqualTo(repo);
        // a worktree or submodule has a .git file rather than a directory
        Path sub = Files.createDirectories(repo.resolve("libs/shared"));
        Files.writeString(sub.resolve(".git"), "gitdir: ../../.git/modules/shared\n");
        assertThat(CheckSettings.repositoryRoot(sub.resolve("core"), null)).isEqualTo(sub);
    }

    @Test
    void withoutGitTheMultiModuleDirectoryWhenItContainsTheModuleElseTheModule() throws IOException {
        Path top = tmp.resolve("build");
        Path module = Files.createDirectories(top.resolve("app"));
        if (hasGitAncestor(tmp)) {
            return; // the temporary directory sits inside a repository: the rule under test cannot apply
        }
        assertThat(CheckSettings.repositoryRoot(module, top)).isEqualTo(top);
        assertThat(CheckSettings.repositoryRoot(module, tmp.resolve("elsewhere"))).isEqualTo(module);
        assertThat(CheckSettings.repositoryRoot(module, null)).isEqualTo(module);
    }

    private static boolean hasGitAncestor(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void hasJavaSourcesLooksForJavaFilesInTheSourceRoots() throws Exception {
        Path java = Files.createDirectories(tmp.resolve("src/main/java/com/acme"));
        Path resources = Files.createDirectories(tmp.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.properties"), "a=b\n");
        CheckSettings empty = CheckSettings.from(new CheckSettings.Raw("CRITICAL", "0", tmp, null,
                List.of(tmp.resolve("src/main/java")), List.of(resources), null, null, false));
        assertThat(empty.hasJavaSources()).isFalse();
        Files.writeString(java.resolve("Api.java"), "package com.acme; class Api {}\n");
        assertThat(empty.hasJavaSources()).isTrue();
    }

    @Test
    void failsOnlyWhenCountedFindingsExceedTheAllowance() throws Exception {
        AnalysisResult result = result(Severity.CRITICAL, Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
                Severity.INFO);
        assertThat(settings("CRITICAL", "0").failureReason(result, "target/apisec.sarif"))
                .contains("apisec: 2 critical findings (threshold CRITICAL); see target/apisec.sarif");
        assertThat(settings("CRITICAL", "1").failureReason(result, "x.sarif"))
                .contains("apisec: 2 critical findings (threshold CRITICAL, 1 allowed by maxAllowedViolations);"
                        + " see x.sarif");
        assertThat(settings("CRITICAL", "2").failureReason(result, "x.sarif")).isEmpty();
        assertThat(settings("HIGH", "2").failureReason(result, "x.sarif"))
                .contains("apisec: 3 findings at or above HIGH (threshold HIGH, 2 allowed by maxAllowedViolations);"
                        + " see x.sarif");
        assertThat(settings("MEDIUM", "3").countedFindings(result)).isEqualTo(4);
        assertThat(settings("INFO", "0").countedFindings(result)).isEqualTo(5);
        assertThat(settings("NONE", "0").failureReason(result, "x.sarif")).isEmpty();
        assertThat(settings("LOW", "0").failureReason(result(Severity.INFO), "x.sarif")).isEmpty();
        assertThat(settings("CRITICAL", "0").failureReason(result(Severity.CRITICAL), "x.sarif"))
                .contains("apisec: 1 critical finding (threshold CRITICAL); see x.sarif");
        assertThat(settings("HIGH", "0").failureReason(result(Severity.CRITICAL), "x.sarif"))
                .contains("apisec: 1 finding at or above HIGH (threshold HIGH); see x.sarif");
    }

    private CheckSettings settings(String severity, String max) throws InvalidParameterException {
        return CheckSettings.from(new CheckSettings.Raw(severity, max, tmp, null, List.of(), List.of(), null,
                null, false));
    }

    private static CheckSettings.Raw raw(Path base, List<Path> roots, List<String> includes, List<String> excludes) {
        return new CheckSettings.Raw("CRITICAL", "0", base, null, roots, List.of(), includes, excludes, false);
    }

    static AnalysisResult result(Severity... severities) {
        List<Finding> findings = new ArrayList<>();
        int line = 1;
        for (Severity s : Arrays.asList(severities)) {
            SourceLocation at = new SourceLocation("src/main/java/com/acme/Api.java", line, 5, line, 20,
                    "com.acme.Api#m" + line + "()", "@GetMapping");
            findings.add(new Finding("permissive-cors", s, "finding " + line, at, null, List.of(), "fp" + line));
            line++;
        }
        return new AnalysisResult(Path.of("/repo"), List.of(), findings, List.of(), List.of(),
                new AnalysisResult.Stats(7, 3, 100, 5), true);
    }
}
