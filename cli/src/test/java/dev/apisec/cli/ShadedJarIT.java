package dev.apisec.cli;

import dev.apisec.core.engine.ApisecVersion;
import dev.apisec.core.report.SarifSchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar runs on its own: Main-Class, merged services, bundled rule docs. */
class ShadedJarIT {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("apisec.jar");
        assertThat(jar).as("system property apisec.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("apisec finished in time").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void versionAndRules() throws Exception {
        Result version = java("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("apisec " + ApisecVersion.get());

        Result rules = java("rules");
        assertThat(rules.exit()).isZero();
        assertThat(rules.out().lines()).anySatisfy(line -> assertThat(line).startsWith("permissive-cors "));
    }

    @Test
    void scanWritesAValidSarifWithTheRuleHelp() throws Exception {
        Path src = dir.resolve("app/src/main/java/com/acme");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Hello.java"), "package com.acme;\nclass Hello {}\n");

        Result scan = java("scan", "--fail-on", "none", "app");
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("apisec: 0 findings");
        assertThat(SarifSchemaValidator.validate(dir.resolve("apisec.sarif"))).isEmpty();
        assertThat(Files.readString(dir.resolve("apisec.sarif"))).contains("\"id\": \"permissive-cors\"");

        Result bad = java("scan", "--fail-on", "nope", "app");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
    }
}
