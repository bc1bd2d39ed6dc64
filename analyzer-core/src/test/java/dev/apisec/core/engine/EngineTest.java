package dev.apisec.core.engine;

import dev.apisec.core.api.Finding;
import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.diag.Notification;

import dev.apisec.core.TestProject;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.source.ScanConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    @TempDir
    Path dir;

    /** Reports every endpoint, so engine behaviour can be observed through findings. */
    @RuleDescriptor(id = "test-endpoint", title = "Endpoint", description = "Reports every endpoint.",
            severity = Severity.LOW, cwe = {1}, owasp = "API9", precision = Precision.HIGH)
    static final class EveryEndpoint implements Rule {
        @Override
        public void check(RuleContext context) {
            for (Endpoint e : context.model().endpoints()) {
                context.report(e, Severity.LOW, "endpoint " + e.route());
            }
        }
    }

    @RuleDescriptor(id = "test-crash", title = "Crash", description = "Always throws.",
            severity = Severity.LOW, cwe = {1}, owasp = "API9", precision = Precision.HIGH)
    static final class Crashing implements Rule {
        @Override
        public void check(RuleContext context) {
            throw new IllegalStateException("boom");
        }
    }

    private static final String CONTROLLER = """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            @RestController
            class C%d {
                @GetMapping("/c%d/{id}")
                String get(@PathVariable long id) { return ""; }
            }
            """;

    @Test
    void badFilesBecomeNotificationsAndTheScanContinues() {
        StringBuilder deep = new StringBuilder("package com.acme; class Deep { int x = ");
        deep.append("(".repeat(30_000)).append("1").append(")".repeat(30_000)).append("; }");
        TestProject project = new TestProject(dir)
                .file("src/main/java/com/acme/C1.java", CONTROLLER.formatted(1, 1))
                .file("src/main/java/com/acme/Broken.java", """
                        package com.acme;
                        import org.springframework.web.bind.annotation.*;
                        @RestController
                        class Broken {
                            @GetMapping("/broken")
                            String get( { return ""; }
                        }
                        """)
                .file("src/main/java/com/acme/Deep.java", "@RestController " + deep)
                .bytes("src/main/java/com/acme/Latin.java", ("package com.acme;\n"
                        + "import org.springframework.web.bind.annotation.*;\n"
                        + "@RestController class Latin { @GetMapping(\"/gr\u00fc\u00dfe\") String g() { return \"M\u00fcller\"; } }\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        AnalysisResult result = new Engine(List.of(new EveryEndpoint(), new Crashing())).analyze(project.config());

        assertThat(result.executionSuccessful()).isTrue();
        assertThat(result.findings()).extracting(Finding::message)
                .containsExactly("endpoint GET /c1/{id}", "endpoint GET /grüße");
        assertThat(result.notifications()).extracting(Notification::toString).anySatisfy(n ->
                assertThat(n).startsWith("src/main/java/com/acme/Broken.java:6: error: file not analysed: syntax error"));
        assertThat(result.notifications()).extracting(Notification::toString).anySatisfy(n ->
                assertThat(n).contains("Deep.java").contains("not analysed"));
        assertThat(result.notifications()).extracting(Notification::toString).anySatisfy(n ->
                assertThat(n).contains("Latin.java").contains("not valid UTF-8; read as ISO-8859-1"));
        assertThat(result.notifications()).extracting(Notification::message)
                .anySatisfy(m -> assertThat(m).startsWith("rule test-crash failed: java.lang.IllegalStateException: boom"));
    }

    @Test
    void onlyFilesThatMatterAreParsed() {
        TestProject project = new TestProject(dir);
        for (int i = 0; i < 200; i++) {
            project.file("src/main/java/com/acme/util/Util" + i + ".java",
                    "package com.acme.util; public class Util" + i + " { int f() { return " + i + "; } }");
        }
        project.file("src/main/java/com/acme/C1.java", CONTROLLER.formatted(1, 1));
        AnalysisResult result = new Engine(List.of(new EveryEndpoint())).analyze(project.config());
        assertThat(result.stats().filesDiscovered()).isEqualTo(201);
        assertThat(result.stats().filesParsed()).isEqualTo(1);
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        TestProject project = new TestProject(dir);
        for (int i = 0; i < 60; i++) {
            project.file("src/main/java/com/acme/C" + i + ".java", CONTROLLER.formatted(i, i));
        }
        Engine engine = new Engine(List.of(new EveryEndpoint()));
        ScanConfig one = ScanConfig.builder(dir).sourceRoot(dir).threads(1).build();
        ScanConfig four = ScanConfig.builder(dir).sourceRoot(dir).threads(4).build();
        AnalysisResult a = engine.analyze(one);
        AnalysisResult b = engine.analyze(four);
        assertThat(a.findings()).hasSize(60).isEqualTo(b.findings());
        assertThat(a.endpoints()).isEqualTo(b.endpoints());
    }

    /** Records the threads it runs on, and those of the facts it makes the engine compute. */
    @RuleDescriptor(id = "test-threads", title = "Threads", description = "Records threads.",
            severity = Severity.LOW, cwe = {1}, owasp = "API9", precision = Precision.HIGH)
    static final class ThreadRecorder implements Rule {
        final java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void check(RuleContext context) {
            threads.add(Thread.currentThread());
            // the security model resolves every endpoint through the scheduler; the ownership analysis too
            context.model().uncheckedObjectAccesses();
            for (Endpoint e : context.model().endpoints()) {
                context.model().access(e);
            }
        }
    }

    private static java.util.Set<Thread> liveWorkers() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("apisec-worker") || t.getName().startsWith("ForkJoinPool.commonPool")) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void oneThreadMeansTheCallersThreadAlone() {
        TestProject project = new TestProject(dir);
        for (int i = 0; i < 40; i++) {
            project.file("src/main/java/com/acme/C" + i + ".java", CONTROLLER.formatted(i, i));
        }
        java.util.Set<Thread> before = liveWorkers();
        ThreadRecorder a = new ThreadRecorder();
        ThreadRecorder b = new ThreadRecorder();
        AnalysisResult result = new Engine(List.of(a, b, new EveryEndpoint()))
                .analyze(ScanConfig.builder(dir).sourceRoot(dir).threads(1).build());
        assertThat(result.endpoints()).hasSize(40);
        assertThat(a.threads).containsExactly(Thread.currentThread());
        assertThat(b.threads).containsExactly(Thread.currentThread());
        java.util.Set<Thread> started = liveWorkers();
        started.removeAll(before);
        assertThat(started).as("threads started by a one-thread scan").isEmpty();

        ThreadRecorder c = new ThreadRecorder();
        ThreadRecorder d = new ThreadRecorder();
        ThreadRecorder e = new ThreadRecorder();
        new Engine(List.of(c, d, e)).analyze(ScanConfig.builder(dir).sourceRoot(dir).threads(2).build());
        java.util.Set<Thread> all = new java.util.HashSet<>(c.threads);
        all.addAll(d.threads);
        all.addAll(e.threads);
        assertThat(all).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(all).allSatisfy(t -> assertThat(t == Thread.currentThread()
                || t.getName().startsWith("apisec-worker-")).isTrue());
    }

    @Test
    void fingerprintsSurviveEditsElsewhereInTheFile() {
        TestProject project = new TestProject(dir).file("src/main/java/com/acme/C1.java", CONTROLLER.formatted(1, 1));
        Engine engine = new Engine(List.of(new EveryEndpoint()));
        Finding before = engine.analyze(project.config()).findings().get(0);
        project.file("src/main/java/com/acme/C1.java", CONTROLLER.formatted(1, 1)
                .replace("class C1 {", "class C1 {\n    // a new comment\n\n    private int unrelated;\n"));
        Finding after = engine.analyze(project.config()).findings().get(0);
        assertThat(after.location().startLine()).isEqualTo(before.location().startLine() + 4);
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint()).isNotBlank();
        assertThat(after.location().anchor()).isEqualTo("com.acme.C1#get(long)");
    }

    @Test
    void modernJavaSyntaxParses() {
        TestProject project = new TestProject(dir).file("src/main/java/com/acme/Modern.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class Modern {
                    sealed interface Shape permits Circle, Square { }
                    record Circle(double r) implements Shape { }
                    record Square(double s) implements Shape { }

                    @GetMapping("/area")
                    String area(@RequestParam String kind) {
                        Shape shape = kind.equals("c") ? new Circle(1) : new Square(2);
                        double a = switch (shape) {
                            case Circle c when c.r() > 0 -> Math.PI * c.r() * c.r();
                            case Circle c -> 0;
                            case Square(double s) -> s * s;
                        };
                        var text = \"""
                            area: %s
                            \""".formatted(a);
                        return text;
                    }
                }
                """);
        AnalysisResult result = new Engine(List.of(new EveryEndpoint())).analyze(project.config());
        assertThat(result.notifications()).isEmpty();
        assertThat(result.findings()).extracting(Finding::endpoint).containsExactly("GET /area");
    }
}
