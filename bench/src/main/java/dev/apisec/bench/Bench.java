package dev.apisec.bench;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.Engine;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleMetadata;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.parse.JavaSources;
import dev.apisec.core.source.DecodedText;
import dev.apisec.core.source.DiscoveredSources;
import dev.apisec.core.source.PreScanner;
import dev.apisec.core.source.ScanConfig;
import dev.apisec.core.source.SourceDiscovery;
import dev.apisec.core.source.SourceFile;
import dev.apisec.core.source.TextDecoder;
import dev.apisec.rules.BuiltInRules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Scan-speed benchmark: generates a synthetic tree, times a full apisec scan and a "parse every file with
 * JavaParser" baseline the same way, and compares them. Not a test; see docs/performance.md.
 *
 * <pre>
 * generate &lt;dir&gt; [--files N] [--seed S] [--reuse true]
 * scan     &lt;dir&gt; [--threads T] [--runs R] [--warmup W]
 * baseline &lt;dir&gt; [--threads T] [--runs R] [--warmup W]
 * compare  &lt;dir&gt; [--threads T] [--runs R] [--warmup W] [--in-process] [--jvm-arg ARG]...
 * profile  &lt;dir&gt; [--threads T] [--warmup W]
 * </pre>
 */
public final class Bench {

    private static final String RESULT = "RESULT ";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
            System.exit(2);
        }
        Options o = Options.parse(args);
        switch (o.command) {
            case "generate" -> generate(o);
            case "scan", "baseline" -> measureInProcess(o.command, o);
            case "compare" -> compare(o);
            case "rulecost" -> ruleCost(o);
            case "outline-check" -> System.exit(OutlineCheck.run(o.dir));
            case "profile" -> profile(o);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                usage: Bench generate <dir> [--files N] [--seed S] [--reuse true]
                       Bench scan     <dir> [--threads T] [--runs R] [--warmup W]
                       Bench baseline <dir> [--threads T] [--runs R] [--warmup W]
                       Bench compare  <dir> [--threads T] [--runs R] [--warmup W] [--in-process] [--jvm-arg ARG]...
                       Bench profile  <dir> [--threads T] [--warmup W]
       Bench rulecost <dir> [--rule ID] [--threads T] [--runs R] [--warmup W] [--jvm-arg ARG]...
       Bench outline-check <dir>""");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void generate(Options o) throws IOException {
        int files = o.intOption("files", 15_000);
        long seed = o.longOption("seed", 42);
        Map<String, String> existing = TreeGenerator.readManifest(o.dir);
        if (o.values.containsKey("reuse") && Boolean.parseBoolean(o.values.get("reuse"))
                && Integer.toString(TreeGenerator.VERSION).equals(existing.get("generator"))
                && Integer.toString(files).equals(existing.get("javaFiles"))
                && Long.toString(seed).equals(existing.get("seed"))) {
            System.out.println("reusing " + o.dir + " (same generator, files and seed)");
            return;
        }
        if (Files.exists(o.dir.resolve(TreeGenerator.MANIFEST))) {
            deleteTree(o.dir);
        }
        long start = System.nanoTime();
        TreeGenerator.Summary s = TreeGenerator.generate(o.dir, files, seed);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "generated %d Java files (%.1f MB, %.1f KB average) and %d config files in"
                        + " %s in %.1f s%n", s.javaFiles(), s.javaBytes() / 1e6, s.javaBytes() / 1024.0 / s.javaFiles(),
                s.configFiles(), o.dir, secs);
        System.out.printf(Locale.ROOT, "API-related files (web, security, persistence): %d (%.2f %%); expected"
                        + " endpoints: %d; permissive CORS configurations: %d%n", s.apiRelatedFiles(),
                100.0 * s.apiRelatedFiles() / s.javaFiles(), s.expectedEndpoints(), s.permissiveCors());
        for (TreeGenerator.Kind k : TreeGenerator.Kind.values()) {
            System.out.printf(Locale.ROOT, "  %-18s %6d%n", k, s.count(k));
        }
    }

    /** Deletes a directory that a previous {@code generate} wrote (it has the manifest). */
    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // measurements

    /** One timed run. Sizes are of the Java files the scan configuration discovers. */
    record Measurement(String mode, int files, long bytes, long wallNanos, long peakHeapSampled, long peakHeapPools,
                       long gcMillis, int parsed, int endpoints, int findings, int notifications) {

        double wallSeconds() {
            return wallNanos / 1e9;
        }

        double filesPerSecond() {
            return files / wallSeconds();
        }

        String machineLine() {
            return RESULT + "mode=" + mode + " files=" + files + " bytes=" + bytes + " wallNanos=" + wallNanos
                    + " peakHeapSampled=" + peakHeapSampled + " peakHeapPools=" + peakHeapPools + " gcMillis="
                    + gcMillis + " parsed=" + parsed + " endpoints=" + endpoints + " findings=" + findings
                    + " notifications=" + notifications;
        }

        static Measurement fromMachineLine(String line) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String part : line.substring(RESULT.length()).trim().split(" ")) {
                int eq = part.indexOf('=');
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
            return new Measurement(kv.get("mode"), Integer.parseInt(kv.get("files")), Long.parseLong(kv.get("bytes")),
                    Long.parseLong(kv.get("wallNanos")), Long.parseLong(kv.get("peakHeapSampled")),
                    Long.parseLong(kv.get("peakHeapPools")), Long.parseLong(kv.get("gcMillis")),
                    Integer.parseInt(kv.get("parsed")), Integer.parseInt(kv.get("endpoints")),
                    Integer.parseInt(kv.get("findings")), Integer.parseInt(kv.get("notifications")));
        }
    }

    /** What one run of a workload reports besides time and memory. */
    private record Outcome(int parsed, int endpoints, int findings, int notifications) {
    }

    static ScanConfig config(Path dir, int threads) {
        return ScanConfig.builder(dir).sourceRoot(dir).threads(threads).build();
    }

    private static Supplier<Outcome> workload(String mode, Path dir, int threads) {
        return switch (mode) {
            case "scan" -> () -> scanOnce(dir, threads);
            case "baseline" -> () -> baselineOnce(dir, threads);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    /** The full apisec scan, as the CLI runs it. */
    /** Rules of a scan: every built-in rule, minus those named in -Dapisec.bench.without=id,id (to measure one rule's cost). */
    static List<Rule> benchRules() {
        java.util.Set<String> without = java.util.Set.of(System.getProperty("apisec.bench.without", "").split(","));
        return BuiltInRules.all().stream().filter(r -> !without.contains(r.metadata().id())).toList();
    }

    static Outcome scanOnce(Path dir, int threads) {
        AnalysisResult r = new Engine(benchRules()).analyze(config(dir, threads));
        return new Outcome(r.stats().filesParsed(), r.endpoints().size(), r.findings().size(),
                r.notifications().size());
    }

    /**
     * The baseline: discover the same Java files the scan would, read and decode each one and parse it with
     * apisec's JavaParser configuration on {@code threads} threads, keeping nothing.
     */
    static Outcome baselineOnce(Path dir, int threads) {
        List<SourceFile> files = new SourceDiscovery(config(dir, threads)).discover().javaFiles();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger parsed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        runOnThreads(threads, () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                try {
                    String text = TextDecoder.decode(Files.readAllBytes(files.get(i).path())).text();
                    ParseResult<CompilationUnit> result = JavaSources.newParser().parse(text);
                    if (result.isSuccessful()) {
                        parsed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    failed.incrementAndGet();
                }
            }
        });
        return new Outcome(parsed.get(), 0, 0, failed.get());
    }

    private static void runOnThreads(int threads, Runnable body) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(body));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Java files and bytes the scan configuration discovers (not timed). */
    private static long[] treeSize(Path dir, int threads) {
        DiscoveredSources d = new SourceDiscovery(config(dir, threads)).discover();
        long bytes = d.javaFiles().stream().mapToLong(SourceFile::size).sum();
        return new long[]{d.javaFiles().size(), bytes};
    }

    static Measurement measure(String mode, Path dir, int threads, long[] size) {
        Supplier<Outcome> work = workload(mode, dir, threads);
        settle();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcBefore = gcMillis();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        Outcome outcome = work.get();
        long wall = System.nanoTime() - start;
        long sampled = sampler.stop();
        long pools = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measurement(mode, (int) size[0], size[1], wall, sampled, pools, gcMillis() - gcBefore,
                outcome.parsed(), outcome.endpoints(), outcome.findings(), outcome.notifications());
    }

    private static void settle() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** Samples used heap every 10 ms on a daemon thread and keeps the maximum. */
    static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::loop, "heap-sampler");

        void start() {
            sample();
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                sample();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            max.accumulateAndGet(used, Math::max);
        }

        long stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
            return max.get();
        }
    }

    private static void measureInProcess(String mode, Options o) {
        int threads = o.intOption("threads", 2);
        int runs = o.intOption("runs", 3);
        int warmup = o.intOption("warmup", 1);
        long[] size = treeSize(o.dir, threads);
        if (!o.machine) {
            System.out.printf(Locale.ROOT, "%s of %s: %d Java files, %.1f MB, %d threads, max heap %d MB, %d warm-up"
                            + " + %d measured runs in this JVM%n", mode, o.dir, size[0], size[1] / 1e6, threads,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), warmup, runs);
            System.out.println(header());
        }
        for (int i = 0; i < warmup; i++) {
            Measurement m = measure(mode, o.dir, threads, size);
            if (!o.machine) {
                System.out.println(row("warm-up", m));
            }
        }
        List<Measurement> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Measurement m = measure(mode, o.dir, threads, size);
            measured.add(m);
            System.out.println(o.machine ? m.machineLine() : row("run " + (i + 1), m));
        }
        if (!o.machine && runs > 1) {
            System.out.println(row("median", median(measured)));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // compare

    private static void compare(Options o) throws Exception {
        int threads = o.intOption("threads", 2);
        int runs = o.intOption("runs", 3);
        int warmup = o.intOption("warmup", 1);
        long[] size = treeSize(o.dir, threads);
        Map<String, String> manifest = TreeGenerator.readManifest(o.dir);
        System.out.printf(Locale.ROOT, "compare on %s: %d Java files, %.1f MB, %d threads, %d round(s), each"
                        + " measurement in %s after %d warm-up run(s)%n", o.dir, size[0], size[1] / 1e6, threads,
                runs, o.inProcess ? "this JVM" : "its own JVM", warmup);
        if (!manifest.isEmpty()) {
            System.out.printf(Locale.ROOT, "generated tree (seed %s): %s API-related files, %s expected endpoints,"
                            + " %s permissive CORS configurations%n", manifest.get("seed"),
                    manifest.get("apiRelatedFiles"), manifest.get("expectedEndpoints"), manifest.get("permissiveCors"));
        }
        List<String> jvm = childJvmArguments(o);
        if (!o.inProcess) {
            System.out.println("child JVM: " + String.join(" ", jvm));
        }
        System.out.println(header());
        List<Measurement> baseline = new ArrayList<>();
        List<Measurement> scan = new ArrayList<>();
        // alternate the two workloads so that load from other processes hits both alike
        for (int round = 1; round <= runs; round++) {
            for (String mode : List.of("baseline", "scan")) {
                Measurement m;
                if (o.inProcess) {
                    for (int i = 0; i < warmup; i++) {
                        measure(mode, o.dir, threads, size);
                    }
                    m = measure(mode, o.dir, threads, size);
                } else {
                    m = forked(mode, o, jvm, threads, warmup);
                }
                (mode.equals("scan") ? scan : baseline).add(m);
                System.out.println(row(mode + " " + round, m));
            }
        }
        Measurement b = median(baseline);
        Measurement s = median(scan);
        System.out.println();
        System.out.println("medians:");
        System.out.println(header());
        System.out.println(row("baseline", b));
        System.out.println(row("scan", s));
        double ratio = s.wallSeconds() / b.wallSeconds();
        long peak = Math.max(s.peakHeapSampled(), s.peakHeapPools());
        System.out.printf(Locale.ROOT, "%nscan / baseline wall time: %.3f (1/%.1f); target <= 0.125 (1/8): %s%n",
                ratio, 1 / ratio, ratio <= 0.125 ? "MET" : "NOT MET");
        System.out.printf(Locale.ROOT, "scan peak heap: %.0f MB sampled, %.0f MB sum of pool peaks;"
                        + " target <= 1024 MB: %s%n", mb(s.peakHeapSampled()), mb(s.peakHeapPools()),
                peak <= 1024L * 1024 * 1024 ? "MET" : "NOT MET");
        if (!manifest.isEmpty() && manifest.containsKey("expectedEndpoints")) {
            System.out.printf(Locale.ROOT, "endpoints found: %d of %s generated%n", s.endpoints(),
                    manifest.get("expectedEndpoints"));
        }
    }

    /**
     * What one rule adds to a full scan: R rounds of a scan without the rule and a scan with every rule, alternating,
     * each in its own JVM after W warm-up runs; prints every run, the medians and the added share of the scan time
     * without the rule (issue "missing-ownership-check": less than 25 %).
     */
    private static void ruleCost(Options o) throws Exception {
        int threads = o.intOption("threads", 2);
        int runs = o.intOption("runs", 5);
        int warmup = o.intOption("warmup", 1);
        String rule = o.values.getOrDefault("rule", "missing-ownership-check");
        long[] size = treeSize(o.dir, threads);
        System.out.printf(Locale.ROOT, "rulecost of %s on %s: %d Java files, %.1f MB, %d threads, %d round(s), each"
                        + " measurement in its own JVM after %d warm-up run(s)%n", rule, o.dir, size[0], size[1] / 1e6,
                threads, runs, warmup);
        List<String> with = childJvmArguments(o);
        List<String> without = new ArrayList<>(with);
        without.add("-Dapisec.bench.without=" + rule);
        System.out.println(header());
        List<Measurement> withRule = new ArrayList<>();
        List<Measurement> withoutRule = new ArrayList<>();
        for (int round = 1; round <= runs; round++) {
            Measurement a = forked("scan", o, without, threads, warmup);
            withoutRule.add(a);
            System.out.println(row("without " + round, a));
            Measurement b = forked("scan", o, with, threads, warmup);
            withRule.add(b);
            System.out.println(row("with " + round, b));
        }
        Measurement a = median(withoutRule);
        Measurement b = median(withRule);
        System.out.println();
        System.out.println("medians:");
        System.out.println(header());
        System.out.println(row("without " + rule, a));
        System.out.println(row("all rules", b));
        double added = b.wallSeconds() / a.wallSeconds() - 1;
        System.out.printf(Locale.ROOT, "%n%s adds %.3f s = %.1f %% to the scan without it; target < 25 %%: %s%n",
                rule, b.wallSeconds() - a.wallSeconds(), 100 * added, added < 0.25 ? "MET" : "NOT MET");
    }

    /** The JVM options of this process (heap size, GC flags), for the child JVMs, plus any {@code --jvm-arg}. */
    private static List<String> childJvmArguments(Options o) {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-Xdebug")
                    || a.startsWith("-Xrunjdwp")) {
                continue;
            }
            out.add(a);
        }
        out.addAll(o.jvmArgs);
        return out;
    }

    private static Measurement forked(String mode, Options o, List<String> jvm, int threads, int warmup)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Bench.class.getName());
        cmd.add(mode);
        cmd.add(o.dir.toString());
        cmd.add("--threads");
        cmd.add(Integer.toString(threads));
        cmd.add("--runs");
        cmd.add("1");
        cmd.add("--warmup");
        cmd.add(Integer.toString(warmup));
        cmd.add("--machine");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Measurement result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(RESULT)) {
                    result = Measurement.fromMachineLine(line);
                } else {
                    output.add(line);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) {
            output.forEach(System.err::println);
            throw new IllegalStateException(mode + " run failed with exit code " + exit);
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------------------
    // profile: where the scan's time goes

    private static void profile(Options o) {
        int threads = o.intOption("threads", 2);
        int warmup = o.intOption("warmup", 1);
        Path dir = o.dir;
        long[] size = treeSize(dir, threads);
        System.out.printf(Locale.ROOT, "profile of %s: %d Java files, %.1f MB, %d threads (best of %d runs per"
                + " phase, after warm-up)%n", dir, size[0], size[1] / 1e6, threads, warmup + 2);
        for (int i = 0; i < warmup; i++) {
            scanOnce(dir, threads);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("0 plain walk (Files.walk, *.java, size)", best(warmup + 2, () -> {
            try (var walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    try {
                        Files.size(p);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        seconds.put("1 discovery (walk, globs, real paths)", best(warmup + 2, () -> {
            new SourceDiscovery(config(dir, threads)).discover();
        }));
        List<SourceFile> files = new SourceDiscovery(config(dir, threads)).discover().javaFiles();
        seconds.put("2 read + decode every file", best(warmup + 2, () -> forEachFile(files, threads, f -> {
            readText(f);
        })));
        seconds.put("3 read + decode + pre-scan every file", best(warmup + 2, () -> forEachFile(files, threads,
                f -> PreScanner.scan(readText(f)))));
        int[] parsed = new int[1];
        int[] endpoints = new int[1];
        seconds.put("4 model: 1-3 + index + endpoint discovery", best(warmup + 2, () -> {
            ProjectModel model = Engine.model(config(dir, threads), new Notifications());
            parsed[0] = model.types().sources().parsedCount();
            endpoints[0] = model.endpoints().size();
        }));
        int[] parsedAll = new int[1];
        seconds.put("5 full scan: 4 + rules + fingerprints", best(warmup + 2, () -> {
            parsedAll[0] = scanOnce(dir, threads).parsed();
        }));
        seconds.put("6 baseline: discovery + read + parse every file", best(warmup + 2, () -> baselineOnce(dir,
                threads)));
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-52s %8.3f s%n", e.getKey(), e.getValue());
        }
        rulesOneByOne(dir, threads);
        double parsePerFile = seconds.get("6 baseline: discovery + read + parse every file") / size[0];
        System.out.printf(Locale.ROOT, "files parsed by the model: %d (%.2f %% of all), endpoints %d; files parsed"
                        + " by the full scan: %d%n", parsed[0], 100.0 * parsed[0] / size[0], endpoints[0],
                parsedAll[0]);
        System.out.printf(Locale.ROOT, "baseline cost per file: %.3f ms wall on %d threads; so parsing %d files"
                + " costs about %.3f s%n", parsePerFile * 1000, threads, parsedAll[0], parsePerFile * parsedAll[0]);
    }

    /**
     * Builds the model, then runs each built-in rule alone on it (in registry order), printing its time and how
     * many more files it made the engine parse; lazily built model parts are charged to the first rule that asks.
     * Ends with the parsed files grouped by the package segment after {@code com.example.<domain>} (the generated
     * tree's layers).
     */
    private static void rulesOneByOne(Path dir, int threads) {
        settle();
        long start = System.nanoTime();
        ProjectModel model = Engine.model(config(dir, threads), new Notifications());
        double modelSeconds = (System.nanoTime() - start) / 1e9;
        int parsed = model.types().sources().parsedCount();
        int whole = model.types().sources().wholeParsedCount();
        System.out.printf(Locale.ROOT, "model alone: %.3f s, %d files parsed (%d whole, the others as outlines);"
                + " then each rule in turn on that model:%n", modelSeconds, parsed, whole);
        for (Rule rule : BuiltInRules.all()) {
            RuleMetadata metadata = rule.metadata();
            RuleContext context = (RuleContext) Proxy.newProxyInstance(Bench.class.getClassLoader(),
                    new Class<?>[]{RuleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "model" -> model;
                        case "metadata" -> metadata;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "RuleContext[" + metadata.id() + "]";
                        default -> null;
                    });
            long t0 = System.nanoTime();
            String failure = "";
            try {
                rule.check(context);
            } catch (RuntimeException | StackOverflowError e) {
                failure = " (failed: " + e + ")";
            }
            int now = model.types().sources().parsedCount();
            int nowWhole = model.types().sources().wholeParsedCount();
            System.out.printf(Locale.ROOT, "  %-32s %8.3f s  +%d files parsed (+%d whole)%s%n", metadata.id(),
                    (System.nanoTime() - t0) / 1e9, now - parsed, nowWhole - whole, failure);
            parsed = now;
            whole = nowWhole;
        }
        Map<String, Integer> byLayer = new java.util.TreeMap<>();
        model.types().loadedTypes().stream().map(TypeInfo::file).distinct().forEach(f -> {
            String[] parts = f.split("/");
            String layer = "(other)";
            for (int i = 0; i + 3 < parts.length; i++) {
                if (parts[i].equals("com") && parts[i + 1].equals("example")) {
                    layer = String.join(".", java.util.Arrays.copyOfRange(parts, i + 3, parts.length - 1));
                    break;
                }
            }
            byLayer.merge(layer, 1, Integer::sum);
        });
        System.out.println("files whose types were extracted, by package layer: " + byLayer);
        System.out.printf(Locale.ROOT, "files parsed: %d, of which whole: %d, outlined and later parsed whole: %d%n",
                model.types().sources().parsedCount(), model.types().sources().wholeParsedCount(),
                model.types().sources().outlinedThenParsedCount());
    }

    private interface FileTask {
        void accept(SourceFile file) throws IOException;
    }

    private static void forEachFile(List<SourceFile> files, int threads, FileTask task) {
        AtomicInteger next = new AtomicInteger();
        runOnThreads(threads, () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                try {
                    task.accept(files.get(i));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static String readText(SourceFile f) throws IOException {
        DecodedText text = TextDecoder.decode(Files.readAllBytes(f.path()));
        return text.text();
    }

    private static double best(int times, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            settle();
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------------------------
    // output

    static String header() {
        return String.format(Locale.ROOT, "%-12s %7s %8s %9s %9s %10s %10s %8s %7s %9s %8s", "run", "files", "MB",
                "wall s", "files/s", "peak MB", "pools MB", "GC ms", "parsed", "endpoints", "findings");
    }

    static String row(String label, Measurement m) {
        return String.format(Locale.ROOT, "%-12s %7d %8.1f %9.3f %9.0f %10.0f %10.0f %8d %7d %9s %8s", label,
                m.files(), m.bytes() / 1e6, m.wallSeconds(), m.filesPerSecond(), mb(m.peakHeapSampled()),
                mb(m.peakHeapPools()), m.gcMillis(), m.parsed(), m.mode().equals("scan") ? m.endpoints() : "-",
                m.mode().equals("scan") ? m.findings() : "-");
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** The run with the median wall time (the lower middle one for an even count). */
    static Measurement median(List<Measurement> runs) {
        List<Measurement> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Measurement::wallNanos));
        return sorted.get((sorted.size() - 1) / 2);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static final class Options {
        String command;
        Path dir;
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> jvmArgs = new ArrayList<>();
        boolean machine;
        boolean inProcess;

        static Options parse(String[] args) {
            Options o = new Options();
            o.command = args[0];
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--machine" -> o.machine = true;
                    case "--in-process" -> o.inProcess = true;
                    case "--jvm-arg" -> o.jvmArgs.add(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            o.values.put(a.substring(2), value(args, ++i, a));
                        } else if (o.dir == null) {
                            o.dir = Path.of(a).toAbsolutePath().normalize();
                        } else {
                            throw new IllegalArgumentException("unexpected argument: " + a);
                        }
                    }
                }
            }
            if (o.dir == null) {
                throw new IllegalArgumentException("missing <dir>");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        int intOption(String name, int fallback) {
            String v = values.get(name);
            return v == null ? fallback : Integer.parseInt(v);
        }

        long longOption(String name, long fallback) {
            String v = values.get(name);
            return v == null ? fallback : Long.parseLong(v);
        }
    }
}
