package dev.apisec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a deterministic synthetic multi-module Java source tree that looks like a large enterprise code base: a
 * small share of Spring MVC controllers, JAX-RS resources, JPA entities, DTO records, Spring Data repositories and
 * security/CORS configuration, and a large majority of ordinary classes (loops, switches, lambdas, streams,
 * generics, nested types, Javadoc) that an API scanner should not need to parse. Some of those ordinary classes
 * mention "Controller", "Path" or mapping annotations in names, comments and strings without being web code.
 *
 * <p>Same {@code (files, seed)} gives the same bytes. Layout:
 * {@code <out>/<domain>-service/src/main/java/com/example/<domain>/<layer>/<Type>.java}, plus one
 * {@code application.properties} per module and a {@code apisec-bench-tree.properties} manifest at the root.
 */
public final class TreeGenerator {

    /** The manifest written next to the generated modules (not a Java or application*.properties file). */
    public static final String MANIFEST = "apisec-bench-tree.properties";

    /** Bumped whenever the generated text changes, so that a tree from an older generator is not reused. */
    public static final int VERSION = 2;

    /** What a generated Java file is. */
    public enum Kind {
        SPRING_CONTROLLER(true), JAXRS_RESOURCE(true), JAXRS_APPLICATION(true), EXCEPTION_ADVICE(true),
        SECURITY_CONFIG(true), CORS_CONFIG(true), ENTITY(true), DTO(true), REPOSITORY(true),
        SERVICE(false), ANNOTATION(false), DECOY(false), PLAIN(false);

        /** Web, security or persistence code that an API scanner may legitimately look at. */
        public final boolean apiRelated;

        Kind(boolean apiRelated) {
            this.apiRelated = apiRelated;
        }
    }

    /**
     * What was written.
     *
     * @param javaFiles          number of Java files
     * @param javaBytes          their total size
     * @param configFiles        number of application.properties files
     * @param counts             Java files per kind
     * @param expectedEndpoints  HTTP endpoints declared by the generated controllers and resources
     * @param permissiveCors     CORS configurations that allow every origin
     */
    public record Summary(int javaFiles, long javaBytes, int configFiles, Map<Kind, Integer> counts,
                          int expectedEndpoints, int permissiveCors) {

        public int count(Kind kind) {
            return counts.getOrDefault(kind, 0);
        }

        public int apiRelatedFiles() {
            return counts.entrySet().stream().filter(e -> e.getKey().apiRelated).mapToInt(Map.Entry::getValue)
                    .sum();
        }
    }

    private static final String[] DOMAINS = {"billing", "catalog", "orders", "inventory", "shipping", "customers",
            "payments", "reporting", "analytics", "notifications", "search", "identity", "audit", "pricing",
            "loyalty", "marketing", "support", "warehouse", "procurement", "accounting", "scheduling", "fleet",
            "claims", "underwriting", "lending", "compliance", "content", "media", "messaging", "recommendations",
            "reviews", "subscriptions", "tax", "travel", "booking", "documents", "hr", "payroll", "learning",
            "telemetry", "devices", "maps", "routing", "fraud", "risk", "ledger", "treasury", "insurance", "events",
            "ticketing", "crm", "partners", "vendors", "returns", "promotions", "gateway", "workflow", "forms",
            "surveys", "labs"};

    private static final String[] NOUNS = {"Order", "Invoice", "Customer", "Product", "Shipment", "Payment",
            "Account", "Ticket", "Report", "Campaign", "Coupon", "Review", "Warehouse", "Supplier", "Contract",
            "Employee", "Schedule", "Booking", "Subscription", "Document", "Message", "Device", "Sensor", "Asset",
            "Ledger", "Budget", "Claim", "Quote", "Lead", "Route", "Vehicle", "Driver", "Parcel", "Basket",
            "Voucher", "Refund", "Statement", "Transfer", "Balance", "Member", "Profile", "Address", "Region",
            "Category", "Label", "Comment", "Attachment", "Batch", "Job", "Task", "Metric", "Alert", "Tariff",
            "Rate", "Plan", "Slot", "Shift", "Course", "Lesson", "Grade", "Vendor", "Partner", "Merchant", "Store",
            "Terminal", "Receipt", "Forecast", "Allocation", "Milestone", "Checklist"};

    private static final String[] SUFFIXES = {"Calculator", "Mapper", "Formatter", "Parser", "Scheduler", "Cache",
            "Registry", "Strategy", "Builder", "Validator", "Converter", "Exporter", "Importer", "Aggregator",
            "Resolver", "Planner", "Tracker", "Index", "Normalizer", "Splitter", "Merger", "Encoder", "Decoder",
            "Sanitizer", "Matcher", "Estimator", "Allocator", "Dispatcher", "Collector", "Reconciler", "Projection",
            "Snapshot", "Window", "Buffer", "Queue", "Pool", "Limiter", "Support", "Utils", "Factory", "Provider",
            "Listener", "Processor", "Generator", "Loader", "Writer", "Reader", "Summary", "Statistics", "Codec",
            "Digest", "Ranking", "Scorer", "Partitioner", "Journal", "Ruleset", "Selector", "Tokenizer"};

    private static final String[] PREFIXES = {"Default", "Cached", "Batch", "Async", "Composite", "Legacy",
            "Simple", "Weighted", "Rolling", "Incremental", "Local", "Remote", "Lazy", "Bounded", "Sorted"};

    private static final String[] LAYERS = {"util", "internal", "support", "model", "mapping", "batch", "jobs",
            "events", "client", "metrics", "cache", "validation", "export", "integration", "scheduling", "core",
            "common", "engine"};

    private static final String[] VERBS = {"compute", "load", "merge", "validate", "resolve", "normalize",
            "collect", "build", "apply", "refresh", "estimate", "render", "split", "group", "rank", "index",
            "reconcile", "summarize", "select", "prepare", "convert", "schedule", "compact", "expand", "match",
            "score", "partition", "update", "find", "evict", "publish", "track"};

    private static final String[] SENTENCES = {
            "Keeps the bookkeeping for %s records consistent across batches.",
            "Thread-safe; instances are cheap and may be shared.",
            "Values are normalized before comparison so that lookups ignore case and surrounding blanks.",
            "The result is sorted to keep exports byte-for-byte stable.",
            "Callers must not rely on the iteration order of the returned map.",
            "Used by the nightly %s reconciliation job.",
            "This is a best-effort estimate; see the accounting rules for the authoritative figure.",
            "Limits are enforced eagerly to fail fast on malformed %s input.",
            "Kept package-private on purpose: the public surface lives in the service layer.",
            "Replaces the older implementation that kept everything in memory.",
            "All amounts are in minor units unless stated otherwise.",
            "Retries are bounded; after the last attempt the %s is parked for manual review.",
            "Not intended for very large inputs; stream the data instead.",
            "The cache is invalidated whenever a %s changes state."};

    private TreeGenerator() {
    }

    /** Writes {@code files} Java files (at least 100) under {@code out}, which is created if needed. */
    public static Summary generate(Path out, int files, long seed) throws IOException {
        if (files < 100) {
            throw new IllegalArgumentException("at least 100 files, got " + files);
        }
        Random planRandom = new Random(seed);
        List<Kind> kinds = planKinds(files);
        Collections.shuffle(kinds, planRandom);
        int domainCount = Math.max(1, (files + 149) / 150);
        List<String> domains = new ArrayList<>();
        for (int d = 0; d < domainCount; d++) {
            int round = d / DOMAINS.length;
            domains.add(DOMAINS[d % DOMAINS.length] + (round == 0 ? "" : Integer.toString(round + 1)));
        }
        // the JAX-RS application and the first security configuration sit in the first domain
        List<Plan> plans = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Map<String, List<String>> controllerNouns = new LinkedHashMap<>();
        for (int i = 0; i < files; i++) {
            String domain = domains.get((int) ((long) i * domainCount / files));
            Kind kind = kinds.get(i);
            Plan plan = new Plan(i, kind, domain);
            if (kind == Kind.SPRING_CONTROLLER || kind == Kind.JAXRS_RESOURCE) {
                plan.noun = NOUNS[planRandom.nextInt(NOUNS.length)];
                controllerNouns.computeIfAbsent(domain, k -> new ArrayList<>()).add(plan.noun);
            }
            plans.add(plan);
        }
        // services, DTOs and entities of a domain prefer the nouns its controllers serve
        Map<String, int[]> reuse = new LinkedHashMap<>();
        for (Plan p : plans) {
            String noun = p.noun;
            List<String> wanted = controllerNouns.getOrDefault(p.domain, List.of());
            if ((p.kind == Kind.SERVICE || p.kind == Kind.DTO || p.kind == Kind.ENTITY || p.kind == Kind.REPOSITORY)
                    && !wanted.isEmpty()) {
                int[] next = reuse.computeIfAbsent(p.domain + "/" + p.kind, k -> new int[1]);
                noun = next[0] < wanted.size() ? wanted.get(next[0]++) : NOUNS[planRandom.nextInt(NOUNS.length)];
            } else if (noun == null) {
                noun = NOUNS[planRandom.nextInt(NOUNS.length)];
            }
            p.noun = noun;
            p.layer = layerOf(p.kind, planRandom);
            p.name = uniqueName(p, planRandom, taken);
        }
        Files.createDirectories(out);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        long bytes = 0;
        int endpoints = 0;
        int permissive = 0;
        int corsIndex = 0;
        int securityIndex = 0;
        for (Plan p : plans) {
            Random r = new Random(seed * 1_000_003L + p.index * 7919L + 17);
            Ctx ctx = new Ctx(p, r);
            String text;
            switch (p.kind) {
                case SPRING_CONTROLLER -> text = springController(ctx);
                case JAXRS_RESOURCE -> text = jaxrsResource(ctx);
                case JAXRS_APPLICATION -> text = jaxrsApplication(ctx);
                case EXCEPTION_ADVICE -> text = exceptionAdvice(ctx);
                case SECURITY_CONFIG -> text = securityConfig(ctx, securityIndex++);
                case CORS_CONFIG -> {
                    boolean allowAll = corsIndex++ % 2 == 0;
                    if (allowAll) {
                        permissive++;
                    }
                    text = corsConfig(ctx, allowAll);
                }
                case ENTITY -> text = entity(ctx);
                case DTO -> text = dto(ctx);
                case REPOSITORY -> text = repository(ctx);
                case SERVICE -> text = service(ctx);
                case ANNOTATION -> text = annotationDeclaration(ctx);
                case DECOY -> text = plain(ctx, true);
                default -> text = plain(ctx, false);
            }
            endpoints += ctx.endpoints;
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            Path file = out.resolve(moduleDir(p.domain)).resolve("src/main/java")
                    .resolve(("com.example." + p.domain + "." + p.layer).replace('.', '/'))
                    .resolve(p.name + ".java");
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            bytes += content.length;
            counts.merge(p.kind, 1, Integer::sum);
        }
        int configFiles = 0;
        for (String domain : domains) {
            Path props = out.resolve(moduleDir(domain)).resolve("src/main/resources/application.properties");
            Files.createDirectories(props.getParent());
            Files.writeString(props, applicationProperties(domain, domains.indexOf(domain)), StandardCharsets.UTF_8);
            configFiles++;
        }
        Summary summary = new Summary(files, bytes, configFiles, counts, endpoints, permissive);
        Files.writeString(out.resolve(MANIFEST), manifest(summary, seed), StandardCharsets.UTF_8);
        return summary;
    }

