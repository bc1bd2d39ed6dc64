package dev.apisec.core.cors;

import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.FactProvider;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.apisec.core.cors.CorsPolicy.Form;
import dev.apisec.core.cors.CorsPolicy.OriginKind;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.lang.AnnotationLookup;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.lang.KnownTypes;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.facts.Facts;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.parse.ParsedFile;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds CORS policies in the files the pre-scan marked {@link Marker#CORS}:
 * <ul>
 *   <li>{@code @CrossOrigin} on classes and methods (directly or through a project meta-annotation), combined the
 *   way Spring combines them: class and method origins are united, and Spring's permit-all default applies only
 *   when neither names an origin;</li>
 *   <li>{@code CorsRegistry.addMapping(..)} chains and {@code CorsConfiguration} objects, replayed in source order
 *   per object (a chain, a local variable, a field, or {@code this} in a {@code CorsConfiguration} subclass) with
 *   Spring's semantics for defaults ({@code addMapping} and {@code applyPermitDefaultValues()} allow every origin
 *   until {@code allowedOrigins}/{@code setAllowedOrigins} or an origin pattern replaces them);</li>
 *   <li>calls that write {@code Access-Control-Allow-Origin} (servlet, {@code ResponseEntity}, JAX-RS,
 *   {@code HttpHeaders}), with the value classified as {@code *}, {@code null}, the request's own
 *   {@code Origin} header (unchecked or checked) or a constant.</li>
 * </ul>
 * Origin values are resolved through literals, concatenation, project constants ({@link ConstantResolver}) and
 * local variables with a single initializer; anything else is {@link OriginKind#UNRESOLVED}. A file that cannot be
 * analysed yields a notification, never an exception.
 */
public final class CorsExtractor {

    /** Every CORS policy of the project, sorted by location. */
    public static final FactKey<List<CorsPolicy>> POLICIES = FactKey.named("cors.policies");

    public static FactProvider<List<CorsPolicy>> provider() {
        return FactProvider.of(POLICIES, List.of(), facts -> new CorsExtractor(facts).extract());
    }

    static final String ALLOW_ORIGIN = "access-control-allow-origin";
    static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";

    private static final Set<String> HEADER_SETTERS = Set.of("setHeader", "addHeader", "header", "set", "add",
            "putSingle", "put", "addHeaderValue");
    private static final Set<String> CONFIGURATION_METHODS = Set.of("addAllowedOrigin", "setAllowedOrigins",
            "addAllowedOriginPattern", "setAllowedOriginPatterns", "applyPermitDefaultValues", "setAllowCredentials");
    private static final Set<String> REGISTRATION_METHODS = Set.of("addMapping", "allowedOrigins",
            "allowedOriginPatterns", "allowCredentials");
    /** Fluent methods of CorsRegistration / CorsConfiguration that keep the chain on the same object. */
    private static final Set<String> CHAIN_METHODS = Set.of("allowedOrigins", "allowedOriginPatterns",
            "allowedMethods", "allowedHeaders", "exposedHeaders", "allowCredentials", "allowPrivateNetwork", "maxAge",
            "combine", "applyPermitDefaultValues", "setAllowedOriginPatterns", "checkOrigin");
    private static final Set<String> LIST_FACTORIES = Set.of("of", "asList", "singletonList", "singleton",
            "copyOf", "ofNullable");
    private static final Set<String> CONFIG_READERS = Set.of("getProperty", "getRequiredProperty", "getenv",
            "resolvePlaceholders", "resolveRequiredPlaceholders");
    private static final Set<String> DERIVATIONS = Set.of("split", "trim", "strip", "toArray", "toLowerCase",
            "toUpperCase", "toList", "stream", "collect", "map", "orElse", "get");
    /** Calls that look at a value without checking it against anything. */
    private static final Set<String> NON_CHECKS = Set.of("isEmpty", "isBlank", "isNotEmpty", "isNotBlank", "isNull",
            "nonNull", "hasText", "hasLength", "isPresent", "isEmptyOrNull", "isNullOrEmpty");
    private static final Pattern ANY_HOST_PATTERN = Pattern.compile(
            "(\\*|https?|[a-z][a-z0-9+.-]*)://\\*(:(\\*|\\[\\*]))?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 8;
    private static final int MAX_TEXT = 120;

    private final Facts facts;

    public CorsExtractor(Facts facts) {
        this.facts = facts;
    }

    /** Every CORS policy of the project, sorted by location. */
    public List<CorsPolicy> extract() {
        List<CorsPolicy> out = new ArrayList<>();
        for (SourceFile file : facts.filesWith(Marker.CORS)) {
            try {
                out.addAll(annotationPolicies(file));
            } catch (RuntimeException | StackOverflowError e) {
                facts.notifications().warning(file.relativePath(), 0,
                        "CORS annotations not analysed: " + describe(e));
            }
            try {
                Optional<ParsedFile> parsed = facts.types().parse(file);
                if (parsed.isPresent()) {
                    out.addAll(new FileScan(parsed.get()).run());
                }
            } catch (RuntimeException | StackOverflowError e) {
                facts.notifications().warning(file.relativePath(), 0,
                        "CORS configuration code not analysed: " + describe(e));
            }
        }
        out.sort(CorsPolicy.ORDER);
        return List.copyOf(out);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------
    // @CrossOrigin

    private static boolean isCrossOrigin(String name) {
        return KnownTypes.CROSS_ORIGIN.equals(name) || "CrossOrigin".equals(name);
    }

    /** Origins and credentials of one annotation. */
    private record AnnotationOrigins(OriginKind kind, List<String> values, String text, boolean credentials,
                                     boolean credentialsSet) {
        boolean hasOrigins() {
            return kind != null;
        }
    }

    private List<CorsPolicy> annotationPolicies(SourceFile file) {
        List<CorsPolicy> out = new ArrayList<>();
        AnnotationLookup lookup = facts.annotations();
        for (TypeInfo type : facts.types().typesIn(file)) {
            Optional<AnnotationLookup.Found> onClass = lookup.find(type.annotations(), CorsExtractor::isCrossOrigin);
            AnnotationOrigins classOrigins = onClass.map(f -> origins(f.annotation())).orElse(null);
            Map<MethodInfo, AnnotationLookup.Found> onMethods = new LinkedHashMap<>();
            for (MethodInfo m : type.methods()) {
                lookup.find(m.annotations(), CorsExtractor::isCrossOrigin).ifPresent(f -> onMethods.put(m, f));
            }
            if (onClass.isPresent()) {
                // credentials may come from a method-level @CrossOrigin that inherits the class origins
                boolean credentials = classOrigins.credentials() || onMethods.values().stream()
                        .map(f -> origins(f.annotation())).anyMatch(AnnotationOrigins::credentials);
                if (classOrigins.hasOrigins()) {
                    out.add(annotationPolicy(type, null, onClass.get(), classOrigins.kind(), classOrigins.values(),
                            classOrigins.text(), false, credentials));
                } else if (someHandlerUsesDefault(type, onMethods)) {
                    out.add(annotationPolicy(type, null, onClass.get(), OriginKind.ANY, List.of(), "", true,
                            credentials));
                }
            }
            for (Map.Entry<MethodInfo, AnnotationLookup.Found> e : onMethods.entrySet()) {
                AnnotationOrigins own = origins(e.getValue().annotation());
                boolean credentials = own.credentialsSet() ? own.credentials()
                        : classOrigins != null && classOrigins.credentials();
                if (own.hasOrigins()) {
                    out.add(annotationPolicy(type, e.getKey(), e.getValue(), own.kind(), own.values(), own.text(),
                            false, credentials));
                } else if (classOrigins == null) {
                    // neither the method nor a class annotation names an origin: Spring's default allows every
                    // origin. (With a bare class-level annotation, that one is reported and covers this handler.)
                    out.add(annotationPolicy(type, e.getKey(), e.getValue(), OriginKind.ANY, List.of(), "", true,
                            credentials));
                }
                // else: the method inherits the class origins, reported on the class annotation
            }
        }
        return out;
    }

    /** True unless every handler method of the class names its own origins (then the class default is unused). */
    private boolean someHandlerUsesDefault(TypeInfo type, Map<MethodInfo, AnnotationLookup.Found> onMethods) {
        List<MethodInfo> handlers = type.methods().stream().filter(CorsExtractor::isHandler).toList();
        if (handlers.isEmpty()) {
            return true;
        }
        for (MethodInfo h : handlers) {
            AnnotationLookup.Found f = onMethods.get(h);
            if (f == null || !origins(f.annotation()).hasOrigins()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHandler(MethodInfo m) {
        return m.annotations().stream().anyMatch(a -> KnownTypes.SPRING_MAPPINGS.containsKey(a.name())
                || a.simpleName().endsWith("Mapping"));
    }

    private CorsPolicy annotationPolicy(TypeInfo type, MethodInfo method, AnnotationLookup.Found found,
                                        OriginKind kind, List<String> values, String text, boolean defaults,
                                        boolean credentials) {
        AnnotationInfo declared = found.declared();
        String api = found.isDirect() ? "@CrossOrigin" : "@" + declared.simpleName() + " (@CrossOrigin)";
        return new CorsPolicy(Form.ANNOTATION, kind, text, values, api, null, defaults, credentials,
                declared.location(), null, type.qualifiedName(), method == null ? null : method.signature());
    }

    private AnnotationOrigins origins(AnnotationInfo a) {
        OriginKind kind = null;
        List<String> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String attribute : List.of("value", "origins", "originPatterns")) {
            ValueExpr expr = a.attribute(attribute);
            if (expr == null) {
                continue;
            }
            List<ValueExpr> elements = expr instanceof ValueExpr.Array arr ? arr.elements() : List.of(expr);
            if (elements.isEmpty()) {
                continue;
            }
            texts.add(attribute + " = " + render(expr));
            for (ValueExpr element : elements) {
                ConstantResolver.Values resolved = facts.constants().resolve(element);
                if (resolved.complete() && !resolved.values().isEmpty()) {
                    for (String v : resolved.values()) {
                        values.add(v);
                        kind = classifyString(v).worst(kind);
                    }
                } else {
                    kind = OriginKind.UNRESOLVED.worst(kind);
                }
            }
        }
        ValueExpr creds = a.attribute("allowCredentials");
        boolean credentials = creds != null && facts.constants().string(creds)
                .map(s -> s.strip().equalsIgnoreCase("true")).orElse(false);
        return new AnnotationOrigins(kind, values, String.join(", ", texts), credentials, creds != null);
    }

    static String render(ValueExpr e) {
        if (e instanceof ValueExpr.Literal l) {
            return l.isString() ? "\"" + l.value() + "\"" : l.value();
        }
        if (e instanceof ValueExpr.Ref r) {
            return r.qualifier() == null ? r.name() : r.qualifier() + "." + r.name();
        }
        if (e instanceof ValueExpr.Concat c) {
            return c.parts().stream().map(CorsExtractor::render).collect(Collectors.joining(" + "));
        }
        if (e instanceof ValueExpr.Array a) {
            return a.elements().size() == 1 ? render(a.elements().get(0))
                    : a.elements().stream().map(CorsExtractor::render).collect(Collectors.joining(", ", "{", "}"));
        }
        if (e instanceof ValueExpr.Other o) {
            return o.text();
        }
        if (e instanceof ValueExpr.ClassLiteral c) {
            return c.typeName() + ".class";
        }
        return "?";
    }

    /** Classifies one origin value (Spring splits comma-delimited values). */
    static OriginKind classifyString(String raw) {
        OriginKind kind = null;
        for (String part : raw.split(",", -1)) {
            String v = part.strip();
            OriginKind k;
            if (v.contains("${")) {
                k = OriginKind.CONFIGURED;
            } else if (v.equals("*") || ANY_HOST_PATTERN.matcher(v).matches()) {
                k = OriginKind.ANY;
            } else if (v.equalsIgnoreCase("null")) {
                k = OriginKind.NULL;
            } else {
                k = OriginKind.EXPLICIT;
            }
            kind = k.worst(kind);
        }
        return kind == null ? OriginKind.EXPLICIT : kind;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Code: registries, configuration objects, headers

    /** An origin value as far as it could be followed. */
    record Value(OriginKind kind, List<String> values) {
        static Value unresolved() {
            return new Value(OriginKind.UNRESOLVED, List.of());
        }

        static Value of(OriginKind kind) {
            return new Value(kind, List.of());
        }

        Value combine(Value other) {
            List<String> all = new ArrayList<>(values);
            all.addAll(other.values);
            return new Value(kind.worst(other.kind), all);
        }
    }

    /** Something that contributed origins to a configuration object. */
    private record Contribution(MethodCallExpr call, String api, Value value, String text, boolean defaults) {
    }

    private final class FileScan {
        private final ParsedFile file;

        FileScan(ParsedFile file) {
            this.file = file;
        }

        List<CorsPolicy> run() {
            List<CorsPolicy> out = new ArrayList<>();
            Map<String, List<MethodCallExpr>> groups = new LinkedHashMap<>();
            for (MethodCallExpr call : file.unit().findAll(MethodCallExpr.class)) {
                try {
                    String name = call.getNameAsString();
                    if (CONFIGURATION_METHODS.contains(name) || REGISTRATION_METHODS.contains(name)) {
                        String key = objectKey(call);
                        if (key != null) {
                            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
                        }
                    }
                    headerPolicy(call).ifPresent(out::add);
                } catch (RuntimeException | StackOverflowError e) {
                    note(call, e);
                }
            }
            for (List<MethodCallExpr> calls : groups.values()) {
                try {
                    out.addAll(replay(calls));
                } catch (RuntimeException | StackOverflowError e) {
                    note(calls.get(0), e);
                }
            }
            return out;
        }

        private void note(Node at, Throwable e) {
            int line = at.getBegin().map(p -> p.line).orElse(0);
            facts.notifications().warning(file.file().relativePath(), line,
                    "CORS configuration not analysed here: " + describe(e));
        }

        // ----- configuration objects

        /**
         * Identifies the object a CORS call configures: a fluent chain (by its root), a local variable (by its
         * declaring scope), a field, or {@code this}. Null when the call does not look like CORS configuration.
         */
        private String objectKey(MethodCallExpr call) {
            Expression base = call;
            if (!call.getNameAsString().equals("addMapping")) {
                Expression scope = call.getScope().orElse(null);
                while (scope instanceof MethodCallExpr inner && !inner.getNameAsString().equals("addMapping")
                        && CHAIN_METHODS.contains(inner.getNameAsString())) {
                    scope = inner.getScope().orElse(null);
                }
                base = scope;
            }
            if (base == null) {
                // an unqualified call: a CorsConfiguration subclass configuring itself
                return "this:" + enclosingTypeName(call);
            }
            if (base instanceof ThisExpr) {
                return "this:" + enclosingTypeName(call);
            }
            Optional<String> variable = variableName(base);
            if (variable.isPresent()) {
                return variableKey(call, variable.get());
            }
            if (base instanceof MethodCallExpr || base instanceof ObjectCreationExpr) {
                // a chain: the variable it is assigned to, else the chain itself
                Node top = chainTop(base);
                Node parent = top.getParentNode().orElse(null);
                if (parent instanceof VariableDeclarator v && v.getInitializer().map(i -> i == top).orElse(false)) {
                    return variableKey(call, v.getNameAsString());
                }
                if (parent instanceof AssignExpr a && a.getValue() == top) {
                    Optional<String> target = variableName(a.getTarget());
                    if (target.isPresent()) {
                        return variableKey(call, target.get());
                    }
                }
                return "chain:" + position(base);
            }
            return null;
        }

        private Node chainTop(Node node) {
            Node current = node;
            while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                    && parent.getScope().orElse(null) == current
                    && CHAIN_METHODS.contains(parent.getNameAsString())) {
                current = parent;
            }
            return current;
        }

        private Optional<String> variableName(Expression e) {
            if (e instanceof NameExpr n) {
                return Optional.of(n.getNameAsString());
            }
            if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
                return Optional.of("this." + f.getNameAsString());
            }
            return Optional.empty();
        }

        private String variableKey(Node at, String name) {
            if (name.startsWith("this.")) {
                return "field:" + enclosingTypeName(at) + "." + name.substring(5);
            }
            Optional<Node> scope = localScope(at, name);
            return scope.map(s -> "local:" + position(s) + ":" + name)
                    .orElseGet(() -> "field:" + enclosingTypeName(at) + "." + name);
        }

        /** Replays the calls on one object in source order, with Spring's semantics. */
        private List<CorsPolicy> replay(List<MethodCallExpr> unsorted) {
            List<MethodCallExpr> calls = new ArrayList<>(unsorted);
            calls.sort((a, b) -> compare(a.getBegin().orElse(null), b.getBegin().orElse(null)));
            boolean registry = calls.stream().anyMatch(c -> c.getNameAsString().equals("addMapping"));
            boolean configuration = calls.stream().anyMatch(c -> CONFIGURATION_METHODS.contains(c.getNameAsString())
                    && !c.getNameAsString().equals("setAllowCredentials"));
            if (!registry && !configuration) {
                return List.of();
            }
            List<Contribution> origins = null;
            List<Contribution> patterns = null;
            boolean originsAreDefault = false;
            Boolean credentials = null;
            MethodCallExpr credentialsCall = null;
            String mapping = null;
            for (MethodCallExpr call : calls) {
                String name = call.getNameAsString();
                switch (name) {
                    case "addMapping", "applyPermitDefaultValues" -> {
                        if (name.equals("addMapping") && call.getArguments().size() == 1) {
                            mapping = constantString(call.getArgument(0), 0).orElse(text(call.getArgument(0)));
                        }
                        if (origins == null && patterns == null) {
                            origins = new ArrayList<>();
                            origins.add(new Contribution(call, name, Value.of(OriginKind.ANY), "", true));
                            originsAreDefault = true;
                        }
                    }
                    case "allowedOrigins", "setAllowedOrigins" -> {
                        if (!registry && name.equals("allowedOrigins")) {
                            continue;
                        }
                        if (isNullArgument(call)) {
                            origins = null;
                        } else {
                            origins = new ArrayList<>();
                            origins.add(contribution(call, name));
                        }
                        originsAreDefault = false;
                    }
                    case "addAllowedOrigin" -> {
                        if (isNullArgument(call)) {
                            continue;
                        }
                        if (origins == null) {
                            origins = new ArrayList<>();
                        }
                        // Spring keeps "*" when adding to the permit-all default (and no patterns are set)
                        originsAreDefault = false;
                        origins.add(contribution(call, name));
                    }
                    case "allowedOriginPatterns", "setAllowedOriginPatterns", "addAllowedOriginPattern" -> {
                        if (!registry && name.equals("allowedOriginPatterns")) {
                            continue;
                        }
                        if (isNullArgument(call)) {
                            if (!name.startsWith("add")) {
                                patterns = null;
                            }
                            continue;
                        }
                        if (patterns == null || !name.startsWith("add")) {
                            patterns = new ArrayList<>();
                        }
                        patterns.add(contribution(call, name));
                        if (originsAreDefault) {
                            origins = null;
                            originsAreDefault = false;
                        }
                    }
                    case "allowCredentials", "setAllowCredentials" -> {
                        if (!registry && name.equals("allowCredentials")) {
                            continue;
                        }
                        credentials = call.getArguments().size() == 1 && isTrue(call.getArgument(0));
                        credentialsCall = call;
                    }
                    default -> {
                    }
                }
            }
            List<Contribution> all = new ArrayList<>();
            if (origins != null) {
                all.addAll(origins);
            }
            if (patterns != null) {
                all.addAll(patterns);
            }
            boolean creds = Boolean.TRUE.equals(credentials);
            SourceLocation credLocation = creds ? Locations.of(file, credentialsCall) : null;
            Form form = registry ? Form.REGISTRY : Form.CONFIGURATION;
            List<CorsPolicy> out = new ArrayList<>();
            for (Contribution c : all) {
                out.add(new CorsPolicy(form, c.value().kind(), c.text(), c.value().values(), c.api(), mapping,
                        c.defaults(), creds, Locations.of(file, c.call()), credLocation, enclosingTypeName(c.call()),
                        enclosingMethod(c.call())));
            }
            return out;
        }

        private boolean isNullArgument(MethodCallExpr call) {
            return call.getArguments().size() == 1 && call.getArgument(0) instanceof NullLiteralExpr;
        }

        private Contribution contribution(MethodCallExpr call, String api) {
            Value value = new Value(OriginKind.EXPLICIT, List.of());
            if (call.getArguments().size() == 1) {
                value = listValue(call.getArgument(0), call, 0);
            } else {
                for (Expression arg : call.getArguments()) {
                    value = value.combine(value(arg, call, 0));
                }
            }
            String text = call.getArguments().stream().map(this::text).collect(Collectors.joining(", "));
            return new Contribution(call, api, value, text, false);
        }

        // ----- headers

        private Optional<CorsPolicy> headerPolicy(MethodCallExpr call) {
            String name = call.getNameAsString();
            Expression valueExpr;
            if (name.equals("setAccessControlAllowOrigin") && call.getArguments().size() == 1) {
                valueExpr = call.getArgument(0);
            } else if (HEADER_SETTERS.contains(name) && call.getArguments().size() == 2
                    && isHeader(call.getArgument(0), ALLOW_ORIGIN)) {
                valueExpr = call.getArgument(1);
            } else {
                return Optional.empty();
            }
            Value value = name.equals("put") ? listValue(valueExpr, call, 0) : value(valueExpr, call, 0);
            Node body = enclosingBody(call);
            MethodCallExpr credentialsCall = body == null ? null : credentialsHeader(body);
            return Optional.of(new CorsPolicy(Form.RESPONSE_HEADER, value.kind(), text(valueExpr), value.values(),
                    name, null, false, credentialsCall != null, Locations.of(file, call),
                    credentialsCall == null ? null : Locations.of(file, credentialsCall), enclosingTypeName(call),
                    enclosingMethod(call)));
        }

        private boolean isHeader(Expression e, String header) {
            return constantString(e, 0).map(s -> s.strip().equalsIgnoreCase(header)).orElse(false);
        }

        /** A call in {@code body} that sets {@code Access-Control-Allow-Credentials: true}. */
        private MethodCallExpr credentialsHeader(Node body) {
            for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
                String name = c.getNameAsString();
                if (name.equals("setAccessControlAllowCredentials") && c.getArguments().size() == 1
                        && isTrue(c.getArgument(0))) {
                    return c;
                }
                if (HEADER_SETTERS.contains(name) && c.getArguments().size() == 2
                        && isHeader(c.getArgument(0), ALLOW_CREDENTIALS)) {
                    Expression v = c.getArgument(1);
                    if (name.equals("put")) {
                        List<Expression> elements = listElements(v, 0);
                        if (elements != null && elements.size() == 1) {
                            v = elements.get(0);
                        }
                    }
                    if (isTrue(v)) {
                        return c;
                    }
                }
            }
            return null;
        }

        // ----- values

        private boolean isTrue(Expression e) {
            Expression x = unwrap(e);
            if (x instanceof BooleanLiteralExpr b) {
                return b.getValue();
            }
            if (x instanceof FieldAccessExpr f && f.getNameAsString().equals("TRUE")
                    && f.getScope().toString().endsWith("Boolean")) {
                return true;
            }
            return constantString(x, 0).map(s -> s.strip().equalsIgnoreCase("true")).orElse(false);
        }

        /** Values of a list/array-valued argument ({@code List.of("*")}, {@code new String[] {...}}, a variable). */
        private Value listValue(Expression e, Node use, int depth) {
            List<Expression> elements = listElements(e, depth);
            if (elements == null) {
                return value(e, use, depth);
            }
            if (elements.isEmpty()) {
                return new Value(OriginKind.EXPLICIT, List.of());
            }
            Value v = null;
            for (Expression element : elements) {
                Value ev = value(element, use, depth + 1);
                v = v == null ? ev : v.combine(ev);
            }
            return v;
        }

        /** Elements of a list or array expression, following a local variable; null when it is not one. */
        private List<Expression> listElements(Expression e, int depth) {
            Expression x = unwrap(e);
            if (depth > MAX_DEPTH) {
                return null;
            }
            if (x instanceof MethodCallExpr m && LIST_FACTORIES.contains(m.getNameAsString())
                    && m.getScope().map(s -> s.toString().matches("(java\\.util\\.)?(List|Set|Arrays|Collections|Stream)"))
                    .orElse(false)) {
                if (m.getArguments().size() == 1 && (unwrap(m.getArgument(0)) instanceof NameExpr
                        || unwrap(m.getArgument(0)) instanceof ArrayCreationExpr
                        || unwrap(m.getArgument(0)) instanceof MethodCallExpr)) {
                    List<Expression> inner = listElements(m.getArgument(0), depth + 1);
                    if (inner != null) {
                        return inner;
                    }
                }
                return new ArrayList<>(m.getArguments());
            }
            if (x instanceof ArrayCreationExpr a) {
                return a.getInitializer().map(i -> (List<Expression>) new ArrayList<>(i.getValues())).orElse(null);
            }
            if (x instanceof ArrayInitializerExpr i) {
                return new ArrayList<>(i.getValues());
            }
            if (x instanceof NameExpr n) {
                Optional<Expression> init = localInitializer(n);
                if (init.isPresent()) {
                    return listElements(init.get(), depth + 1);
                }
            }
            return null;
        }

        /** Classifies an origin expression; {@code use} is the call that consumes it (for guard checks). */
        private Value value(Expression e, Node use, int depth) {
            if (depth > MAX_DEPTH) {
                return Value.unresolved();
            }
            Expression x = unwrap(e);
            if (x instanceof NullLiteralExpr) {
                return Value.unresolved();
            }
            Optional<String> constant = constantString(x, depth);
            if (constant.isPresent()) {
                return new Value(classifyString(constant.get()), List.of(constant.get()));
            }
            if (x instanceof ConditionalExpr c) {
                Value then = value(c.getThenExpr(), use, depth + 1);
                Value otherwise = value(c.getElseExpr(), use, depth + 1);
                if (then.kind() == OriginKind.REFLECTED && checksOrigin(c.getCondition())) {
                    then = new Value(OriginKind.VALIDATED, then.values());
                }
                if (otherwise.kind() == OriginKind.REFLECTED && checksOrigin(c.getCondition())) {
                    otherwise = new Value(OriginKind.VALIDATED, otherwise.values());
                }
                return then.combine(otherwise);
            }
            if (isOriginRead(x, depth)) {
                return guarded(x, use) ? Value.of(OriginKind.VALIDATED) : Value.of(OriginKind.REFLECTED);
            }
            if (x instanceof NameExpr n) {
                Optional<Parameter> parameter = parameter(n);
                if (parameter.isPresent()) {
                    if (isOriginParameter(parameter.get())) {
                        return guarded(x, use) ? Value.of(OriginKind.VALIDATED) : Value.of(OriginKind.REFLECTED);
                    }
                    return isConfiguredParameter(parameter.get()) ? Value.of(OriginKind.CONFIGURED)
                            : Value.unresolved();
                }
                if (localScope(n, n.getNameAsString()).isPresent()) {
                    Optional<Expression> init = localInitializer(n);
                    if (init.isEmpty()) {
                        return Value.unresolved();
                    }
                    Value v = value(init.get(), init.get(), depth + 1);
                    if (v.kind() == OriginKind.REFLECTED && guarded(x, use)) {
                        return new Value(OriginKind.VALIDATED, v.values());
                    }
                    return v;
                }
                return fieldValue(null, n.getNameAsString(), n);
            }
            if (x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
                return fieldValue(null, f.getNameAsString(), f);
            }
            if (x instanceof MethodCallExpr m) {
                String name = m.getNameAsString();
                if (CONFIG_READERS.contains(name)) {
                    return Value.of(OriginKind.CONFIGURED);
                }
                if (LIST_FACTORIES.contains(name) && listElements(m, depth + 1) != null) {
                    return listValue(m, use, depth + 1);
                }
                if (DERIVATIONS.contains(name) && m.getScope().isPresent()) {
                    Value scope = value(m.getScope().get(), use, depth + 1);
                    if (scope.kind() == OriginKind.CONFIGURED) {
                        return scope;
                    }
                }
            }
            return Value.unresolved();
        }

        private Value fieldValue(String qualifier, String name, Node at) {
            ValueExpr.Ref ref = new ValueExpr.Ref(qualifier, name, enclosingTypeName(at));
            Optional<FieldInfo> field = facts.constants().lookup(ref);
            if (field.isEmpty()) {
                return Value.unresolved();
            }
            if (field.get().annotations().stream().anyMatch(a -> a.simpleName().equals("Value"))) {
                return Value.of(OriginKind.CONFIGURED);
            }
            ConstantResolver.Values v = field.get().isFinal() && field.get().initializer() != null
                    ? facts.constants().resolve(field.get().initializer()) : null;
            if (v == null || !v.complete() || v.values().isEmpty()) {
                return Value.unresolved();
            }
            OriginKind kind = null;
            for (String s : v.values()) {
                kind = classifyString(s).worst(kind);
            }
            return new Value(kind, v.values());
        }

        /** A compile-time string: literals, concatenation, constants, single-initializer locals. */
        private Optional<String> constantString(Expression e, int depth) {
            if (depth > MAX_DEPTH) {
                return Optional.empty();
            }
            Expression x = unwrap(e);
            if (x instanceof StringLiteralExpr s) {
                return Optional.of(s.asString());
            }
            if (x instanceof TextBlockLiteralExpr t) {
                return Optional.of(t.asString());
            }
            if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
                Optional<String> left = constantString(b.getLeft(), depth + 1);
                Optional<String> right = left.isPresent() ? constantString(b.getRight(), depth + 1) : Optional.empty();
                return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get())
                        : Optional.empty();
            }
            if (x instanceof NameExpr n) {
                if (parameter(n).isPresent()) {
                    return Optional.empty();
                }
                if (localScope(n, n.getNameAsString()).isPresent()) {
                    return localInitializer(n).flatMap(i -> constantString(i, depth + 1));
                }
                return facts.constants().string(new ValueExpr.Ref(null, n.getNameAsString(), enclosingTypeName(n)));
            }
            if (x instanceof FieldAccessExpr f) {
                if (f.getScope() instanceof ThisExpr) {
                    return facts.constants().string(new ValueExpr.Ref(null, f.getNameAsString(),
                            enclosingTypeName(f)));
                }
                String qualifier = f.getScope().toString();
                Optional<String> project = facts.constants().string(new ValueExpr.Ref(qualifier, f.getNameAsString(),
                        enclosingTypeName(f)));
                return project.isPresent() ? project : libraryConstant(qualifier, f.getNameAsString());
            }
            return Optional.empty();
        }

        /** A value read from the request's {@code Origin} header. */
        private boolean isOriginRead(Expression e, int depth) {
            Expression x = unwrap(e);
            if (!(x instanceof MethodCallExpr m)) {
                return false;
            }
            String name = m.getNameAsString();
            if (name.equals("getOrigin") && m.getArguments().isEmpty()) {
                return true;
            }
            if (Set.of("getHeader", "getHeaderString", "getFirst", "getRequestHeader").contains(name)
                    && m.getArguments().size() == 1) {
                return constantString(m.getArgument(0), depth + 1).map(s -> s.strip().equalsIgnoreCase("origin"))
                        .orElse(false);
            }
            return false;
        }

        private boolean isOriginParameter(Parameter p) {
            for (AnnotationExpr a : p.getAnnotations()) {
                String simple = a.getName().getIdentifier();
                if (!simple.equals("RequestHeader") && !simple.equals("HeaderParam")) {
                    continue;
                }
                Expression v = annotationValue(a, simple.equals("RequestHeader") ? Set.of("value", "name")
                        : Set.of("value"));
                if (v != null && constantString(v, 1).map(s -> s.strip().equalsIgnoreCase("origin")).orElse(false)) {
                    return true;
                }
            }
            return false;
        }

        private boolean isConfiguredParameter(Parameter p) {
            return p.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Value"));
        }

        private Expression annotationValue(AnnotationExpr a, Set<String> names) {
            if (a instanceof SingleMemberAnnotationExpr s) {
                return s.getMemberValue();
            }
            if (a instanceof NormalAnnotationExpr n) {
                return n.getPairs().stream().filter(p -> names.contains(p.getNameAsString())).findFirst()
                        .map(p -> p.getValue()).orElse(null);
            }
            return null;
        }

        // ----- guards: the reflected origin is checked before it is echoed

        /**
         * True when, in the same method body and before {@code use}, the origin (the variable {@code x} names, or
         * an Origin header read) is checked: passed to or compared by a call such as {@code contains},
         * {@code equals}, {@code matches} or a project {@code isAllowed(..)}. Null checks and emptiness checks do
         * not count.
         */
        private boolean guarded(Expression x, Node use) {
            Node body = enclosingBody(use);
            if (body == null) {
                return false;
            }
            Position usePos = use.getBegin().orElse(null);
            for (MethodCallExpr check : body.findAll(MethodCallExpr.class)) {
                if (usePos != null && check.getBegin().map(p -> p.isAfter(usePos)).orElse(true)) {
                    continue;
                }
                if (isCheckOf(check, x)) {
                    return true;
                }
            }
            return false;
        }

        private boolean checksOrigin(Expression condition) {
            for (MethodCallExpr check : condition.findAll(MethodCallExpr.class)) {
                if (isCheck(check) && (check.getArguments().stream().anyMatch(a -> mentionsOrigin(a))
                        || check.getScope().map(this::mentionsOrigin).orElse(false))) {
                    return true;
                }
            }
            return false;
        }

        private boolean mentionsOrigin(Expression e) {
            Expression x = unwrap(e);
            if (isOriginRead(x, 0)) {
                return true;
            }
            if (x instanceof NameExpr n) {
                Optional<Parameter> p = parameter(n);
                if (p.isPresent()) {
                    return isOriginParameter(p.get());
                }
                return localInitializer(n).map(i -> isOriginRead(i, 1)).orElse(false);
            }
            return false;
        }

        private boolean isCheckOf(MethodCallExpr check, Expression x) {
            if (!isCheck(check)) {
                return false;
            }
            boolean asArgument = check.getArguments().stream().anyMatch(a -> sameOrigin(a, x));
            boolean asScope = check.getScope().map(s -> sameOrigin(s, x)).orElse(false)
                    && !check.getArguments().isEmpty();
            return asArgument || asScope;
        }

        private boolean isCheck(MethodCallExpr check) {
            String name = check.getNameAsString();
            if (NON_CHECKS.contains(name)) {
                return false;
            }
            return Set.of("contains", "containsKey", "equals", "equalsIgnoreCase", "matches", "startsWith",
                    "endsWith", "test", "anyMatch", "checkOrigin").contains(name)
                    || name.startsWith("is") || name.startsWith("check") || name.startsWith("validate")
                    || name.startsWith("verify") || name.startsWith("allow") || name.startsWith("permit");
        }

        private boolean sameOrigin(Expression candidate, Expression x) {
            Expression c = unwrap(candidate);
            Expression t = unwrap(x);
            if (t instanceof NameExpr tn) {
                return c instanceof NameExpr cn && cn.getNameAsString().equals(tn.getNameAsString());
            }
            return isOriginRead(c, 0) && c.toString().equals(t.toString());
        }

        // ----- locals and scopes

        /** The nearest method, constructor, lambda or initializer around {@code node}. */
        private Node enclosingBody(Node node) {
            Node n = node;
            while (n != null) {
                if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr
                        || n instanceof InitializerDeclaration) {
                    return n;
                }
                if (n instanceof TypeDeclaration<?>) {
                    return null;
                }
                n = n.getParentNode().orElse(null);
            }
            return null;
        }

        /** The innermost method, lambda or initializer that declares local variable or parameter {@code name}. */
        private Optional<Node> localScope(Node at, String name) {
            Node n = at;
            // anonymous classes and lambdas may use (effectively final) locals of the enclosing method
            while (n != null && !(n instanceof TypeDeclaration<?>)) {
                if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr
                        || n instanceof InitializerDeclaration) {
                    if (declares(n, name)) {
                        return Optional.of(n);
                    }
                }
                n = n.getParentNode().orElse(null);
            }
            return Optional.empty();
        }

        private boolean declares(Node scope, String name) {
            if (scope instanceof CallableDeclaration<?> c
                    && c.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
                return true;
            }
            if (scope instanceof LambdaExpr l
                    && l.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
                return true;
            }
            return scope.findAll(VariableDeclarator.class).stream()
                    .anyMatch(v -> v.getNameAsString().equals(name)
                            && !(v.getParentNode().orElse(null) instanceof FieldDeclaration))
                    || scope.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name)
                    && (p.getParentNode().orElse(null) instanceof CatchClause
                    || p.getParentNode().orElse(null) instanceof LambdaExpr))
                    || scope.findAll(ForEachStmt.class).stream().anyMatch(f -> f.getVariableDeclarator()
                    .getNameAsString().equals(name));
        }

        /** The parameter {@code n} names, when it names one of an enclosing method or lambda. */
        private Optional<Parameter> parameter(NameExpr n) {
            Optional<Node> scope = localScope(n, n.getNameAsString());
            if (scope.isEmpty()) {
                return Optional.empty();
            }
            List<Parameter> params = scope.get() instanceof CallableDeclaration<?> c ? c.getParameters()
                    : scope.get() instanceof LambdaExpr l ? l.getParameters() : List.of();
            return params.stream().filter(p -> p.getNameAsString().equals(n.getNameAsString())).findFirst();
        }

        /**
         * The initializer of the local variable {@code n} names, when it is declared once, before the use, and
         * never assigned again.
         */
        private Optional<Expression> localInitializer(NameExpr n) {
            String name = n.getNameAsString();
            Optional<Node> scope = localScope(n, name);
            if (scope.isEmpty() || parameter(n).isPresent()) {
                return Optional.empty();
            }
            List<VariableDeclarator> declarators = scope.get().findAll(VariableDeclarator.class).stream()
                    .filter(v -> v.getNameAsString().equals(name)
                            && !(v.getParentNode().orElse(null) instanceof FieldDeclaration))
                    .toList();
            if (declarators.size() != 1 || declarators.get(0).getInitializer().isEmpty()) {
                return Optional.empty();
            }
            boolean reassigned = scope.get().findAll(AssignExpr.class).stream()
                    .anyMatch(a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name))
                    || scope.get().findAll(UnaryExpr.class).stream()
                    .anyMatch(u -> u.getExpression() instanceof NameExpr t && t.getNameAsString().equals(name));
            if (reassigned) {
                return Optional.empty();
            }
            Expression init = declarators.get(0).getInitializer().get();
            if (init == n || init.isAncestorOf(n)) {
                return Optional.empty();
            }
            return Optional.of(init);
        }

        // ----- names and text

        private String enclosingTypeName(Node node) {
            Node n = node;
            while (n != null) {
                if (n instanceof TypeDeclaration<?> t) {
                    return Locations.typeName(t);
                }
                n = n.getParentNode().orElse(null);
            }
            return "";
        }

        private String enclosingMethod(Node node) {
            String anchor = Locations.anchor(node);
            int hash = anchor.indexOf('#');
            return hash < 0 ? null : anchor.substring(hash + 1);
        }

        private String position(Node node) {
            return node.getBegin().map(p -> p.line + ":" + p.column).orElse("?") + "-"
                    + node.getEnd().map(p -> p.line + ":" + p.column).orElse("?");
        }

        private String text(Expression e) {
            String t = Locations.normalize(e.toString());
            return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "..." : t;
        }
    }

    private static Expression unwrap(Expression e) {
        Expression x = e;
        while (true) {
            if (x instanceof EnclosedExpr en) {
                x = en.getInner();
            } else if (x instanceof CastExpr c) {
                x = c.getExpression();
            } else {
                return x;
            }
        }
    }

    /** Header names and values of framework constants apisec knows without their jars. */
    static Optional<String> libraryConstant(String qualifier, String name) {
        String owner = qualifier.substring(qualifier.lastIndexOf('.') + 1);
        if (owner.equals("CorsConfiguration") && name.equals("ALL")) {
            return Optional.of("*");
        }
        if (Set.of("HttpHeaders", "HttpHeaderNames", "HttpHeader", "Headers", "HeaderNames").contains(owner)) {
            return switch (name) {
                case "ACCESS_CONTROL_ALLOW_ORIGIN" -> Optional.of("Access-Control-Allow-Origin");
                case "ACCESS_CONTROL_ALLOW_CREDENTIALS" -> Optional.of("Access-Control-Allow-Credentials");
                case "ORIGIN" -> Optional.of("Origin");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static int compare(Position a, Position b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

}
