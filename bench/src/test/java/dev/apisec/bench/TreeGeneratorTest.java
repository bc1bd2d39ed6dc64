package dev.apisec.bench;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.apisec.bench.TreeGenerator.Kind;
import dev.apisec.bench.TreeGenerator.Summary;
import dev.apisec.core.parse.JavaSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TreeGeneratorTest {

    private static final int FILES = 3000;
    private static final Pattern WEB_ANNOTATION = Pattern.compile(
            "(?m)^\\s*@(RestController|Controller|RequestMapping|GetMapping|PostMapping|PutMapping|DeleteMapping"
                    + "|PatchMapping|Path|GET|POST|PUT|DELETE|ApplicationPath)\\b");

    @TempDir
    static Path shared;
    static Summary summary;
    static Map<String, String> tree;

    @BeforeAll
    static void generateOnce() throws IOException {
        summary = TreeGenerator.generate(shared.resolve("tree"), FILES, 42);
        tree = javaFiles(shared.resolve("tree"));
    }

    private static Map<String, String> javaFiles(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, byte[]> allBytes(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        TreeGenerator.generate(tmp.resolve("a"), 600, 7);
        TreeGenerator.generate(tmp.resolve("b"), 600, 7);
        TreeGenerator.generate(tmp.resolve("c"), 600, 8);
        Map<String, byte[]> a = allBytes(tmp.resolve("a"));
        Map<String, byte[]> b = allBytes(tmp.resolve("b"));
        Map<String, byte[]> c = allBytes(tmp.resolve("c"));
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        for (String path : a.keySet()) {
            assertThat(b.get(path)).as(path).isEqualTo(a.get(path));
        }
        assertThat(a.keySet().stream().filter(p -> p.endsWith(".java")).count()).isEqualTo(600);
        // a different seed changes names and contents
        long identical = a.keySet().stream().filter(c::containsKey)
                .filter(p -> java.util.Arrays.equals(a.get(p), c.get(p))).count();
        assertThat(identical).isLessThan(a.size() / 2);
    }

    @Test
    void writesTheRequestedNumberOfFilesAndSummaryMatchesDisk() throws IOException {
        assertThat(tree).hasSize(FILES);
        assertThat(summary.javaFiles()).isEqualTo(FILES);
        long bytes = 0;
        for (String text : tree.values()) {
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        assertThat(summary.javaBytes()).isEqualTo(bytes);
        assertThat(summary.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FILES);
        Map<String, String> manifest = TreeGenerator.readManifest(shared.resolve("tree"));
        assertThat(manifest).containsEntry("javaFiles", Integer.toString(FILES))
                .containsEntry("expectedEndpoints", Integer.toString(summary.expectedEndpoints()));
    }

    @Test
    void mixIsMostlyUnrelatedCodeWithAFewPercentWebCode() {
        int controllers = count(t -> t.contains("\n@RestController\n"));
        int jaxrs = count(t -> t.contains("\n@Path(\"/") && t.contains("public class"));
        int entities = count(t -> t.contains("\n@Entity\n"));
        int dtos = count(t -> t.contains("public record ") && t.contains("Dto("));
        int repositories = count(t -> t.contains("extends JpaRepository<"));
        int securityConfigs = count(t -> t.contains("SecurityFilterChain apiSecurity(HttpSecurity http)"));
        int corsConfigs = count(t -> t.contains("addCorsMappings(CorsRegistry") || t.contains("new CorsConfiguration()"));
        int permissive = count(t -> t.contains(".allowedOrigins(\"*\")") || t.contains("setAllowedOrigins(List.of(\"*\"))"));
        int webFiles = count(t -> WEB_ANNOTATION.matcher(t).find());

        assertThat(controllers).isEqualTo(summary.count(Kind.SPRING_CONTROLLER)).isBetween(FILES * 15 / 1000, FILES * 25 / 1000);
        assertThat(jaxrs).isEqualTo(summary.count(Kind.JAXRS_RESOURCE)).isPositive();
        assertThat(entities).isEqualTo(summary.count(Kind.ENTITY)).isBetween(FILES / 200, FILES * 15 / 1000);
        assertThat(dtos).isEqualTo(summary.count(Kind.DTO)).isBetween(FILES / 200, FILES * 15 / 1000);
        assertThat(repositories).isEqualTo(summary.count(Kind.REPOSITORY)).isBetween(FILES / 200, FILES * 15 / 1000);
        assertThat(securityConfigs).isEqualTo(summary.count(Kind.SECURITY_CONFIG)).isPositive();
        assertThat(corsConfigs).isEqualTo(summary.count(Kind.CORS_CONFIG)).isGreaterThanOrEqualTo(2);
        assertThat(permissive).isEqualTo(summary.permissiveCors()).isPositive().isLessThan(corsConfigs);
        // controllers, JAX-RS resources and the JAX-RS application are the only files with web annotations
        assertThat(webFiles).isEqualTo(controllers + jaxrs + 1);
        assertThat(summary.apiRelatedFiles()).isLessThan(FILES * 5 / 100);
        assertThat(summary.count(Kind.PLAIN) + summary.count(Kind.SERVICE)).isGreaterThan(FILES * 85 / 100);
    }

    @Test
    void controllersUseAServiceOfTheirDomainThatExists() {
        Pattern imports = Pattern.compile("import (com\\.example\\.\\w+\\.service\\.\\w+Service);");
        int controllers = 0;
        int complete = 0;
        for (Map.Entry<String, String> e : tree.entrySet()) {
            if (!e.getValue().contains("\n@RestController\n")) {
                continue;
            }
            controllers++;
            var m = imports.matcher(e.getValue());
            assertThat(m.find()).as(e.getKey()).isTrue();
            String suffix = "/src/main/java/" + m.group(1).replace('.', '/') + ".java";
            if (tree.keySet().stream().anyMatch(p -> p.endsWith(suffix))) {
                complete++;
            }
        }
        // a domain has about three times as many services as controllers, so nearly every controller has its own
        assertThat(complete).isGreaterThanOrEqualTo(controllers * 9 / 10);
    }

    @Test
    void someUnrelatedFilesMentionControllerAndPathWithoutBeingWebCode() {
        List<String> decoys = tree.entrySet().stream()
                .filter(e -> e.getKey().matches(".*(Controller|Path\\w*)\\.java"))
                .filter(e -> !e.getKey().contains("/web/"))
                .map(Map.Entry::getValue).toList();
        assertThat(decoys).hasSizeGreaterThanOrEqualTo(summary.count(Kind.DECOY));
        for (String text : decoys) {
            assertThat(text).contains("Controller").contains("Path");
            assertThat(WEB_ANNOTATION.matcher(text).find()).as(text).isFalse();
        }
    }

    @Test
    void filesHaveRealisticSizes() {
        double averageKb = summary.javaBytes() / 1024.0 / FILES;
        assertThat(averageKb).isBetween(4.0, 8.0);
        int small = 0;
        int large = 0;
        for (String text : tree.values()) {
            long lines = text.lines().count();
            if (lines < 50) {
                small++;
            }
            if (lines > 450) {
                large++;
            }
        }
        // short files are the DTOs, repositories, configurations and annotations; nothing is huge
        assertThat(small).isLessThan(FILES / 10);
        assertThat(large).isZero();
    }

    @Test
    void sampledFilesParseWithApisecsParser() {
        List<String> paths = new ArrayList<>(tree.keySet());
        int step = paths.size() / 200;
        int parsed = 0;
        for (int i = 0; i < paths.size() && parsed < 200; i += step) {
            ParseResult<CompilationUnit> result = JavaSources.newParser().parse(tree.get(paths.get(i)));
            assertThat(result.isSuccessful()).as(paths.get(i) + ": " + result.getProblems()).isTrue();
            parsed++;
        }
        // and every kind of web/persistence file parses, whatever the sample hit
        for (String marker : List.of("@RestController", "@Entity", "extends JpaRepository", "SecurityFilterChain",
                "CorsRegistry", "@ApplicationPath", "@RestControllerAdvice", "public @interface", "public enum",
                "public interface", "public record")) {
            String text = tree.values().stream().filter(t -> t.contains(marker)).findFirst().orElseThrow();
            assertThat(JavaSources.newParser().parse(text).isSuccessful()).as(marker).isTrue();
        }
        assertThat(parsed).isEqualTo(200);
    }

    @Test
    void scanFindsTheGeneratedEndpointsAndLeavesPlainCodeUnparsed() {
        Bench.Measurement m = Bench.measure("scan", shared.resolve("tree"), 2,
                new long[]{FILES, summary.javaBytes()});
        assertThat(m.endpoints()).isEqualTo(summary.expectedEndpoints());
        // plain classes and decoys (mentions of Controller/Path in names, comments and strings) are never parsed
        assertThat(m.parsed()).isPositive()
                .isLessThanOrEqualTo(FILES - summary.count(Kind.PLAIN) - summary.count(Kind.DECOY));
        Bench.Measurement again = Bench.Measurement.fromMachineLine(m.machineLine());
        assertThat(again).isEqualTo(m);
    }

    private static int count(java.util.function.Predicate<String> p) {
        return (int) tree.values().stream().filter(p).count();
    }
}
