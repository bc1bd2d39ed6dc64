package dev.apisec.core.engine;

import dev.apisec.core.facts.ProjectInputs;
import dev.apisec.core.facts.AnalysisOptions;
import dev.apisec.core.diag.Scheduler;
import dev.apisec.core.api.Finding;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleMetadata;
import dev.apisec.core.model.Severity;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.model.FlowStep;

import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.lang.TypeIndex;
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
        return analyze(config, AnalysisOptions.defaults());
    }

    /** Analyses the sources {@code config} names, with {@code options}: every thread is one of the scheduler's. */
    public AnalysisResult analyze(ScanConfig config, AnalysisOptions options) {
        long start = System.nanoTime();
        Notifications notes = new Notifications();
        try (Scheduler scheduler = new Scheduler(config.threads())) {
            Model built = buildModel(config, options, notes, scheduler);
            List<Finding> findings = runRules(built.model(), options, notes, scheduler);
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
        }
    }

    /**
     * The model without running rules (for tests and the endpoint inventory). Its facts are computed when first
     * asked for, on a scheduler of {@code config.threads()} threads that lives as long as the model (daemon threads).
     */
    public static ProjectModel model(ScanConfig config, Notifications notes) {
        return model(config, AnalysisOptions.defaults(), notes);
    }

    public static ProjectModel model(ScanConfig config, AnalysisOptions options, Notifications notes) {
        return buildModel(config, options, notes, new Scheduler(config.threads())).model();
    }

    private record Model(ProjectModel model, int filesDiscovered, long bytesRead) {
    }

    private static Model buildModel(ScanConfig config, AnalysisOptions options, Notifications notes,
                                    Scheduler scheduler) {
        DiscoveredSources discovered = new SourceDiscovery(config).discover();
        discovered.notifications().forEach(notes::add);
        AtomicLong bytes = new AtomicLong();
        Map<SourceFile, FileFacts> facts = prescan(discovered.javaFiles(), notes, scheduler, bytes);
        JavaSources sources = new JavaSources(notes, AST_CACHE_SIZE);
        TypeIndex index = new TypeIndex(sources, facts);
        List<ConfigProperty> properties = ConfigFiles.read(discovered.configFiles(), notes);
        List<Endpoint> endpoints = new EndpointDiscovery(index, notes, properties).discover(scheduler);
        ProjectInputs inputs = new ProjectInputs(index, endpoints, properties, discovered.configFiles(), notes,
                scheduler, options);
        ProjectModel model = new ProjectModel(BuiltInFacts.registry().open(inputs));
        return new Model(model, discovered.javaFiles().size() + discovered.configFiles().size(), bytes.get());
    }

    private static Map<SourceFile, FileFacts> prescan(List<SourceFile> files, Notifications notes,
                                                      Scheduler scheduler, AtomicLong bytes) {
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
        for (Map<SourceFile, FileFacts> part : scheduler.invokeAll(tasks)) {
            all.putAll(part);
        }
        return all;
    }

    private List<Finding> runRules(ProjectModel model, AnalysisOptions options, Notifications notes,
                                   Scheduler scheduler) {
        List<Callable<List<Finding>>> tasks = new ArrayList<>();
        for (Rule rule : rules) {
            if (options.enabled(rule.metadata().id())) {
                Severity override = options.severity(rule.metadata().id()).orElse(null);
                tasks.add(() -> runRule(rule, model, notes, override));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Finding> part : scheduler.invokeAll(tasks)) {
            findings.addAll(part);
        }
        return fingerprint(findings);
    }

    private static List<Finding> runRule(Rule rule, ProjectModel model, Notifications notes, Severity override) {
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
                out.add(new Finding(metadata.id(), override != null ? override : severity, message, location, endpoint, related, "", flow));
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