    /** Reads the manifest of a generated tree, or an empty map when {@code dir} was not generated. */
    public static Map<String, String> readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }

    private static String manifest(Summary s, long seed) {
        StringBuilder sb = new StringBuilder("# written by dev.apisec.bench.TreeGenerator\n");
        sb.append("generator=").append(VERSION).append('\n');
        sb.append("seed=").append(seed).append('\n');
        sb.append("javaFiles=").append(s.javaFiles()).append('\n');
        sb.append("javaBytes=").append(s.javaBytes()).append('\n');
        sb.append("configFiles=").append(s.configFiles()).append('\n');
        sb.append("apiRelatedFiles=").append(s.apiRelatedFiles()).append('\n');
        sb.append("expectedEndpoints=").append(s.expectedEndpoints()).append('\n');
        sb.append("permissiveCors=").append(s.permissiveCors()).append('\n');
        for (Kind k : Kind.values()) {
            sb.append("kind.").append(k.name()).append('=').append(s.count(k)).append('\n');
        }
        return sb.toString();
    }

    private static String moduleDir(String domain) {
        return domain + "-service";
    }

    static List<Kind> planKinds(int files) {
        Map<Kind, Integer> n = new EnumMap<>(Kind.class);
        n.put(Kind.SPRING_CONTROLLER, (int) Math.round(files * 0.018));
        n.put(Kind.JAXRS_RESOURCE, Math.max(1, (int) Math.round(files * 0.002)));
        n.put(Kind.JAXRS_APPLICATION, 1);
        n.put(Kind.EXCEPTION_ADVICE, Math.max(1, files / 1000));
        n.put(Kind.SECURITY_CONFIG, Math.max(1, files / 7500));
        n.put(Kind.CORS_CONFIG, Math.max(2, files / 3000));
        n.put(Kind.ENTITY, (int) Math.round(files * 0.009));
        n.put(Kind.DTO, (int) Math.round(files * 0.009));
        n.put(Kind.REPOSITORY, (int) Math.round(files * 0.008));
        n.put(Kind.SERVICE, (int) Math.round(files * 0.06));
        n.put(Kind.ANNOTATION, Math.max(1, files / 500));
        n.put(Kind.DECOY, (int) Math.round(files * 0.02));
        int used = n.values().stream().mapToInt(Integer::intValue).sum();
        n.put(Kind.PLAIN, files - used);
        List<Kind> out = new ArrayList<>(files);
        n.forEach((k, c) -> out.addAll(Collections.nCopies(c, k)));
        return out;
    }

    private static String layerOf(Kind kind, Random r) {
        return switch (kind) {
            case SPRING_CONTROLLER -> "web";
            case JAXRS_RESOURCE -> "api";
            case JAXRS_APPLICATION, SECURITY_CONFIG, CORS_CONFIG -> "config";
            case EXCEPTION_ADVICE -> "web.errors";
            case ENTITY -> "domain";
            case DTO -> "dto";
            case REPOSITORY -> "repo";
            case SERVICE -> "service";
            case ANNOTATION -> "annotations";
            case DECOY -> pick(r, new String[]{"support", "client", "internal", "routing", "io"});
            default -> pick(r, LAYERS);
        };
    }

    private static String uniqueName(Plan p, Random r, Set<String> taken) {
        List<String> candidates = new ArrayList<>();
        switch (p.kind) {
            case SPRING_CONTROLLER -> candidates.add(p.noun + "Controller");
            case JAXRS_RESOURCE -> candidates.add(p.noun + "Resource");
            case JAXRS_APPLICATION -> candidates.add("RestApplication");
            case EXCEPTION_ADVICE -> candidates.add("ApiExceptionHandler");
            case SECURITY_CONFIG -> candidates.add("SecurityConfig");
            case CORS_CONFIG -> candidates.add("WebCorsConfig");
            case ENTITY -> candidates.add(p.noun);
            case DTO -> candidates.add(p.noun + "Dto");
            case REPOSITORY -> candidates.add(p.noun + "Repository");
            case SERVICE -> candidates.add(p.noun + "Service");
            case ANNOTATION -> candidates.add(p.noun + pick(r, new String[]{"Audited", "Tracked", "Cached",
                    "Idempotent", "Experimental"}));
            case DECOY -> {
                candidates.add(p.noun + pick(r, new String[]{"FlowController", "PathResolver", "RetryController",
                        "RequestPathRouter", "PathIndex", "RateController"}));
                candidates.add(pick(r, PREFIXES) + p.noun + "PathHelper");
            }
            default -> {
                candidates.add(p.noun + pick(r, SUFFIXES));
                candidates.add(pick(r, PREFIXES) + p.noun + pick(r, SUFFIXES));
                candidates.add(pick(r, PREFIXES) + p.noun + pick(r, SUFFIXES));
            }
        }
        String pkg = p.domain + "." + p.layer + ".";
        for (String c : candidates) {
            if (taken.add(pkg + c)) {
                return c;
            }
        }
        for (int n = 2; ; n++) {
            String c = candidates.get(0) + n;
            if (taken.add(pkg + c)) {
                return c;
            }
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static final class Plan {
        final int index;
        final Kind kind;
        final String domain;
        String noun;
        String layer;
        String name;

        Plan(int index, Kind kind, String domain) {
            this.index = index;
            this.kind = kind;
            this.domain = domain;
        }
    }

    /** Per-file generation state: randomness, imports, names in use, required members. */
    private static final class Ctx {
        final Plan plan;
        final Random r;
        final TreeSet<String> imports = new TreeSet<>();
        final Set<String> methodNames = new HashSet<>();
        final Map<String, String> fields = new LinkedHashMap<>();
        int endpoints;

        Ctx(Plan plan, Random r) {
            this.plan = plan;
            this.r = r;
        }

        String pkg() {
            return "com.example." + plan.domain + "." + plan.layer;
        }

        String base(String layer) {
            return "com.example." + plan.domain + "." + layer;
        }

        String noun() {
            return plan.noun;
        }

        String lowerNoun() {
            return Character.toLowerCase(plan.noun.charAt(0)) + plan.noun.substring(1);
        }

        String plural() {
            String n = plan.noun.toLowerCase(Locale.ROOT);
            if (n.endsWith("y") && !n.endsWith("ey")) {
                return n.substring(0, n.length() - 1) + "ies";
            }
            return n.endsWith("s") || n.endsWith("x") || n.endsWith("ch") ? n + "es" : n + "s";
        }

        String anyNoun() {
            return pick(r, NOUNS);
        }

        void imp(String... names) {
            Collections.addAll(imports, names);
        }

        /** A method name not used yet in this file. */
        String method(String wanted) {
            String name = wanted;
            for (int n = 2; !methodNames.add(name); n++) {
                name = wanted + n;
            }
            return name;
        }

        void field(String name, String declaration) {
            fields.putIfAbsent(name, declaration);
        }

        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        boolean chance(double p) {
            return r.nextDouble() < p;
        }

        String sentence() {
            return String.format(Locale.ROOT, pick(r, SENTENCES), plan.noun.toLowerCase(Locale.ROOT));
        }
    }

    /** An indentation-aware line writer. */
    private static final class Src {
        final StringBuilder sb = new StringBuilder(8192);
        int indent;
        int lines;

        Src line(String s) {
            if (!s.isEmpty()) {
                sb.append("    ".repeat(indent)).append(s);
            }
            sb.append('\n');
            lines++;
            return this;
        }

        Src open(String s) {
            line(s + " {");
            indent++;
            return this;
        }

        Src close() {
            return close("");
        }

        Src close(String suffix) {
            indent--;
            return line("}" + suffix);
        }

        Src blank() {
            return line("");
        }
    }

    private static String assemble(Ctx ctx, Src body) {
        StringBuilder sb = new StringBuilder(body.sb.length() + 1024);
        sb.append("package ").append(ctx.pkg()).append(";\n\n");
        List<String> project = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<String> jdk = new ArrayList<>();
        for (String i : ctx.imports) {
            if (i.startsWith("com.example.")) {
                project.add(i);
            } else if (i.startsWith("java.") || i.startsWith("javax.")) {
                jdk.add(i);
            } else {
                other.add(i);
            }
        }
        for (List<String> group : List.of(project, other, jdk)) {
            if (group.isEmpty()) {
                continue;
            }
            for (String i : group) {
                sb.append(i.startsWith("static ") ? "import " + i : "import " + i).append(";\n");
            }
            sb.append('\n');
        }
        sb.append(body.sb);
        return sb.toString();
    }

    private static void javadoc(Src s, String... lines) {
        s.line("/**");
        for (String l : lines) {
            s.line(l.isEmpty() ? " *" : " * " + l);
        }
        s.line(" */");
    }

    // ------------------------------------------------------------------------------------------------------------
    // ordinary code

    private static String plain(Ctx ctx, boolean decoy) {
        Random r = ctx.r;
        double shape = r.nextDouble();
        int kindRoll = r.nextInt(100);
        String header;
        String name = ctx.plan.name;
        boolean isInterface = !decoy && kindRoll < 7;
        boolean isEnum = !decoy && kindRoll >= 7 && kindRoll < 12;
        boolean isRecord = !decoy && kindRoll >= 12 && kindRoll < 17;
        boolean generic = !isInterface && !isEnum && !isRecord && kindRoll >= 17 && kindRoll < 27;
        int targetLines = 50 + (int) (350 * Math.pow(shape, 1.5));
        Src body = new Src();
        List<String> doc = new ArrayList<>();
        doc.add(ctx.sentence());
        if (decoy) {
            doc.add("");
            doc.add(pick(r, new String[]{
                    "Not an HTTP controller: it coordinates retries for the " + ctx.plural() + " pipeline.",
                    "Despite the name this is not a {@code @RestController}; nothing here is exposed over HTTP.",
                    "Resolves file-system paths (a {@link Path}), not URL paths like a JAX-RS {@code @Path}.",
                    "The Controller suffix is historical (PID-style rate control), see ADR-17."}));
        }
        if (r.nextBoolean()) {
            doc.add(ctx.sentence());
        }
        if (r.nextInt(20) == 0) {
            doc.add("");
            doc.add("<p>Zählt die Einträge pro Mandant – « café » naïve façade, no ASCII guarantee.");
        }
        javadoc(body, doc.toArray(String[]::new));
        if (r.nextInt(6) == 0) {
            body.line("@SuppressWarnings(\"unchecked\")");
        }
        if (isInterface) {
            header = "public interface " + name + (r.nextBoolean() ? "<T>" : "");
        } else if (isEnum) {
            header = "public enum " + name;
        } else if (isRecord) {
            header = "public record " + name + "(String id, int version, List<String> " + ctx.lowerNoun() + "Keys)";
            ctx.imp("java.util.List");
        } else {
            String mods = r.nextInt(8) == 0 ? "public abstract class " : r.nextInt(3) == 0 ? "final class "
                    : "public class ";
            header = mods + name + (generic ? "<K extends Comparable<K>, V>" : "");
            if (r.nextInt(5) == 0) {
                header += " implements " + pick(r, new String[]{"Serializable", "AutoCloseable", "Runnable"});
                if (header.endsWith("Serializable")) {
                    ctx.imp("java.io.Serializable");
                }
            }
        }
        body.open(header);
        Src head = new Src();
        head.indent = 1;
        Src members = new Src();
        members.indent = 1;
        if (isEnum) {
            Src saved = members;
            members = head;
            int constants = ctx.between(3, 8);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < constants; i++) {
                names.add(pick(r, new String[]{"ACTIVE", "PENDING", "CLOSED", "DRAFT", "ARCHIVED", "FAILED",
                        "RETRYING", "EXPIRED", "BLOCKED", "SETTLED", "OPEN", "SUSPENDED"}) + (i > 5 ? i : ""));
            }
            List<String> unique = new ArrayList<>(new java.util.LinkedHashSet<>(names));
            for (int i = 0; i < unique.size(); i++) {
                members.line(unique.get(i) + "(\"" + unique.get(i).toLowerCase(Locale.ROOT) + "\", " + (i * 10)
                        + ")" + (i == unique.size() - 1 ? ";" : ","));
            }
            members.blank();
            members.line("private final String code;");
            members.line("private final int weight;");
            members.blank();
            members.open(name + "(String code, int weight)");
            members.line("this.code = code;");
            members.line("this.weight = weight;");
            members.close();
            members.blank();
            members.open("public String code()");
            members.line("return code;");
            members.close();
            members.blank();
            members.open("public static " + name + " fromCode(String code)");
            members.open("for (" + name + " value : values())");
            members.open("if (value.code.equalsIgnoreCase(code))");
            members.line("return value;");
            members.close();
            members.close();
            members.line("throw new IllegalArgumentException(\"unknown " + ctx.lowerNoun() + " code: \" + code);");
            members.close();
            members.blank();
            members = saved;
        } else if (isInterface) {
            int abstracts = ctx.between(3, 9);
            for (int i = 0; i < abstracts; i++) {
                String m = ctx.method(pick(r, VERBS) + ctx.anyNoun());
                if (r.nextBoolean()) {
                    javadoc(members, ctx.sentence(), "", "@param key the lookup key", "@return never null");
                }
                members.line(pick(r, new String[]{"List<String> ", "Optional<Long> ", "void ", "int ",
                        "Map<String, Integer> ", "boolean "}) + m + "(String key" + (r.nextBoolean()
                        ? ", int limit" : "") + ");");
                members.blank();
                ctx.imp("java.util.List", "java.util.Optional", "java.util.Map");
            }
        } else if (isRecord) {
            members = head;
            members.open("public " + name);
            members.line("Objects.requireNonNull(id, \"id\");");
            members.open("if (version < 0)");
            members.line("throw new IllegalArgumentException(\"negative version: \" + version);");
            members.close();
            members.line(ctx.lowerNoun() + "Keys = List.copyOf(" + ctx.lowerNoun() + "Keys);");
            members.close();
            members.blank();
            ctx.imp("java.util.Objects");
            members = new Src();
            members.indent = 1;
        }
        if (!isInterface) {
            constants(ctx);
        }
        if (decoy) {
            decoyMembers(ctx, members);
        }
        List<Template> templates = TEMPLATES;
        int guard = 0;
        while (head.lines + members.lines + 20 < targetLines && guard++ < 60) {
            Template t = templates.get(r.nextInt(templates.size()));
            if (isInterface) {
                Src m = new Src();
                m.indent = 1;
                t.write(ctx, m, true);
                if (m.lines == 0) {
                    continue;
                }
                // interfaces hold default or static methods only: rewrite the signature line
                members.line("// shared by every " + ctx.lowerNoun() + " implementation");
                for (String l : m.sb.toString().split("\n", -1)) {
                    boolean signature = l.startsWith("    ") && !l.startsWith("     ") && l.endsWith("{")
                            && !l.startsWith("    @") && !l.startsWith("    /") && !l.startsWith("    }");
                    if (signature) {
                        String sig = l.substring(4).replaceFirst("^(public |private |protected )", "");
                        l = "    " + (sig.startsWith("static ") ? sig : "default " + sig);
                    }
                    members.sb.append(l).append('\n');
                    members.lines++;
                }
                continue;
            }
            t.write(ctx, members, false);
        }
        if (!isInterface && !isEnum && r.nextInt(3) == 0) {
            nestedType(ctx, members);
        }
        if (!isInterface && !isEnum && !isRecord && r.nextBoolean()) {
            members.open("@Override public String toString()");
            members.line("return \"" + name + "{\" + " + (ctx.fields.isEmpty() ? "\"\"" : "\"fields="
                    + ctx.fields.size() + "\"") + " + '}';");
            members.close();
        }
        // fields first, then members
        Src fields = new Src();
        fields.indent = 1;
        if (!isInterface) {
            for (String decl : ctx.fields.values()) {
                if (isRecord && !decl.contains("static")) {
                    continue;
                }
                fields.line(decl);
            }
            if (!ctx.fields.isEmpty()) {
                fields.blank();
            }
        }
        body.sb.append(head.sb).append(fields.sb).append(members.sb);
        trimTrailingBlank(body.sb);
        body.indent = 1;
        body.close();
        return assemble(ctx, body);
    }

    private static void trimTrailingBlank(StringBuilder sb) {
        while (sb.length() >= 2 && sb.charAt(sb.length() - 1) == '\n' && sb.charAt(sb.length() - 2) == '\n') {
            sb.setLength(sb.length() - 1);
        }
    }

    private static void constants(Ctx ctx) {
        Random r = ctx.r;
        ctx.field("MAX_LENGTH", "private static final int MAX_LENGTH = " + (64 << r.nextInt(4)) + ";");
        ctx.field("DEFAULT_LIMIT", "private static final int DEFAULT_LIMIT = " + ctx.between(10, 500) + ";");
        ctx.field("PREFIX", "private static final String PREFIX = \"" + ctx.plan.domain + ":"
                + ctx.lowerNoun() + ":\";");
        ctx.field("DEFAULT_KEY", "private static final String DEFAULT_KEY = \"" + pick(r, new String[]{"default",
                "fallback", "*", "none", "global"}) + "\";");
    }

    private static void decoyMembers(Ctx ctx, Src m) {
        Random r = ctx.r;
        ctx.imp("java.nio.file.Path", "java.nio.file.Files", "java.io.IOException", "java.io.UncheckedIOException",
                "java.util.List", "java.util.ArrayList");
        ctx.field("ENDPOINT_HINT", "private static final String ENDPOINT_HINT = \"GET /api/v1/" + ctx.plural()
                + "/{id} is served by the " + ctx.noun() + "Controller in the web module\";");
        ctx.field("ROOT", "private final Path root;");
        m.open("public " + ctx.plan.name + "(Path root)");
        m.line("this.root = root.toAbsolutePath().normalize();");
        m.close();
        m.blank();
        javadoc(m, "Where the export of one " + ctx.lowerNoun() + " goes. The Path is relative to the export",
                "root, the way {@code @Path(\"/" + ctx.plural() + "\")} is relative to the application path.");
        m.open("Path " + ctx.method("exportPath") + "(String name)");
        m.line("// not a @GetMapping handler: nothing in this class is reachable over HTTP");
        m.line("Path target = root.resolve(\"exports\").resolve(name + \".csv\").normalize();");
        m.open("if (!target.startsWith(root))");
        m.line("throw new IllegalArgumentException(\"path escapes the export root: \" + target);");
        m.close();
        m.line("return target;");
        m.close();
        m.blank();
        m.open("List<Path> " + ctx.method("listExports") + "(String controllerName)");
        m.line("List<Path> out = new ArrayList<>();");
        m.open("try (var stream = Files.list(root.resolve(\"exports\")))");
        m.line("stream.filter(p -> p.getFileName().toString().startsWith(controllerName))");
        m.line("        .sorted()");
        m.line("        .forEach(out::add);");
        m.close(" catch (IOException e) {");
        m.indent++;
        m.line("throw new UncheckedIOException(\"cannot list exports for \" + ENDPOINT_HINT, e);");
        m.close();
        m.line("return out;");
        m.close();
        m.blank();
        if (r.nextBoolean()) {
            m.line("/* Former @RequestMapping(\"/" + ctx.plural() + "\") handler, moved to " + ctx.noun()
                    + "Controller; see @PostMapping there. */");
            m.open("String " + ctx.method("describeRoute") + "(String method, String path)");
            m.line("return switch (method) {");
            m.indent++;
            m.line("case \"GET\", \"HEAD\" -> \"read \" + path;");
            m.line("case \"POST\", \"PUT\", \"PATCH\" -> \"write \" + path;");
            m.line("case \"DELETE\" -> \"delete \" + path;");
            m.line("default -> \"unsupported HTTP method \" + method + \" for @Path \" + path;");
            m.indent--;
            m.line("};");
            m.close();
            m.blank();
        }
    }

    private static void nestedType(Ctx ctx, Src m) {
        Random r = ctx.r;
        switch (r.nextInt(3)) {
            case 0 -> {
                m.line("/** Processing modes. */");
                m.open("enum Mode");
                m.line("FAST, SAFE, BALANCED;");
                m.blank();
                m.open("boolean isStrict()");
                m.line("return this != FAST;");
                m.close();
                m.close();
            }
            case 1 -> {
                m.line("/** Composite lookup key. */");
                m.open("record Key(String scope, int version) implements Comparable<Key>");
                m.open("@Override public int compareTo(Key other)");
                m.line("int c = scope.compareTo(other.scope);");
                m.line("return c != 0 ? c : Integer.compare(version, other.version);");
                m.close();
                m.close();
            }
            default -> {
                m.line("/** Running statistics, not thread-safe. */");
                m.open("static final class Stats");
                m.line("private long count;");
                m.line("private double sum;");
                m.line("private double max = Double.NEGATIVE_INFINITY;");
                m.blank();
                m.open("void add(double value)");
                m.line("count++;");
                m.line("sum += value;");
                m.line("max = Math.max(max, value);");
                m.close();
                m.blank();
                m.open("double mean()");
                m.line("return count == 0 ? 0.0 : sum / count;");
                m.close();
                m.close();
            }
        }
        m.blank();
    }

    @FunctionalInterface
    private interface Template {
        /** Writes one method (with a trailing blank line); {@code forInterface} asks for no instance state. */
        void write(Ctx ctx, Src m, boolean forInterface);
    }

    private static void maybeDoc(Ctx ctx, Src m, String... extra) {
        if (ctx.r.nextInt(100) < 55) {
            List<String> lines = new ArrayList<>();
            lines.add(ctx.sentence());
            if (extra.length > 0) {
                lines.add("");
                Collections.addAll(lines, extra);
            }
            javadoc(m, lines.toArray(String[]::new));
        }
    }

    private static final List<Template> TEMPLATES = List.of(
            // counting with a loop and merge
            (ctx, m, itf) -> {
                ctx.imp("java.util.Map", "java.util.HashMap", "java.util.List", "java.util.Locale");
                maybeDoc(ctx, m, "@param values raw values, may contain nulls", "@return counts per key");
                m.open("public Map<String, Long> " + ctx.method("countBy" + ctx.anyNoun()) + "(List<String> values)");
                m.line("Map<String, Long> counts = new HashMap<>();");
                m.open("for (String value : values)");
                m.open("if (value == null || value.isBlank())");
                m.line("continue;");
                m.close();
                m.line("String key = value.trim().toLowerCase(Locale.ROOT);");
                m.line("counts.merge(key, 1L, Long::sum);");
                m.close();
                m.line("return counts;");
                m.close();
                m.blank();
            },
            // stream pipeline
            (ctx, m, itf) -> {
                ctx.imp("java.util.List", "java.util.Collection", "java.util.Objects", "java.util.Comparator",
                        "java.util.stream.Collectors");
                maybeDoc(ctx, m);
                m.open("List<String> " + ctx.method(pick(ctx.r, VERBS) + ctx.anyNoun() + "Names")
                        + "(Collection<String> input, int limit)");
                m.line("return input.stream()");
                m.line("        .filter(Objects::nonNull)");
                m.line("        .map(String::trim)");
                m.line("        .filter(s -> !s.isEmpty() && s.length() < " + (itf ? "256" : "MAX_LENGTH") + ")");
                m.line("        .sorted(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()))");
                m.line("        .limit(limit)");
                m.line("        .collect(Collectors.toList());");
                m.close();
                m.blank();
            },
            // old-style switch
            (ctx, m, itf) -> {
                Random r = ctx.r;
                maybeDoc(ctx, m, "@param status the state as stored", "@return a weight, 0 when unknown");
                m.open("int " + ctx.method(pick(r, VERBS) + "Priority") + "(String status)");
                m.line("int priority;");
                m.open("switch (status)");
                String[] states = {"NEW", "ACTIVE", "PENDING", "ON_HOLD", "ESCALATED", "CLOSED", "REOPENED"};
                int cases = ctx.between(2, 5);
                for (int i = 0; i < cases; i++) {
                    m.line("case \"" + states[i] + "\":");
                    if (i % 2 == 1 && i + 1 < cases) {
                        continue;
                    }
                    m.indent++;
                    m.line("priority = " + (i + 1) * ctx.between(1, 4) + ";");
                    m.line("break;");
                    m.indent--;
                }
                m.line("default:");
                m.indent++;
                m.line("priority = 0;");
                m.indent--;
                m.close();
                m.line("return priority * " + (itf ? "2" : "DEFAULT_LIMIT") + ";");
                m.close();
                m.blank();
            },
            // switch expression with yield
            (ctx, m, itf) -> {
                ctx.imp("java.util.Locale");
                maybeDoc(ctx, m);
                m.open("String " + ctx.method("describe" + ctx.anyNoun()) + "(int code)");
                m.line("return switch (code) {");
                m.indent++;
                m.line("case 0 -> \"none\";");
                m.line("case 1, 2 -> \"low\";");
                m.open("case 3 ->");
                m.line("String s = \"medium-\" + code;");
                m.line("yield s.toUpperCase(Locale.ROOT);");
                m.close();
                m.line("case " + ctx.between(4, 9) + " -> \"high\";");
                m.line("default -> \"code \" + code;");
                m.indent--;
                m.line("};");
                m.close();
                m.blank();
            },
            // try-with-resources and exceptions
            (ctx, m, itf) -> {
                ctx.imp("java.io.Reader", "java.io.IOException", "java.io.UncheckedIOException");
                maybeDoc(ctx, m, "@throws UncheckedIOException when the reader fails");
                String noun = ctx.anyNoun().toLowerCase(Locale.ROOT);
                m.open("String " + ctx.method("read" + ctx.anyNoun()) + "(Reader reader)");
                m.line("StringBuilder out = new StringBuilder();");
                m.line("char[] buffer = new char[" + (512 << ctx.r.nextInt(4)) + "];");
                m.open("try (reader)");
                m.line("int n;");
                m.open("while ((n = reader.read(buffer)) != -1)");
                m.line("out.append(buffer, 0, n);");
                m.open("if (out.length() > " + (itf ? "1 << 20" : "MAX_LENGTH * 1024") + ")");
                m.line("throw new IllegalStateException(\"" + noun + " input too large: \" + out.length());");
                m.close();
                m.close();
                m.close(" catch (IOException e) {");
                m.indent++;
                m.line("throw new UncheckedIOException(\"cannot read " + noun + "\", e);");
                m.close();
                m.line("return out.toString();");
                m.close();
                m.blank();
            },
            // BigDecimal arithmetic with if/else chains
            (ctx, m, itf) -> {
                ctx.imp("java.math.BigDecimal", "java.math.RoundingMode", "java.util.List");
                maybeDoc(ctx, m, "@param amounts amounts in major units", "@param rate the rate to apply");
                m.open("BigDecimal " + ctx.method("total" + ctx.anyNoun()) + "(List<BigDecimal> amounts, BigDecimal rate)");
                m.line("BigDecimal sum = BigDecimal.ZERO;");
                m.open("for (int i = 0; i < amounts.size(); i++)");
                m.line("BigDecimal amount = amounts.get(i);");
                m.open("if (amount == null)");
                m.line("continue;");
                m.close(" else if (amount.signum() < 0) {");
                m.indent++;
                m.line("sum = sum.subtract(amount.abs());");
                m.close(" else if (i % " + ctx.between(2, 5) + " == 0) {");
                m.indent++;
                m.line("sum = sum.add(amount.multiply(rate));");
                m.close(" else {");
                m.indent++;
                m.line("sum = sum.add(amount);");
                m.close();
                m.close();
                m.line("return sum.setScale(" + ctx.between(2, 4) + ", RoundingMode.HALF_UP);");
                m.close();
                m.blank();
            },
            // Optional chain
            (ctx, m, itf) -> {
                ctx.imp("java.util.Optional", "java.util.Map");
                maybeDoc(ctx, m);
                m.open("Optional<String> " + ctx.method("find" + ctx.anyNoun()) + "(Map<String, String> index, String key)");
                m.line("return Optional.ofNullable(key)");
                m.line("        .map(String::strip)");
                m.line("        .filter(k -> !k.isEmpty())");
                m.line("        .map(index::get)");
                m.line("        .or(() -> Optional.ofNullable(index.get(" + (itf ? "\"default\"" : "DEFAULT_KEY")
                        + ")));");
                m.close();
                m.blank();
            },
            // grouping collectors, generics
            (ctx, m, itf) -> {
                ctx.imp("java.util.Map", "java.util.TreeMap", "java.util.List", "java.util.stream.Collectors",
                        "java.util.function.Function");
                maybeDoc(ctx, m, "@return names grouped by length, sorted");
                m.open("Map<Integer, List<String>> " + ctx.method("group" + ctx.anyNoun() + "ByLength")
                        + "(List<String> names)");
                m.line("return names.stream()");
                m.line("        .map(Function.<String>identity().andThen(String::strip))");
                m.line("        .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));");
                m.close();
                m.blank();
            },
            // concurrency with a field and a logger
            (ctx, m, itf) -> {
                if (itf) {
                    return;
                }
                ctx.imp("java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentMap",
                        "java.util.concurrent.atomic.AtomicLong", "java.util.logging.Logger");
                ctx.field("LOG", "private static final Logger LOG = Logger.getLogger(" + ctx.plan.name
                        + ".class.getName());");
                ctx.field("sequences", "private final ConcurrentMap<String, AtomicLong> sequences = "
                        + "new ConcurrentHashMap<>();");
                maybeDoc(ctx, m, "@param scope the sequence scope, e.g. a tenant id");
                m.open("long " + ctx.method("next" + ctx.anyNoun() + "Sequence") + "(String scope)");
                m.line("AtomicLong counter = sequences.computeIfAbsent(scope, s -> new AtomicLong());");
                m.line("long value = counter.incrementAndGet();");
                m.open("if (value % DEFAULT_LIMIT == 0)");
                m.line("LOG.fine(() -> \"sequence \" + scope + \" reached \" + value);");
                m.close();
                m.line("return value;");
                m.close();
                m.blank();
            },
            // pattern matching instanceof
            (ctx, m, itf) -> {
                ctx.imp("java.util.Collection", "java.util.Locale", "java.util.stream.Collectors");
                maybeDoc(ctx, m);
                String name = ctx.method("format" + ctx.anyNoun() + "Value");
                m.open("static String " + name + "(Object value)");
                m.open("if (value instanceof String s)");
                m.line("return '\"' + s + '\"';");
                m.close(" else if (value instanceof Number n && n.doubleValue() > 0) {");
                m.indent++;
                m.line("return String.format(Locale.ROOT, \"%.2f\", n.doubleValue());");
                m.close(" else if (value instanceof Collection<?> c) {");
                m.indent++;
                m.line("return c.stream().map(v -> " + name + "(v)).collect(Collectors.joining(\", \", \"[\", \"]\"));");
                m.close();
                m.line("return String.valueOf(value);");
                m.close();
                m.blank();
            },
            // generic static method
            (ctx, m, itf) -> {
                ctx.imp("java.util.List");
                maybeDoc(ctx, m, "@param values candidates", "@param fallback returned for an empty list",
                        "@param <T> the element type");
                m.open("static <T extends Comparable<? super T>> T " + ctx.method("max" + ctx.anyNoun())
                        + "(List<? extends T> values, T fallback)");
                m.line("T best = fallback;");
                m.open("for (T v : values)");
                m.open("if (best == null || v.compareTo(best) > 0)");
                m.line("best = v;");
                m.close();
                m.close();
                m.line("return best;");
                m.close();
                m.blank();
            },
            // anonymous class
            (ctx, m, itf) -> {
                ctx.imp("java.util.List", "java.util.logging.Logger");
                maybeDoc(ctx, m);
                m.open("Runnable " + ctx.method(pick(ctx.r, VERBS) + ctx.anyNoun() + "Task") + "(List<String> queue)");
                m.open("return new Runnable()");
                m.line("private int attempts;");
                m.blank();
                m.line("@Override");
                m.open("public void run()");
                m.open("while (!queue.isEmpty() && attempts++ < " + ctx.between(3, 50) + ")");
                m.line("String head = queue.remove(0);");
                m.line("Logger.getAnonymousLogger().finer(\"processing \" + head);");
                m.close();
                m.close();
                m.close(";");
                m.close();
                m.blank();
            },
            // text block
            (ctx, m, itf) -> {
                maybeDoc(ctx, m);
                String noun = ctx.anyNoun().toLowerCase(Locale.ROOT);
                m.open("String " + ctx.method(noun + "Template") + "(String name, int count)");
                m.line("String template = \"\"\"");
                m.line("        Dear %s,");
                m.line("        you have %d pending " + noun + " items.");
                m.line("        Regards");
                m.line("        \"\"\";");
                m.line("return template.formatted(name, count);");
                m.close();
                m.blank();
            },
            // binary search
            (ctx, m, itf) -> {
                maybeDoc(ctx, m, "@return the index, or {@code -(insertion point + 1)}");
                m.open("static int " + ctx.method("indexOf" + ctx.anyNoun()) + "(int[] sorted, int key)");
                m.line("int low = 0;");
                m.line("int high = sorted.length - 1;");
                m.open("while (low <= high)");
                m.line("int mid = (low + high) >>> 1;");
                m.line("int value = sorted[mid];");
                m.open("if (value < key)");
                m.line("low = mid + 1;");
                m.close(" else if (value > key) {");
                m.indent++;
                m.line("high = mid - 1;");
                m.close(" else {");
                m.indent++;
                m.line("return mid;");
                m.close();
                m.close();
                m.line("return -(low + 1);");
                m.close();
                m.blank();
            },
            // dates and do-while
            (ctx, m, itf) -> {
                ctx.imp("java.time.LocalDate", "java.time.DayOfWeek", "java.util.List", "java.util.ArrayList",
                        "java.util.Set");
                maybeDoc(ctx, m, "@param start first candidate day", "@param days how many days to return");
                m.open("List<LocalDate> " + ctx.method(ctx.anyNoun().toLowerCase(Locale.ROOT) + "Dates")
                        + "(LocalDate start, int days, Set<DayOfWeek> skip)");
                m.line("List<LocalDate> out = new ArrayList<>();");
                m.line("LocalDate day = start;");
                m.open("do");
                m.open("if (!skip.contains(day.getDayOfWeek()))");
                m.line("out.add(day);");
                m.close();
                m.line("day = day.plusDays(1);");
                m.close(" while (out.size() < days);");
                m.line("return out;");
                m.close();
                m.blank();
            },
            // nested loops with a label
            (ctx, m, itf) -> {
                maybeDoc(ctx, m);
                m.open("double[][] " + ctx.method("normalize" + ctx.anyNoun() + "Matrix") + "(double[][] m)");
                m.line("double[][] out = new double[m.length][];");
                m.line("outer:");
                m.open("for (int r = 0; r < m.length; r++)");
                m.line("double sum = 0;");
                m.open("for (double v : m[r])");
                m.open("if (Double.isNaN(v))");
                m.line("out[r] = new double[m[r].length];");
                m.line("continue outer;");
                m.close();
                m.line("sum += Math.abs(v);");
                m.close();
                m.line("out[r] = new double[m[r].length];");
                m.open("for (int c = 0; c < m[r].length; c++)");
                m.line("out[r][c] = sum == 0 ? 0 : m[r][c] / sum;");
                m.close();
                m.close();
                m.line("return out;");
                m.close();
                m.blank();
            },
            // validation with string literals and a regex
            (ctx, m, itf) -> {
                ctx.imp("java.util.Objects");
                String noun = ctx.anyNoun().toLowerCase(Locale.ROOT);
                maybeDoc(ctx, m, "@throws IllegalArgumentException when the " + noun + " is malformed");
                m.open("void " + ctx.method("check" + ctx.anyNoun()) + "(String id, int quantity)");
                m.line("Objects.requireNonNull(id, \"" + noun + " id must not be null\");");
                m.open("if (quantity <= 0 || quantity > " + (itf ? "1000" : "MAX_LENGTH") + ")");
                m.line("throw new IllegalArgumentException(\"invalid " + noun + " quantity \" + quantity + \" for \" + id);");
                m.close();
                m.open("if (!id.matches(\"[A-Z]{2}-\\\\d{4,8}\"))");
                m.line("throw new IllegalArgumentException(\"malformed " + noun + " id: \" + id);");
                m.close();
                m.close();
                m.blank();
            },
            // function composition
            (ctx, m, itf) -> {
                ctx.imp("java.util.function.Function", "java.util.Locale");
                maybeDoc(ctx, m);
                m.open("Function<String, String> " + ctx.method(ctx.anyNoun().toLowerCase(Locale.ROOT) + "Pipeline")
                        + "(boolean upper)");
                m.line("Function<String, String> f = String::strip;");
                m.line("f = f.andThen(s -> s.replace('_', '-'));");
                m.open("if (upper)");
                m.line("f = f.andThen(s -> s.toUpperCase(Locale.ROOT));");
                m.close();
                m.line("return f.andThen(s -> " + (itf ? "\"x:\"" : "PREFIX") + " + s);");
                m.close();
                m.blank();
            },
            // map iteration with var
            (ctx, m, itf) -> {
                ctx.imp("java.util.Map", "java.util.TreeMap");
                maybeDoc(ctx, m, "@return {@code key=value} pairs separated by semicolons");
                m.open("String " + ctx.method(pick(ctx.r, VERBS) + ctx.anyNoun() + "Summary")
                        + "(Map<String, Integer> totals)");
                m.line("StringBuilder sb = new StringBuilder();");
                m.open("for (Map.Entry<String, Integer> e : new TreeMap<>(totals).entrySet())");
                m.line("var value = e.getValue();");
                m.open("if (value == null)");
                m.line("continue;");
                m.close();
                m.line("sb.append(e.getKey()).append('=').append(value).append(';');");
                m.close();
                m.open("if (sb.length() > 0)");
                m.line("sb.setLength(sb.length() - 1);");
                m.close();
                m.line("return sb.toString();");
                m.close();
                m.blank();
            },
            // mutable state with getters and setters
            (ctx, m, itf) -> {
                if (itf) {
                    return;
                }
                String prop = ctx.anyNoun();
                String field = Character.toLowerCase(prop.charAt(0)) + prop.substring(1) + "Count";
                if (ctx.fields.containsKey(field)) {
                    return;
                }
                ctx.field(field, "private int " + field + ";");
                String cap = prop + "Count";
                m.open("public int " + ctx.method("get" + cap) + "()");
                m.line("return " + field + ";");
                m.close();
                m.blank();
                m.open("public void " + ctx.method("set" + cap) + "(int " + field + ")");
                m.open("if (" + field + " < 0)");
                m.line("throw new IllegalArgumentException(\"" + field + " < 0: \" + " + field + ");");
                m.close();
                m.line("this." + field + " = " + field + ";");
                m.close();
                m.blank();
            });

    // ------------------------------------------------------------------------------------------------------------
    // web, security and persistence code

    private static String springController(Ctx ctx) {
        Random r = ctx.r;
        String n = ctx.noun();
        String dto = n + "Dto";
        String service = n + "Service";
        String base = "/api/" + ctx.plan.domain + "/" + ctx.plural();
        ctx.imp(ctx.base("dto") + "." + dto, ctx.base("service") + "." + service, "java.util.List",
                "org.springframework.http.ResponseEntity", "org.springframework.web.bind.annotation.GetMapping",
                "org.springframework.web.bind.annotation.PathVariable",
                "org.springframework.web.bind.annotation.RequestMapping",
                "org.springframework.web.bind.annotation.RequestParam",
                "org.springframework.web.bind.annotation.RestController");
        Src s = new Src();
        javadoc(s, "REST API for " + ctx.plural() + " of the " + ctx.plan.domain + " domain.", "",
                ctx.sentence());
        s.line("@RestController");
        s.line("@RequestMapping(\"" + base + "\")");
        s.open("public class " + ctx.plan.name);
        s.blank();
        s.line("private static final int MAX_PAGE_SIZE = " + ctx.between(50, 500) + ";");
        s.blank();
        s.line("private final " + service + " service;");
        s.blank();
        s.open("public " + ctx.plan.name + "(" + service + " service)");
        s.line("this.service = service;");
        s.close();
        s.blank();
        s.line("@GetMapping");
        s.line("public List<" + dto + "> list(@RequestParam(defaultValue = \"0\") int page,");
        s.line("        @RequestParam(defaultValue = \"20\") int size) {");
        s.indent++;
        s.open("if (size > MAX_PAGE_SIZE)");
        s.line("size = MAX_PAGE_SIZE;");
        s.close();
        s.line("return service.findAll(page, size);");
        s.close();
        s.blank();
        ctx.endpoints++;
        s.line("@GetMapping(\"/{id}\")");
        s.open("public ResponseEntity<" + dto + "> get(@PathVariable Long id)");
        s.line("return service.findById(id)");
        s.line("        .map(ResponseEntity::ok)");
        s.line("        .orElseGet(() -> ResponseEntity.notFound().build());");
        s.close();
        s.blank();
        ctx.endpoints++;
        List<Integer> extras = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        Collections.shuffle(extras, r);
        int count = ctx.between(1, 6);
        for (int e : extras.subList(0, count)) {
            ctx.endpoints++;
            switch (e) {
                case 0 -> {
                    ctx.imp("org.springframework.web.bind.annotation.PostMapping",
                            "org.springframework.web.bind.annotation.RequestBody", "jakarta.validation.Valid",
                            "java.net.URI");
                    s.line("@PostMapping");
                    s.open("public ResponseEntity<" + dto + "> create(@Valid @RequestBody " + dto + " body)");
                    s.line(dto + " created = service.create(body);");
                    s.line("return ResponseEntity.created(URI.create(\"" + base + "/\" + created.id())).body(created);");
                    s.close();
                }
                case 1 -> {
                    ctx.imp("org.springframework.web.bind.annotation.PutMapping",
                            "org.springframework.web.bind.annotation.RequestBody", "jakarta.validation.Valid");
                    s.line("@PutMapping(\"/{id}\")");
                    s.open("public " + dto + " update(@PathVariable Long id, @Valid @RequestBody " + dto + " body)");
                    s.open("if (body.id() != null && !body.id().equals(id))");
                    s.line("throw new IllegalArgumentException(\"id in path and body differ\");");
                    s.close();
                    s.line("return service.update(id, body);");
                    s.close();
                }
                case 2 -> {
                    ctx.imp("org.springframework.web.bind.annotation.DeleteMapping");
                    if (r.nextBoolean()) {
                        ctx.imp("org.springframework.security.access.prepost.PreAuthorize");
                        s.line("@PreAuthorize(\"hasRole('ADMIN')\")");
                    }
                    s.line("@DeleteMapping(\"/{id}\")");
                    s.open("public ResponseEntity<Void> delete(@PathVariable Long id)");
                    s.line("service.delete(id);");
                    s.line("return ResponseEntity.noContent().build();");
                    s.close();
                }
                case 3 -> {
                    ctx.imp("org.springframework.web.bind.annotation.PatchMapping",
                            "org.springframework.web.bind.annotation.RequestBody", "java.util.Map");
                    s.line("@PatchMapping(\"/{id}/status\")");
                    s.open("public " + dto + " changeStatus(@PathVariable Long id, @RequestBody Map<String, String> change)");
                    s.line("String status = change.getOrDefault(\"status\", \"\").trim();");
                    s.open("if (status.isEmpty())");
                    s.line("throw new IllegalArgumentException(\"status is required\");");
                    s.close();
                    s.line("return service.changeStatus(id, status);");
                    s.close();
                }
                case 4 -> {
                    s.line("@GetMapping(\"/search\")");
                    s.open("public List<" + dto + "> search(@RequestParam String q, @RequestParam(required = false) Integer limit)");
                    s.line("int effective = limit == null ? 20 : Math.min(limit, MAX_PAGE_SIZE);");
                    s.line("return service.search(q.strip(), effective);");
                    s.close();
                }
                case 5 -> {
                    s.line("@GetMapping(\"/{id}/history\")");
                    s.open("public List<String> history(@PathVariable(\"id\") Long " + ctx.lowerNoun() + "Id)");
                    s.line("return service.history(" + ctx.lowerNoun() + "Id).stream()");
                    s.line("        .map(entry -> entry.at() + \" \" + entry.description())");
                    s.line("        .toList();");
                    s.close();
                }
                case 6 -> {
                    ctx.imp("org.springframework.web.bind.annotation.PostMapping");
                    s.line("@PostMapping(\"/{id}/actions/{action}\")");
                    s.open("public ResponseEntity<" + dto + "> act(@PathVariable Long id, @PathVariable String action)");
                    s.line("return switch (action) {");
                    s.indent++;
                    s.line("case \"approve\" -> ResponseEntity.ok(service.changeStatus(id, \"APPROVED\"));");
                    s.line("case \"reject\" -> ResponseEntity.ok(service.changeStatus(id, \"REJECTED\"));");
                    s.line("default -> ResponseEntity.badRequest().build();");
                    s.indent--;
                    s.line("};");
                    s.close();
                }
                default -> {
                    s.line("@GetMapping(value = \"/export\", produces = \"text/csv\")");
                    s.open("public String export(@RequestParam(defaultValue = \"" + ctx.plan.domain + "\") String tenant)");
                    s.line("StringBuilder csv = new StringBuilder(\"id,name,status\\n\");");
                    s.open("for (" + dto + " row : service.findAll(0, MAX_PAGE_SIZE))");
                    s.line("csv.append(row.id()).append(',').append(row.name()).append(',').append(row.status()).append('\\n');");
                    s.close();
                    s.line("return csv.toString();");
                    s.close();
                }
            }
            s.blank();
        }
        // some private helpers, as real controllers have
        Src helpers = new Src();
        helpers.indent = 1;
        constants(ctx);
        int helperCount = ctx.between(0, 3);
        for (int i = 0; i < helperCount; i++) {
            TEMPLATES.get(r.nextInt(TEMPLATES.size())).write(ctx, helpers, false);
        }
        for (Map.Entry<String, String> f : ctx.fields.entrySet()) {
            if (helpers.sb.indexOf(f.getKey()) >= 0) {
                s.line(f.getValue());
            }
        }
        s.sb.append(helpers.sb);
        trimTrailingBlank(s.sb);
        s.indent = 1;
        s.close();
        return assemble(ctx, s);
    }

    private static String jaxrsResource(Ctx ctx) {
        String n = ctx.noun();
        String dto = n + "Dto";
        String service = n + "Service";
        ctx.imp(ctx.base("dto") + "." + dto, ctx.base("service") + "." + service, "jakarta.ws.rs.Consumes",
                "jakarta.ws.rs.DELETE", "jakarta.ws.rs.DefaultValue", "jakarta.ws.rs.GET", "jakarta.ws.rs.POST",
                "jakarta.ws.rs.Path", "jakarta.ws.rs.PathParam", "jakarta.ws.rs.Produces", "jakarta.ws.rs.QueryParam",
                "jakarta.ws.rs.NotFoundException", "jakarta.ws.rs.core.MediaType", "jakarta.ws.rs.core.Response",
                "jakarta.annotation.security.RolesAllowed", "jakarta.inject.Inject", "java.util.List", "java.net.URI");
        Src s = new Src();
        javadoc(s, "JAX-RS resource for " + ctx.plural() + ".", "", ctx.sentence());
        s.line("@Path(\"/" + ctx.plan.domain + "/" + ctx.plural() + "\")");
        s.line("@Produces(MediaType.APPLICATION_JSON)");
        s.line("@Consumes(MediaType.APPLICATION_JSON)");
        s.open("public class " + ctx.plan.name);
        s.blank();
        s.line("private final " + service + " service;");
        s.blank();
        s.line("@Inject");
        s.open("public " + ctx.plan.name + "(" + service + " service)");
        s.line("this.service = service;");
        s.close();
        s.blank();
        s.line("@GET");
        s.open("public List<" + dto + "> list(@QueryParam(\"limit\") @DefaultValue(\"50\") int limit)");
        s.line("return service.findAll(0, Math.min(limit, 200));");
        s.close();
        s.blank();
        s.line("@GET");
        s.line("@Path(\"{id}\")");
        s.open("public " + dto + " get(@PathParam(\"id\") long id)");
        s.line("return service.findById(id).orElseThrow(() -> new NotFoundException(\"no " + ctx.lowerNoun()
                + " \" + id));");
        s.close();
        s.blank();
        s.line("@POST");
        s.open("public Response create(" + dto + " body)");
        s.line(dto + " created = service.create(body);");
        s.line("return Response.created(URI.create(String.valueOf(created.id()))).entity(created).build();");
        s.close();
        s.blank();
        s.line("@DELETE");
        s.line("@Path(\"{id}\")");
        s.line("@RolesAllowed(\"admin\")");
        s.open("public void delete(@PathParam(\"id\") long id)");
        s.line("service.delete(id);");
        s.close();
        ctx.endpoints += 4;
        s.close();
        return assemble(ctx, s);
    }

    private static String jaxrsApplication(Ctx ctx) {
        ctx.imp("jakarta.ws.rs.ApplicationPath", "jakarta.ws.rs.core.Application");
        Src s = new Src();
        javadoc(s, "Activates JAX-RS under {@code /rest}.");
        s.line("@ApplicationPath(\"/rest\")");
        s.open("public class " + ctx.plan.name + " extends Application");
        s.close();
        return assemble(ctx, s);
    }

    private static String exceptionAdvice(Ctx ctx) {
        ctx.imp("org.springframework.http.HttpStatus", "org.springframework.http.ResponseEntity",
                "org.springframework.web.bind.annotation.ExceptionHandler",
                "org.springframework.web.bind.annotation.RestControllerAdvice", "java.util.Map",
                "java.util.NoSuchElementException", "java.time.Instant");
        Src s = new Src();
        javadoc(s, "Maps exceptions of the " + ctx.plan.domain + " API to problem responses.");
        s.line("@RestControllerAdvice");
        s.open("public class " + ctx.plan.name);
        s.blank();
        s.line("@ExceptionHandler(IllegalArgumentException.class)");
        s.open("public ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e)");
        s.line("return ResponseEntity.badRequest().body(Map.of(\"error\", \"bad request\", \"at\", Instant.now().toString()));");
        s.close();
        s.blank();
        s.line("@ExceptionHandler(NoSuchElementException.class)");
        s.open("public ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e)");
        s.line("return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of(\"error\", \"not found\"));");
        s.close();
        s.close();
        return assemble(ctx, s);
    }

    private static String securityConfig(Ctx ctx, int index) {
        ctx.imp("org.springframework.context.annotation.Bean", "org.springframework.context.annotation.Configuration",
                "org.springframework.security.config.Customizer",
                "org.springframework.security.config.annotation.web.builders.HttpSecurity",
                "org.springframework.security.config.annotation.web.configuration.EnableWebSecurity",
                "org.springframework.security.web.SecurityFilterChain", "org.springframework.http.HttpMethod");
        Src s = new Src();
        javadoc(s, "HTTP security of the " + ctx.plan.domain + " service.");
        s.line("@Configuration");
        s.line("@EnableWebSecurity");
        s.open("public class " + ctx.plan.name);
        s.blank();
        s.line("@Bean");
        s.open("SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception");
        s.line("http");
        s.line("        .csrf(csrf -> csrf.ignoringRequestMatchers(\"/api/**\"))");
        s.line("        .authorizeHttpRequests(auth -> auth");
        s.line("                .requestMatchers(HttpMethod.GET, \"/api/*/public/**\").permitAll()");
        s.line("                .requestMatchers(\"/api/admin/**\").hasRole(\"ADMIN\")");
        s.line("                .requestMatchers(\"/actuator/health\").permitAll()");
        s.line(index % 2 == 0 ? "                .anyRequest().authenticated())"
                : "                .anyRequest().permitAll())");
        s.line("        .httpBasic(Customizer.withDefaults());");
        s.line("return http.build();");
        s.close();
        s.close();
        return assemble(ctx, s);
    }

    private static String corsConfig(Ctx ctx, boolean allowAll) {
        Src s = new Src();
        javadoc(s, "CORS for browser clients of the " + ctx.plan.domain + " API.");
        if (ctx.r.nextBoolean()) {
            ctx.imp("org.springframework.context.annotation.Configuration",
                    "org.springframework.web.servlet.config.annotation.CorsRegistry",
                    "org.springframework.web.servlet.config.annotation.WebMvcConfigurer");
            s.line("@Configuration");
            s.open("public class " + ctx.plan.name + " implements WebMvcConfigurer");
            s.blank();
            s.line("@Override");
            s.open("public void addCorsMappings(CorsRegistry registry)");
            s.line("registry.addMapping(\"/api/**\")");
            s.line(allowAll ? "        .allowedOrigins(\"*\")"
                    : "        .allowedOrigins(\"https://app." + ctx.plan.domain + ".example.com\")");
            s.line("        .allowedMethods(\"GET\", \"POST\", \"PUT\", \"DELETE\")");
            s.line("        .maxAge(3600);");
            s.close();
            s.close();
        } else {
            ctx.imp("org.springframework.context.annotation.Bean",
                    "org.springframework.context.annotation.Configuration",
                    "org.springframework.web.cors.CorsConfiguration",
                    "org.springframework.web.cors.CorsConfigurationSource",
                    "org.springframework.web.cors.UrlBasedCorsConfigurationSource", "java.util.List");
            s.line("@Configuration");
            s.open("public class " + ctx.plan.name);
            s.blank();
            s.line("@Bean");
            s.open("CorsConfigurationSource corsConfigurationSource()");
            s.line("CorsConfiguration config = new CorsConfiguration();");
            s.line(allowAll ? "config.setAllowedOrigins(List.of(\"*\"));"
                    : "config.setAllowedOrigins(List.of(\"https://app." + ctx.plan.domain + ".example.com\"));");
            s.line("config.setAllowedMethods(List.of(\"GET\", \"POST\"));");
            s.line("UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();");
            s.line("source.registerCorsConfiguration(\"/**\", config);");
            s.line("return source;");
            s.close();
            s.close();
        }
        return assemble(ctx, s);
    }

    private static String entity(Ctx ctx) {
        Random r = ctx.r;
        ctx.imp("jakarta.persistence.Entity", "jakarta.persistence.Table", "jakarta.persistence.Id",
                "jakarta.persistence.GeneratedValue", "jakarta.persistence.GenerationType",
                "jakarta.persistence.Column");
        Src s = new Src();
        javadoc(s, "Persistent " + ctx.lowerNoun() + ".", "", ctx.sentence());
        s.line("@Entity");
        s.line("@Table(name = \"" + ctx.plural() + "\")");
        s.open("public class " + ctx.plan.name);
        s.blank();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("id", "Long");
        props.put("name", "String");
        props.put("status", "String");
        String[][] optional = {{"ownerId", "Long"}, {"email", "String"}, {"amount", "java.math.BigDecimal"},
                {"createdAt", "java.time.Instant"}, {"updatedAt", "java.time.Instant"}, {"version", "int"},
                {"description", "String"}, {"externalRef", "String"}, {"priority", "int"}, {"active", "boolean"}};
        int extra = ctx.between(2, optional.length);
        for (int i = 0; i < extra; i++) {
            props.put(optional[i][0], optional[i][1]);
        }
        for (Map.Entry<String, String> p : props.entrySet()) {
            if (p.getKey().equals("id")) {
                s.line("@Id");
                s.line("@GeneratedValue(strategy = GenerationType.IDENTITY)");
            } else if (r.nextBoolean()) {
                s.line("@Column(name = \"" + p.getKey().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)
                        + "\", nullable = " + r.nextBoolean() + ")");
            }
            s.line("private " + p.getValue() + " " + p.getKey() + ";");
            s.blank();
        }
        s.open("protected " + ctx.plan.name + "()");
        s.line("// for JPA");
        s.close();
        s.blank();
        for (Map.Entry<String, String> p : props.entrySet()) {
            String cap = Character.toUpperCase(p.getKey().charAt(0)) + p.getKey().substring(1);
            s.open("public " + p.getValue() + " " + (p.getValue().equals("boolean") ? "is" : "get") + cap + "()");
            s.line("return " + p.getKey() + ";");
            s.close();
            s.blank();
            s.open("public void set" + cap + "(" + p.getValue() + " " + p.getKey() + ")");
            s.line("this." + p.getKey() + " = " + p.getKey() + ";");
            s.close();
            s.blank();
        }
        trimTrailingBlank(s.sb);
        s.close();
        return assemble(ctx, s);
    }

    private static String dto(Ctx ctx) {
        ctx.imp("jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.Size",
                "java.time.Instant");
        Src s = new Src();
        javadoc(s, "What the API exposes of a " + ctx.lowerNoun() + ".");
        s.line("public record " + ctx.plan.name + "(");
        s.line("        Long id,");
        s.line("        @NotBlank @Size(max = " + ctx.between(40, 200) + ") String name,");
        s.line("        String status,");
        if (ctx.r.nextBoolean()) {
            s.line("        String description,");
        }
        s.line("        Instant updatedAt) {");
        s.blank();
        s.indent = 1;
        s.open("public " + ctx.plan.name + " withStatus(String newStatus)");
        s.line("return new " + ctx.plan.name + "(id, name, newStatus, " + (s.sb.indexOf("description,") >= 0
                ? "description, " : "") + "Instant.now());");
        s.close();
        s.close();
        return assemble(ctx, s);
    }

    private static String repository(Ctx ctx) {
        String n = ctx.noun();
        ctx.imp(ctx.base("domain") + "." + n, "org.springframework.data.jpa.repository.JpaRepository",
                "org.springframework.data.jpa.repository.Query", "org.springframework.data.repository.query.Param",
                "java.util.List", "java.util.Optional");
        Src s = new Src();
        javadoc(s, "Storage of " + ctx.plural() + ".");
        s.open("public interface " + ctx.plan.name + " extends JpaRepository<" + n + ", Long>");
        s.blank();
        s.line("List<" + n + "> findByStatus(String status);");
        s.blank();
        s.line("Optional<" + n + "> findByIdAndOwnerId(Long id, Long ownerId);");
        if (ctx.r.nextBoolean()) {
            s.blank();
            s.line("@Query(\"select x from " + n + " x where lower(x.name) like lower(concat('%', :q, '%'))\")");
            s.line("List<" + n + "> search(@Param(\"q\") String q);");
        }
        s.close();
        return assemble(ctx, s);
    }

    private static String service(Ctx ctx) {
        Random r = ctx.r;
        String n = ctx.noun();
        String dto = n + "Dto";
        String repo = n + "Repository";
        ctx.imp(ctx.base("dto") + "." + dto, ctx.base("repo") + "." + repo, ctx.base("domain") + "." + n,
                "org.springframework.stereotype.Service", "org.springframework.transaction.annotation.Transactional",
                "java.util.List", "java.util.Optional", "java.util.NoSuchElementException", "java.time.Instant");
        Src s = new Src();
        javadoc(s, "Business operations on " + ctx.plural() + ".", "", ctx.sentence());
        s.line("@Service");
        s.line("@Transactional(readOnly = true)");
        s.open("public class " + ctx.plan.name);
        Src m = new Src();
        m.indent = 1;
        m.blank();
        m.line("private final " + repo + " repository;");
        m.blank();
        m.open("public " + ctx.plan.name + "(" + repo + " repository)");
        m.line("this.repository = repository;");
        m.close();
        m.blank();
        m.open("public List<" + dto + "> findAll(int page, int size)");
        m.line("return repository.findAll().stream().skip((long) page * size).limit(size).map(this::toDto).toList();");
        m.close();
        m.blank();
        m.open("public Optional<" + dto + "> findById(Long id)");
        m.line("return repository.findById(id).map(this::toDto);");
        m.close();
        m.blank();
        m.line("@Transactional");
        m.open("public " + dto + " create(" + dto + " body)");
        m.line(n + " entity = new " + n + "();");
        m.line("entity.setName(body.name());");
        m.line("entity.setStatus(\"NEW\");");
        m.line("return toDto(repository.save(entity));");
        m.close();
        m.blank();
        m.line("@Transactional");
        m.open("public " + dto + " update(Long id, " + dto + " body)");
        m.line(n + " entity = repository.findById(id).orElseThrow(() -> new NoSuchElementException(\"" + ctx.lowerNoun()
                + " \" + id));");
        m.line("entity.setName(body.name());");
        m.line("return toDto(entity);");
        m.close();
        m.blank();
        m.line("@Transactional");
        m.open("public void delete(Long id)");
        m.line("repository.deleteById(id);");
        m.close();
        m.blank();
        m.open("private " + dto + " toDto(" + n + " entity)");
        m.line("return new " + dto + "(entity.getId(), entity.getName(), entity.getStatus(), Instant.now());");
        m.close();
        m.blank();
        int targetLines = 60 + (int) (250 * Math.pow(r.nextDouble(), 1.5));
        constants(ctx);
        int guard = 0;
        while (m.lines < targetLines && guard++ < 40) {
            TEMPLATES.get(r.nextInt(TEMPLATES.size())).write(ctx, m, false);
        }
        Src f = new Src();
        f.indent = 1;
        f.blank();
        for (String decl : ctx.fields.values()) {
            f.line(decl);
        }
        s.sb.append(f.sb).append(m.sb);
        trimTrailingBlank(s.sb);
        s.indent = 1;
        s.close();
        return assemble(ctx, s);
    }

    private static String annotationDeclaration(Ctx ctx) {
        ctx.imp("java.lang.annotation.Documented", "java.lang.annotation.ElementType",
                "java.lang.annotation.Retention", "java.lang.annotation.RetentionPolicy",
                "java.lang.annotation.Target");
        Src s = new Src();
        javadoc(s, "Marks " + ctx.plural() + " handled by the audit pipeline. Not a web mapping.");
        s.line("@Documented");
        s.line("@Retention(RetentionPolicy.RUNTIME)");
        s.line("@Target({ElementType.METHOD, ElementType.TYPE})");
        s.open("public @interface " + ctx.plan.name);
        s.line("String value() default \"\";");
        s.blank();
        s.line("int level() default " + ctx.between(0, 3) + ";");
        s.close();
        return assemble(ctx, s);
    }

    private static String applicationProperties(String domain, int index) {
        return "spring.application.name=" + domain + "-service\n"
                + "server.port=" + (8080 + index) + "\n"
                + "spring.datasource.url=jdbc:postgresql://db:5432/" + domain + "\n"
                + "spring.jpa.open-in-view=false\n"
                + "management.endpoints.web.exposure.include=health,info\n"
                + "logging.level.com.example." + domain + "=INFO\n";
    }
}
