package dev.apisec.core.engine;

import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.model.TypeIndex;
import dev.apisec.core.parse.JavaSources;
import dev.apisec.core.security.Access;
import dev.apisec.core.source.ConfigFiles;
import dev.apisec.core.source.DecodedText;
import dev.apisec.core.source.DiscoveredSources;
import dev.apisec.core.source.FileFacts;
import dev.apisec.core.source.PreScanner;
import dev.apisec.core.source.ScanConfig;
import dev.apisec.core.source.SourceDiscovery;
import dev.apisec.core.source.SourceFile;
import dev.apisec.core.source.TextDecoder;
import dev.apisec.core.web.EndpointDiscovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a scan: discover files, pre-scan them all (cheap, parallel), build the model (parsing only what matters),
 * run the rules, and return sorted findings with fingerprints. No exception from user code escapes: unreadable or
 * unparsable input and failing rules become notifications.
 */
public final class Engine {

    /** How many syntax trees stay cached at once. */
    private static final int AST_CACHE_SIZE = 2048;

    private final List<Rule> rules;

    public Engine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<RuleMetadata> ruleMetadata() {
        return rules.stream().map(Rule::metadata).toList();
    }

    public AnalysisResult analyze(ScanConfig config) {
        long start = System.nanoTime();
        Notifications notes = new Notifications();
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "apisec-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Model built = buildModel(config, notes, pool);
            List<Finding> findings = runRules(built.model(), notes, pool);
            long millis = (System.nanoTime() - start) / 1_000_000;
            AnalysisResult.Stats stats = new AnalysisResult.Stats(built.filesDiscovered(),
                    built.model().types().sources().parsedCount(), built.bytesRead(), millis);
            ProjectModel model = built.model();
            List<Access> access = new ArrayList<>();
            for (Endpoint e : model.endpoints()) {
                access.add(model.access(e));
            }
            return new AnalysisResult(config.baseDirectory(), ruleMetadata(), findings, notes.sorted(),
                    model.endpoints(), stats, true, access);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The model without running rules (for tests and the endpoint inventory). */
    public static ProjectModel model(ScanConfig config, Notifications notes) {
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            return buildModel(config, notes, pool).model();
        } finally {
            pool.shutdownNow();
        }
    }

    private record Model(ProjectModel model, int filesDiscovered, long bytesRead) {
    }

    private static Model buildModel(ScanConfig config, Notifications notes, ExecutorService pool) {
        DiscoveredSources discovered = new SourceDiscovery(config).discover();
        discovered.notifications().forEach(notes::add);
        AtomicLong bytes = new AtomicLong();
        Map<SourceFile, FileFacts> facts = prescan(discovered.javaFiles(), notes, pool, bytes);
        JavaSources sources = new JavaSources(notes, AST_CACHE_SIZE);
        TypeIndex index = new TypeIndex(sources, facts);
        List<ConfigProperty> properties = ConfigFiles.read(discovered.configFiles(), notes);
        List<Endpoint> endpoints = new EndpointDiscovery(index, notes, properties).discover(pool);
        ProjectModel model = new ProjectModel(index, endpoints, properties, discovered.configFiles(), notes);
        return new Model(model, discovered.javaFiles().size() + discovered.configFiles().size(), bytes.get());
    }

    private static Map<SourceFile, FileFacts> prescan(List<SourceFile> files, Notifications notes,
                                                      ExecutorService pool, AtomicLong bytes) {
        int chunks = Math.max(1, Math.min(files.size(), 64));
        List<Callable<Map<SourceFile, FileFacts>>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            tasks.add(() -> {
                Map<SourceFile, FileFacts> out = new HashMap<>();
                for (int i = chunk; i < files.size(); i += chunks) {
                    SourceFile f = files.get(i);
                    try {
                        byte[] content = Files.readAllBytes(f.path());
                        bytes.addAndGet(content.length);
                        DecodedText text = TextDecoder.decode(content);
                        if (text.fallbackCharset() != null) {
                            notes.warning(f.relativePath(), 0, "file is not valid UTF-8; read as "
                                    + text.fallbackCharset());
                        }
                        out.put(f, PreScanner.scan(text.text()));
                    } catch (IOException e) {
                        notes.error(f.relativePath(), 0, "cannot read file: " + e.getMessage());
                    } catch (RuntimeException | StackOverflowError e) {
                        notes.error(f.relativePath(), 0, "file not analysed: pre-scan failed: " + e);
                    }
                }
                return out;
            });
        }
        Map<SourceFile, FileFacts> all = new TreeMap<>();
        for (Map<SourceFile, FileFacts> part : Parallel.invokeAll(pool, tasks)) {
            all.putAll(part);
        }
        return all;
    }

    private List<Finding> runRules(ProjectModel model, Notifications notes, ExecutorService pool) {
        List<Callable<List<Finding>>> tasks = new ArrayList<>();
        for (Rule rule : rules) {
            tasks.add(() -> runRule(rule, model, notes));
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Finding> part : Parallel.invokeAll(pool, tasks)) {
            findings.addAll(part);
        }
        return fingerprint(findings);
    }

    private static List<Finding> runRule(Rule rule, ProjectModel model, Notifications notes) {
        RuleMetadata metadata = rule.metadata();
        List<Finding> out = new ArrayList<>();
        RuleContext context = new RuleContext() {
            @Override
            public ProjectModel model() {
                return model;
            }

            @Override
            public RuleMetadata metadata() {
                return metadata;
            }

            @Override
            public void report(SourceLocation location, Severity severity, String message, String endpoint,
                               List<SourceLocation> related, List<FlowStep> flow) {
                out.add(new Finding(metadata.id(), severity, message, location, endpoint, related, "", flow));
            }
        };
        try {
            rule.check(context);
        } catch (RuntimeException | StackOverflowError e) {
            notes.error(null, 0, "rule " + metadata.id() + " failed: " + e);
        }
        return out;
    }

    /**
     * Sorts, drops exact duplicates and sets fingerprints: a hash of rule, file, enclosing declaration and
     * normalized snippet, plus an occurrence index when several findings share them.
     */
    static List<Finding> fingerprint(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(new LinkedHashSet<>(findings));
        sorted.sort(Finding.ORDER);
        Set<String> seenKeys = new java.util.HashSet<>();
        List<Finding> out = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (Finding f : sorted) {
            String dedupe = f.ruleId() + "|" + f.location() + "|" + f.message();
            if (!seenKeys.add(dedupe)) {
                continue;
            }
            String base = f.ruleId() + "|" + f.location().file() + "|" + f.location().anchor() + "|"
                    + f.location().snippet();
            int n = occurrences.merge(base, 1, Integer::sum);
            String hash = sha256(base).substring(0, 32) + ":" + n;
            out.add(new Finding(f.ruleId(), f.severity(), f.message(), f.location(), f.endpoint(), f.related(),
                    hash, f.flow()));
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
