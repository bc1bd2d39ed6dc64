package dev.apisec.core.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SourceDiscoveryTest {

    @TempDir
    Path dir;

    private void touch(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "class X {}");
    }

    private List<String> java(ScanConfig config) {
        return new SourceDiscovery(config).discover().javaFiles().stream().map(SourceFile::relativePath).toList();
    }

    @Test
    void findsJavaAndConfigFilesSkipsTestsBuildOutputAndVcs() throws IOException {
        touch("app/src/main/java/a/A.java");
        touch("app/src/test/java/a/ATest.java");
        touch("app/src/it/x/src/main/java/I.java");
        touch("app/target/generated-sources/G.java");
        touch(".git/objects/O.java");
        touch("app/src/main/resources/application.properties");
        touch("app/src/main/resources/application-prod.yml");
        touch("app/src/main/resources/other.properties");

        ScanConfig config = ScanConfig.builder(dir).sourceRoot(dir).build();
        assertThat(java(config)).containsExactly("app/src/main/java/a/A.java");
        assertThat(new SourceDiscovery(config).discover().configFiles()).extracting(SourceFile::relativePath)
                .containsExactly("app/src/main/resources/application-prod.yml",
                        "app/src/main/resources/application.properties");

        ScanConfig withTests = ScanConfig.builder(dir).sourceRoot(dir).includeTests(true).build();
        assertThat(java(withTests)).contains("app/src/test/java/a/ATest.java", "app/src/it/x/src/main/java/I.java");
    }

    @Test
    void includeAndExcludeGlobs() throws IOException {
        touch("src/main/java/a/A.java");
        touch("src/main/java/a/gen/Gen.java");
        touch("src/main/java/b/B.java");
        Path root = dir.resolve("src/main/java");
        assertThat(java(ScanConfig.builder(dir).sourceRoot(root).exclude("**/gen/**").build()))
                .containsExactly("src/main/java/a/A.java", "src/main/java/b/B.java");
        assertThat(java(ScanConfig.builder(dir).sourceRoot(root).include("a/**").build()))
                .containsExactly("src/main/java/a/A.java", "src/main/java/a/gen/Gen.java");
    }

    @Test
    void symlinksLeavingTheRootAreNotFollowed() throws IOException {
        touch("root/src/A.java");
        touch("outside/Secret.java");
        Path link = dir.resolve("root/src/escape");
        try {
            Files.createSymbolicLink(link, dir.resolve("outside"));
            Files.createSymbolicLink(dir.resolve("root/src/loop"), dir.resolve("root"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here");
        }
        ScanConfig config = ScanConfig.builder(dir.resolve("root")).sourceRoot(dir.resolve("root")).build();
        assertThat(java(config)).containsExactly("src/A.java");
    }

    @Test
    void linkedFilesAreReadOnlyWhenTheyStayInsideTheRoot() throws IOException {
        touch("root/src/A.java");
        touch("outside/Secret.java");
        try {
            Files.createSymbolicLink(dir.resolve("root/src/Alias.java"), dir.resolve("root/src/A.java"));
            Files.createSymbolicLink(dir.resolve("root/src/Leak.java"), dir.resolve("outside/Secret.java"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here");
        }
        ScanConfig config = ScanConfig.builder(dir.resolve("root")).sourceRoot(dir.resolve("root")).build();
        // the alias is the same file as A.java: read once
        assertThat(java(config)).hasSize(1).allMatch(p -> p.equals("src/A.java") || p.equals("src/Alias.java"));
    }

    @Test
    void pathsOutsideTheBaseAreRelativeToTheirRoot() throws IOException {
        touch("module/src/main/java/a/A.java");
        Path base = dir.resolve("elsewhere");
        Files.createDirectories(base);
        ScanConfig config = ScanConfig.builder(base).sourceRoot(dir.resolve("module/src/main/java")).build();
        assertThat(java(config)).containsExactly("a/A.java");
    }

    @Test
    void missingRootIsANotificationNotACrash() {
        ScanConfig config = ScanConfig.builder(dir).sourceRoot(dir.resolve("nope")).build();
        DiscoveredSources found = new SourceDiscovery(config).discover();
        assertThat(found.javaFiles()).isEmpty();
        assertThat(found.notifications()).hasSize(1);
    }
}
