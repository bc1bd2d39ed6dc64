package dev.apisec.core.analysis.ownership;

import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.FactProvider;
import dev.apisec.core.security.EffectiveAccessResolver;
import dev.apisec.core.persistence.PersistenceModel;

import dev.apisec.core.flow.CallTargets;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.apisec.core.model.FlowStep;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.BindingSource;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.EndpointParameter;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.facts.Facts;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.parse.ParsedFile;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.AccessLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Object-level authorization: follows each object reference of an endpoint (path/query parameters named like ids,
 * body DTO id fields, Spring Data domain-class conversion) through the handler and the project methods it calls —
 * fields, constructor-injected services, interfaces to their project implementations, locals — to data-access
 * sinks (repository lookups, EntityManager, Hibernate Session, JdbcTemplate, MongoTemplate), and reports the
 * paths on which no ownership check applies: the principal reaching the query, a comparison with the principal,
 * a method-security expression about the object, or a call to a checker method. Per-method summaries are cached;
 * depth is bounded and cycles are cut.
 */
public final class OwnershipAnalysis {

    /** Object references of endpoints that reach a data-access sink with no ownership check on the way. */
    public static final FactKey<List<ObjectAccess>> UNCHECKED = FactKey.named("ownership.unchecked-accesses");

    public static FactProvider<List<ObjectAccess>> provider() {
        return FactProvider.of(UNCHECKED, List.of(EffectiveAccessResolver.SECURITY, PersistenceModel.FACT),
                facts -> new OwnershipAnalysis(facts).uncheckedAccesses());
    }

    public static final int MAX_DEPTH = 5;

    /** Default checker-method patterns that count as an ownership check when they receive the reference. */
    public static final List<String> DEFAULT_CHECKERS = List.of("check*Access", "check*Permission", "check*Owner*",
            "assert*Access", "assert*Owner*", "assert*Permission", "verify*Ownership", "verify*Access",
            "verify*Owner*", "ensure*Owner*", "ensure*Access", "require*Owner*", "require*Access", "authorize*",
            "hasPermission", "isOwner*", "isOwnedBy", "canAccess*", "canRead*", "canEdit*", "canView*",
            "canModify*", "canDelete*");
    /** Fallback names of project methods that return the current user. */
    public static final List<String> DEFAULT_PRINCIPAL_METHODS = List.of("getCurrentUser", "currentUser",
            "getUserFromToken", "loggedInUser", "getLoggedInUser", "getAuthenticatedUser", "currentUserId",
            "getCurrentUserId", "getCurrentUsername", "currentPrincipal", "getPrincipal", "getAuthentication",
            "getUserPrincipal", "getRemoteUser", "requireCurrentUser", "authenticatedUser");
    private static final Set<String> ADMIN_WORDS = Set.of("ADMIN", "ADMINISTRATOR", "ROOT", "SUPERUSER",
            "SUPER_ADMIN", "SUPERADMIN", "SYSTEM", "OPS", "SUPPORT", "STAFF", "BACKOFFICE");
    private static final Pattern REFERENCE_NAME = Pattern.compile("(?i)(id|uuid|guid)|.*(Id|_id|ID|Uuid|UUID|Key|Number|Ref)");
    private static final Pattern PRINCIPAL_HELPER_NAME = Pattern.compile(
            "(?i)user|principal|auth|token|current|login|subject|caller|identity|account|me$|self");

    private final Facts facts;
    private final TypeIndex index;
    private final Repositories repositories;
    private final CallTargets callTargets;
    private final List<Pattern> checkers;
    private final Set<String> principalMethodNames;
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> principalHelpers = new ConcurrentHashMap<>();

    public OwnershipAnalysis(Facts facts) {
        this(facts, concat(DEFAULT_CHECKERS, facts.options().ownershipCheckers()),
                concat(DEFAULT_PRINCIPAL_METHODS, facts.options().principalMethods()));
    }

    public OwnershipAnalysis(Facts facts, List<String> checkerPatterns, List<String> principalMethods) {
        this.facts = facts;
        this.index = facts.types();
        this.repositories = Repositories.of(facts);
        this.callTargets = new CallTargets(facts.types(), true);
        this.checkers = checkerPatterns.stream().map(g -> Pattern.compile(g.replace("*", "[A-Za-z0-9_]*"))).toList();
        this.principalMethodNames = Set.copyOf(principalMethods);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Every unchecked object access, sorted by endpoint and reference. */
    public List<ObjectAccess> uncheckedAccesses() {
        List<ObjectAccess> out = new ArrayList<>();
        // one analysis per handler (several routes may share it), handlers in parallel
        Map<String, Endpoint> firstRoute = new LinkedHashMap<>();
        for (Endpoint e : facts.endpoints()) {
            Access access = facts.get(EffectiveAccessResolver.SECURITY).access(e);
            if (access.level() != AccessLevel.DENIED && !adminOnly(access)) {
                firstRoute.putIfAbsent(handlerKey(e), e);
            }
        }
        Map<String, List<ObjectAccess>> byHandler = new ConcurrentHashMap<>();
        // one task per controller: its handlers mostly reach the same services, so one thread parses them once
        // while the other works on another controller (per-handler tasks made both threads wait on the same files)
        Map<String, List<Map.Entry<String, Endpoint>>> byController = new LinkedHashMap<>();
        for (Map.Entry<String, Endpoint> en : firstRoute.entrySet()) {
            byController.computeIfAbsent(en.getValue().controllerType(), k -> new ArrayList<>()).add(en);
        }
        // controllers with more handlers first, then whichever thread is free takes the next one
        List<List<Map.Entry<String, Endpoint>>> groups = new ArrayList<>(byController.values());
        groups.sort(Comparator.comparingInt((List<Map.Entry<String, Endpoint>> g) -> g.size()).reversed());
        facts.scheduler().each(groups, group -> {
            for (Map.Entry<String, Endpoint> en : group) {
                byHandler.put(en.getKey(), analyseHandler(en.getValue()));
            }
        });
        for (Endpoint e : facts.endpoints()) {
            List<ObjectAccess> perHandler = byHandler.get(handlerKey(e));
            if (perHandler == null) {
                continue;
            }
            for (ObjectAccess a : perHandler) {
                out.add(new ObjectAccess(e, a.reference(), a.referenceName(), a.sink(), a.inferred(), a.flow(),
                        a.sinkLocation()));
            }
        }
        out.sort(Comparator.comparing((ObjectAccess a) -> a.endpoint().path())
                .thenComparing(a -> a.endpoint().httpMethod()).thenComparing(ObjectAccess::referenceName));
        return out;
    }

    private static String handlerKey(Endpoint e) {
        return e.controllerType() + "#" + e.handler().signature() + "@" + e.handler().location();
    }

    private static boolean adminOnly(Access access) {
        if (access.level() != AccessLevel.RESTRICTED || access.authorities().isEmpty()) {
            return false;
        }
        for (String a : access.authorities()) {
            String role = a.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "").replaceFirst("^SCOPE_", "");
            boolean admin = ADMIN_WORDS.stream().anyMatch(w -> role.equals(w) || role.startsWith(w + "_")
                    || role.endsWith("_" + w) || role.startsWith(w + ":") || role.endsWith(":" + w));
            if (!admin) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ references

    private List<ObjectAccess> analyseHandler(Endpoint e) {
        try {
            return analyseHandlerUnguarded(e);
        } catch (RuntimeException | StackOverflowError ex) {
            facts.notifications().warning(e.location().file(), e.location().startLine(),
                    "object-level access of " + e.route() + " not analysed: " + ex);
            return List.of();
        }
    }

    private List<ObjectAccess> analyseHandlerUnguarded(Endpoint e) {
        if (annotationSanitizes(e.handler(), e) || annotationSanitizes(e.mappingSource(), e)
                || classAnnotationSanitizes(e)) {
            return List.of();
        }
        Optional<TypeIndex.MethodSyntax> syntax = index.syntax(e.handler());
        Optional<MethodDeclaration> decl = syntax.map(TypeIndex.MethodSyntax::declaration);
        Optional<TypeInfo> owner = index.type(e.handler().declaringType());
        Optional<ParsedFile> file = syntax.map(TypeIndex.MethodSyntax::file);
        if (decl.isEmpty() || owner.isEmpty() || file.isEmpty() || decl.get().getBody().isEmpty()) {
            return List.of();
        }
        List<ObjectAccess> out = new ArrayList<>();
        Set<Integer> principalParams = new HashSet<>();
        for (int i = 0; i < e.parameters().size(); i++) {
            BindingSource s = e.parameters().get(i).source();
            if (s == BindingSource.PRINCIPAL || s == BindingSource.SECURITY_CONTEXT) {
                principalParams.add(i);
            }
        }
        for (int i = 0; i < e.parameters().size() && i < decl.get().getParameters().size(); i++) {
            EndpointParameter p = e.parameters().get(i);
            Parameter node = decl.get().getParameter(i);
            SourceLocation paramLocation = Locations.of(file.get(), node);
            if ((p.source() == BindingSource.PATH || p.source() == BindingSource.QUERY) && isPersistent(p.type())) {
                if (!isOwned(p.type().qualifiedName())) {
                    continue;
                }
                // Spring Data domain-class conversion: the framework loads the entity by id before the handler runs
                Taint t = new Taint();
                t.loaded.add(p.name());
                t.principal.addAll(names(decl.get(), principalParams));
                scan(decl.get(), file.get(), owner.get(), t, 0, new HashSet<>());
                if (!t.sanitized) {
                    out.add(new ObjectAccess(e, p, p.boundName(), "domain class conversion of "
                            + p.type().simpleName(), false, List.of(new FlowStep(paramLocation, "'" + p.boundName()
                            + "' is converted to a " + p.type().simpleName() + " loaded by id")), paramLocation));
                }
                continue;
            }
            List<String> referenceNames = new ArrayList<>();
            Map<String, Set<String>> dtoFields = new HashMap<>();
            if ((p.source() == BindingSource.PATH || p.source() == BindingSource.QUERY) && isReference(p)) {
                referenceNames.add(p.name());
            } else if (p.source() == BindingSource.BODY || p.source() == BindingSource.MODEL_ATTRIBUTE) {
                Set<String> fields = dtoReferenceFields(p.type());
                if (!fields.isEmpty()) {
                    dtoFields.put(p.name(), fields);
                }
            }
            if (referenceNames.isEmpty() && dtoFields.isEmpty()) {
                continue;
            }
            Taint t = new Taint();
            t.tainted.addAll(referenceNames);
            t.dtoFields.putAll(dtoFields);
            t.principal.addAll(names(decl.get(), principalParams));
            Summary s = scan(decl.get(), file.get(), owner.get(), t, 0, new HashSet<>());
            for (SinkPath path : s.paths) {
                if (path.sanitized || t.sanitized) {
                    continue;
                }
                String refName = referenceNames.isEmpty() ? p.name() + "." + path.dtoField : p.name();
                if (referenceNames.isEmpty() && path.dtoField == null) {
                    refName = p.name();
                }
                List<FlowStep> flow = new ArrayList<>();
                flow.add(new FlowStep(paramLocation, "'" + refName + "' (" + p.source().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + ") enters " + e.route()));
                flow.addAll(path.steps);
                out.add(new ObjectAccess(e, p, refName, path.sink, path.inferred, flow,
                        path.steps.get(path.steps.size() - 1).location()));
                break; // one finding per endpoint and reference
            }
        }
        return out;
    }

    private static List<String> names(MethodDeclaration decl, Set<Integer> indices) {
        List<String> out = new ArrayList<>();
        for (int i : indices) {
            if (i < decl.getParameters().size()) {
                out.add(decl.getParameter(i).getNameAsString());
            }
        }
        return out;
    }

    private boolean isReference(EndpointParameter p) {
        String simple = p.type().simpleName();
        if (simple.equals("UUID")) {
            return true;
        }
        if (!isScalar(p.type())) {
            return false;
        }
        return REFERENCE_NAME.matcher(p.boundName()).matches() || REFERENCE_NAME.matcher(p.name()).matches()
                || repositories.idFieldNames().contains(p.name()) || repositories.idFieldNames().contains(p.boundName());
    }

    private static boolean isScalar(TypeRef t) {
        return Set.of("long", "int", "Long", "Integer", "String", "UUID", "short", "Short", "BigInteger",
                "BigDecimal", "CharSequence", "ObjectId").contains(t.simpleName()) && t.arrayLevels() == 0;
    }

    private boolean isPersistent(TypeRef type) {
        return facts.get(PersistenceModel.FACT).isPersistent(type.qualifiedName());
    }

    private Set<String> dtoReferenceFields(TypeRef type) {
        Set<String> out = new HashSet<>();
        Optional<TypeInfo> t = index.typeWithMethods(type.qualifiedName(), ""); // fields are what matters
        if (t.isEmpty() || isPersistent(type)) {
            return out;
        }
        for (FieldInfo f : t.get().fields()) {
            if (!f.isStatic() && isScalar(f.type()) && (REFERENCE_NAME.matcher(f.name()).matches()
                    || f.type().simpleName().equals("UUID")) && !f.name().equalsIgnoreCase("id")) {
                out.add(f.name());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ annotations

    private boolean annotationSanitizes(MethodInfo method, Endpoint e) {
        for (AnnotationInfo a : method.annotations()) {
            if (expressionSanitizes(a, method)) {
                return true;
            }
        }
        for (dev.apisec.core.lang.AnnotationLookup.Found f : facts.annotations().findAll(method.annotations(),
                n -> n.endsWith("PreAuthorize") || n.endsWith("PostAuthorize") || n.endsWith("PostFilter"))) {
            if (expressionSanitizes(f.annotation(), method)) {
                return true;
            }
        }
        return false;
    }

    private boolean classAnnotationSanitizes(Endpoint e) {
        return index.type(e.controllerType()).map(t -> t.annotations().stream()
                .anyMatch(a -> expressionSanitizes(a, e.handler()))).orElse(false);
    }

    private boolean expressionSanitizes(AnnotationInfo a, MethodInfo method) {
        String n = a.simpleName();
        if (!(n.equals("PreAuthorize") || n.equals("PostAuthorize") || n.equals("PostFilter") || n.equals("PreFilter"))) {
            return false;
        }
        ValueExpr v = a.attribute("value");
        Optional<String> expr = v == null ? Optional.empty() : facts.constants().string(v);
        if (expr.isEmpty()) {
            return true; // an expression apisec cannot read may well be the check: stay quiet
        }
        String s = expr.get();
        if (s.contains("returnObject") || s.contains("filterObject") || s.contains("hasPermission") || s.contains("@")) {
            return true;
        }
        for (var p : method.parameters()) {
            if (s.contains("#" + p.name())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ intra- and inter-procedural scan

    /** Taint state of one method scan. */
    private static final class Taint {
        final Set<String> tainted = new HashSet<>();
        final Set<String> principal = new HashSet<>();
        final Set<String> loaded = new HashSet<>();
        final Map<String, Set<String>> dtoFields = new HashMap<>();
        boolean sanitized;
    }

    private record SinkPath(List<FlowStep> steps, String sink, boolean inferred, boolean sanitized, String dtoField) {
    }

    /**
     * What a method does with its tainted parameters. {@code cut} is true when a recursive call was not followed
     * (the summary depends on the call stack it was computed on): such summaries are not cached, so results never
     * depend on the order in which handlers are analysed.
     */
    private record Summary(List<SinkPath> paths, boolean sanitizes, boolean cut) {
    }

    private Summary scan(MethodDeclaration method, ParsedFile file, TypeInfo owner, Taint t, int depth,
                         Set<String> stack) {
        if (method.getBody().isEmpty()) {
            return new Summary(List.of(), false, false);
        }
        Map<String, TypeRef> localTypes = callTargets.localTypes(method, owner);
        // propagate through locals, twice so that loops settle
        for (int round = 0; round < 2; round++) {
            for (Node n : method.getBody().get().findAll(Node.class)) {
                if (n instanceof VariableDeclarator v && v.getInitializer().isPresent()) {
                    assign(v.getNameAsString(), v.getInitializer().get(), t, owner, localTypes);
                } else if (n instanceof AssignExpr a && a.getTarget() instanceof NameExpr target) {
                    assign(target.getNameAsString(), a.getValue(), t, owner, localTypes);
                } else if (n instanceof LambdaExpr lambda && lambda.getParameters().size() == 1
                        && lambda.getParentNode().orElse(null) instanceof MethodCallExpr call
                        && call.getScope().map(s -> isLoadedOrTainted(s, t)).orElse(false)) {
                    t.loaded.add(lambda.getParameter(0).getNameAsString());
                }
            }
        }
        List<MethodCallExpr> calls = method.getBody().get().findAll(MethodCallExpr.class);
        calls.sort(Comparator.comparing((MethodCallExpr c) -> c.getName().getBegin().map(p -> p.line).orElse(0))
                .thenComparing(c -> c.getName().getBegin().map(p -> p.column).orElse(0)));
        List<SinkPath> paths = new ArrayList<>();
        boolean sanitizes = false;
        boolean cut = false;
        for (BinaryExpr b : method.getBody().get().findAll(BinaryExpr.class)) {
            if ((b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
                    && !(b.getLeft() instanceof LiteralExpr) && !(b.getRight() instanceof LiteralExpr)
                    && (mentionsPrincipal(b.getLeft(), t) != mentionsPrincipal(b.getRight(), t))) {
                sanitizes = true;
            }
        }
        for (MethodCallExpr call : calls) {
            if (isOwnershipComparison(call, t) || isChecker(call, t)) {
                sanitizes = true;
                continue;
            }
            List<Integer> taintedArgs = new ArrayList<>();
            List<Integer> principalArgs = new ArrayList<>();
            String dtoField = null;
            for (int i = 0; i < call.getArguments().size(); i++) {
                Expression arg = call.getArgument(i);
                Optional<String> field = dtoFieldRead(arg, t);
                if (isTainted(arg, t) || field.isPresent()) {
                    taintedArgs.add(i);
                    if (field.isPresent()) {
                        dtoField = field.get();
                    }
                }
                if (isPrincipal(arg, t, owner, localTypes)) {
                    principalArgs.add(i);
                }
            }
            if (taintedArgs.isEmpty()) {
                continue;
            }
            Optional<Sink> sink = sink(call, owner, localTypes);
            if (sink.isPresent() && !isOwned(sink.get().domainType())) {
                continue; // a shared object (no owner-like attribute): nothing to check ownership against
            }
            if (sink.isPresent()) {
                boolean principalInQuery = !principalArgs.isEmpty() || sink.get().principalInQuery();
                paths.add(new SinkPath(List.of(new FlowStep(Locations.of(file, call), "reaches "
                        + sink.get().name())), sink.get().name(), sink.get().inferred(), principalInQuery, dtoField));
                continue;
            }
            if (depth >= MAX_DEPTH) {
                continue;
            }
            for (MethodInfo target : callTargets.of(call, owner, localTypes, q -> true)) {
                if (annotationSanitizesCallee(target)) {
                    sanitizes = true;
                    continue;
                }
                Optional<TypeIndex.MethodSyntax> calleeSyntax = index.syntax(target);
                Optional<MethodDeclaration> calleeDecl = calleeSyntax.map(TypeIndex.MethodSyntax::declaration);
                Optional<TypeInfo> calleeOwner = index.typeWithMethods(target.declaringType(), target.name());
                if (calleeDecl.isEmpty() || calleeOwner.isEmpty()) {
                    continue;
                }
                String key = target.declaringType() + "#" + target.signature() + "@" + target.location().startLine()
                        + taintedArgs + principalArgs;
                if (stack.contains(key)) {
                    cut = true;
                    continue; // recursion: cut the cycle
                }
                Summary callee = summaries.get(key);
                if (callee == null) {
                    Taint ct = new Taint();
                    for (int i : taintedArgs) {
                        if (i < calleeDecl.get().getParameters().size()) {
                            ct.tainted.add(calleeDecl.get().getParameter(i).getNameAsString());
                        }
                    }
                    for (int i : principalArgs) {
                        if (i < calleeDecl.get().getParameters().size()) {
                            ct.principal.add(calleeDecl.get().getParameter(i).getNameAsString());
                        }
                    }
                    stack.add(key);
                    callee = scan(calleeDecl.get(), calleeSyntax.get().file(), calleeOwner.get(), ct, depth + 1, stack);
                    stack.remove(key);
                    if (!callee.cut()) {
                        summaries.put(key, callee);
                    }
                }
                String callText = simpleName(target.declaringType()) + "." + target.name();
                for (SinkPath p : callee.paths) {
                    List<FlowStep> steps = new ArrayList<>();
                    steps.add(new FlowStep(Locations.of(file, call), "passed to " + callText));
                    steps.addAll(p.steps);
                    paths.add(new SinkPath(steps, p.sink, p.inferred, p.sanitized || callee.sanitizes, dtoField));
                }
                cut |= callee.cut();
                if (callee.sanitizes && callee.paths.isEmpty()) {
                    sanitizes = true;
                }
            }
        }
        if (sanitizes) {
            t.sanitized = true;
            List<SinkPath> marked = new ArrayList<>();
            for (SinkPath p : paths) {
                marked.add(new SinkPath(p.steps, p.sink, p.inferred, true, p.dtoField));
            }
            return new Summary(marked, true, cut);
        }
        return new Summary(paths, false, cut);
    }

    private boolean annotationSanitizesCallee(MethodInfo target) {
        for (AnnotationInfo a : target.annotations()) {
            if (expressionSanitizes(a, target)) {
                return true;
            }
        }
        return false;
    }

    private void assign(String name, Expression value, Taint t, TypeInfo owner, Map<String, TypeRef> localTypes) {
        if (isPrincipal(value, t, owner, localTypes)) {
            t.principal.add(name);
        }
        boolean hasCallWithTaint = value.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getArguments().stream().anyMatch(a -> isTainted(a, t) || dtoFieldRead(a, t).isPresent()));
        if (hasCallWithTaint || isLoadedOrTaintedChain(value, t)) {
            t.loaded.add(name);
        }
        if (!hasCallWithTaint && (isTainted(value, t) || dtoFieldRead(value, t).isPresent())) {
            t.tainted.add(name);
        }
    }

    private boolean isLoadedOrTaintedChain(Expression value, Taint t) {
        return value instanceof MethodCallExpr c && c.getScope().map(s -> s instanceof NameExpr n
                && t.loaded.contains(n.getNameAsString())).orElse(false);
    }

    private boolean isLoadedOrTainted(Expression e, Taint t) {
        for (NameExpr n : names(e)) {
            if (t.loaded.contains(n.getNameAsString()) || t.tainted.contains(n.getNameAsString())) {
                return true;
            }
        }
        return e.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getArguments().stream().anyMatch(a -> isTainted(a, t)));
    }

    private static List<NameExpr> names(Expression e) {
        List<NameExpr> out = new ArrayList<>();
        if (e instanceof NameExpr n) {
            out.add(n);
        }
        out.addAll(e.findAll(NameExpr.class));
        return out;
    }

    /** An expression derived from the reference (not from a lookup's result). */
    private boolean isTainted(Expression e, Taint t) {
        if (e instanceof NameExpr n) {
            return t.tainted.contains(n.getNameAsString());
        }
        if (e instanceof EnclosedExpr en) {
            return isTainted(en.getInner(), t);
        }
        if (e instanceof CastExpr c) {
            return isTainted(c.getExpression(), t);
        }
        if (e instanceof LiteralExpr || e instanceof LambdaExpr) {
            return false;
        }
        if (e instanceof MethodCallExpr c) {
            // id.toString(), UUID.fromString(id), Long.valueOf(id), String.valueOf(id)
            boolean scopeTainted = c.getScope().map(s -> isTainted(s, t)).orElse(false);
            boolean conversion = c.getScope().map(s -> s.toString().matches("UUID|Long|Integer|String|Objects|ObjectId"))
                    .orElse(false) && c.getArguments().stream().anyMatch(a -> isTainted(a, t));
            return scopeTainted || conversion || dtoFieldRead(c, t).isPresent();
        }
        if (e instanceof ObjectCreationExpr oc) {
            return oc.getType().getNameAsString().equals("ObjectId") && oc.getArguments().stream().anyMatch(a -> isTainted(a, t));
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return isTainted(b.getLeft(), t) || isTainted(b.getRight(), t);
        }
        if (e instanceof FieldAccessExpr fa) {
            return dtoFieldRead(fa, t).isPresent();
        }
        return false;
    }

    /** {@code request.getOrderId()}, {@code request.orderId()}, {@code request.orderId} on a body DTO. */
    private Optional<String> dtoFieldRead(Expression e, Taint t) {
        if (t.dtoFields.isEmpty()) {
            return Optional.empty();
        }
        if (e instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()
                && c.getScope().get() instanceof NameExpr n && t.dtoFields.containsKey(n.getNameAsString())) {
            String name = c.getNameAsString();
            String field = name.startsWith("get") && name.length() > 3
                    ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
            return t.dtoFields.get(n.getNameAsString()).contains(field) ? Optional.of(field) : Optional.empty();
        }
        if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof NameExpr n
                && t.dtoFields.containsKey(n.getNameAsString())
                && t.dtoFields.get(n.getNameAsString()).contains(fa.getNameAsString())) {
            return Optional.of(fa.getNameAsString());
        }
        return Optional.empty();
    }

    /** The current user: principal parameters, SecurityContextHolder, getUserPrincipal(), current-user helpers. */
    private boolean isPrincipal(Expression e, Taint t, TypeInfo owner, Map<String, TypeRef> localTypes) {
        if (e instanceof NameExpr n) {
            return t.principal.contains(n.getNameAsString());
        }
        if (e instanceof EnclosedExpr en) {
            return isPrincipal(en.getInner(), t, owner, localTypes);
        }
        if (e instanceof CastExpr c) {
            return isPrincipal(c.getExpression(), t, owner, localTypes);
        }
        if (e instanceof FieldAccessExpr fa) {
            return isPrincipal(fa.getScope(), t, owner, localTypes);
        }
        if (e instanceof MethodCallExpr c) {
            String name = c.getNameAsString();
            if (c.getScope().isPresent() && isPrincipal(c.getScope().get(), t, owner, localTypes)) {
                return true;
            }
            if (name.equals("getUserPrincipal") || name.equals("getRemoteUser")
                    || (name.equals("getAuthentication") && c.toString().contains("SecurityContextHolder"))
                    || c.toString().startsWith("SecurityContextHolder.getContext()")) {
                return true;
            }
            if (principalMethodNames.contains(name)) {
                return true;
            }
            // a project helper that derives the user from the request or token: only names that could mean it
            // are resolved, so that ordinary calls do not send the analysis into every service
            if (c.getArguments().size() <= 1 && PRINCIPAL_HELPER_NAME.matcher(name).find()) {
                for (MethodInfo target : callTargets.of(c, owner, localTypes, q -> true)) {
                    if (readsPrincipal(target)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A project method whose body reads the principal, a JWT or the Authorization header. */
    private boolean readsPrincipal(MethodInfo method) {
        String key = method.declaringType() + "#" + method.signature() + "@" + method.location().startLine();
        Boolean known = principalHelpers.get(key);
        if (known != null) {
            return known;
        }
        boolean reads = index.declaration(method).map(d -> {
            String text = d.toString();
            return text.contains("SecurityContextHolder") || text.contains("getUserPrincipal")
                    || text.contains("\"Authorization\"") || text.contains("getRemoteUser")
                    || text.contains("JwtDecoder") || text.contains("getSubject()") || text.contains("AUTHORIZATION");
        }).orElse(false);
        principalHelpers.putIfAbsent(key, reads);
        return reads;
    }

    /** {@code a.equals(b)}, {@code Objects.equals(a, b)} or {@code a == b} with the principal on one side. */
    private boolean isOwnershipComparison(MethodCallExpr call, Taint t) {
        String name = call.getNameAsString();
        if (!(name.equals("equals") || name.equals("equalsIgnoreCase") || name.equals("isEqualTo")
                || name.equals("contentEquals"))) {
            return false;
        }
        List<Expression> sides = new ArrayList<>(call.getArguments());
        call.getScope().ifPresent(sides::add);
        boolean principal = false;
        boolean other = false;
        for (Expression side : sides) {
            if (side instanceof NameExpr n && n.getNameAsString().equals("Objects")) {
                continue;
            }
            if (mentionsPrincipal(side, t)) {
                principal = true;
            } else if (!(side instanceof LiteralExpr)) {
                other = true;
            }
        }
        return principal && other;
    }

    private boolean mentionsPrincipal(Expression e, Taint t) {
        for (NameExpr n : names(e)) {
            if (t.principal.contains(n.getNameAsString())) {
                return true;
            }
        }
        String text = e.toString();
        return text.contains("SecurityContextHolder") || text.contains("getUserPrincipal()")
                || text.contains("getRemoteUser()") || principalMethodNames.stream().anyMatch(m -> text.contains(m + "("));
    }

    private boolean isChecker(MethodCallExpr call, Taint t) {
        String name = call.getNameAsString();
        if (checkers.stream().noneMatch(p -> p.matcher(name).matches())) {
            return false;
        }
        for (Expression arg : call.getArguments()) {
            if (isTainted(arg, t) || isLoadedOrTainted(arg, t) || dtoFieldRead(arg, t).isPresent()) {
                return true;
            }
        }
        return call.getScope().map(s -> isLoadedOrTainted(s, t)).orElse(false);
    }

    /** @param domainType the loaded type when known (repository domain type, EntityManager class argument) */
    private record Sink(String name, boolean inferred, boolean principalInQuery, String domainType) {
    }

    /** Field names that tie an object to a user, tenant or account. */
    private static final Pattern OWNER_FIELD = Pattern.compile(
            "(?i)(owner|user|customer|account|tenant|createdBy|creator|author|member|patient|client|employee"
                    + "|organi[sz]ation|org|subscriber|buyer|seller|holder|profile|principal)(Id|Name|Uuid|_id)?");

    /**
     * Whether objects of {@code type} belong to someone: it (or a supertype) has an owner-like field. Unknown
     * types count as owned (stay careful); a catalogue entity without any such field is shared by design.
     */
    private boolean isOwned(String type) {
        if (type == null) {
            return true;
        }
        Optional<TypeInfo> t = index.type(type);
        if (t.isEmpty()) {
            return true;
        }
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(t.get());
        chain.addAll(index.allSupertypes(t.get()));
        for (TypeInfo c : chain) {
            for (FieldInfo f : c.fields()) {
                if (!f.isStatic() && OWNER_FIELD.matcher(f.name()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<Sink> sink(MethodCallExpr call, TypeInfo owner, Map<String, TypeRef> localTypes) {
        String name = call.getNameAsString();
        Optional<String> receiver = callTargets.receiverType(call, localTypes);
        String simple = receiver.map(OwnershipAnalysis::simpleName).orElse("");
        if (receiver.isPresent() && repositories.isRepository(receiver.get())) {
            Optional<MethodInfo> declared = index.type(receiver.get()).flatMap(r -> r.methods().stream()
                    .filter(m -> m.name().equals(name)).findFirst());
            Optional<String> query = declared.flatMap(repositories::queryOf);
            boolean principalInQuery = query.map(q -> q.contains("#{principal") || q.contains("#{authentication")
                    || q.contains("?#{") || q.contains(":#{")).orElse(false);
            if (Repositories.isLookupMethod(name) || query.isPresent()) {
                String domain = repositories.domainTypeOf(receiver.get()).orElse(null);
                // a repository of an entity outside the project: the lookup is certain, its ownership is not
                boolean inferred = domain == null || !index.isProjectType(domain);
                return Optional.of(new Sink(simple + "." + name, inferred, principalInQuery, inferred ? null : domain));
            }
            return Optional.empty();
        }
        switch (simple) {
            case "EntityManager" -> {
                if (name.equals("find") || name.equals("getReference") || name.equals("createQuery")
                        || name.equals("createNativeQuery")) {
                    return Optional.of(new Sink("EntityManager." + name, false, false, classArgument(call, owner)));
                }
            }
            case "Session" -> {
                if (Set.of("get", "load", "byId", "find", "getReference").contains(name)) {
                    return Optional.of(new Sink("Session." + name, false, false, classArgument(call, owner)));
                }
            }
            case "JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcClient" -> {
                if (name.startsWith("query") || name.equals("update") || name.equals("sql") || name.equals("param")) {
                    return Optional.of(new Sink(simple + "." + name, false, false, null));
                }
            }
            case "MongoTemplate", "ReactiveMongoTemplate", "MongoOperations" -> {
                if (Set.of("findById", "findOne", "remove", "findAndModify", "findAndRemove").contains(name)) {
                    return Optional.of(new Sink(simple + "." + name, false, false, classArgument(call, owner)));
                }
            }
            default -> {
            }
        }
        // a lookup on a type outside the project (a library DAO): recognised by name only
        if (receiver.isEmpty() || !index.isProjectType(receiver.get())) {
            if (Set.of("findById", "getById", "getReferenceById", "deleteById", "existsById", "findOneById")
                    .contains(name) && call.getScope().isPresent()) {
                return Optional.of(new Sink((simple.isEmpty() ? call.getScope().get().toString() : simple) + "." + name,
                        true, false, null));
            }
        }
        return Optional.empty();
    }

    /** {@code em.find(Invoice.class, id)}: the class literal argument, resolved. */
    private String classArgument(MethodCallExpr call, TypeInfo owner) {
        for (Expression a : call.getArguments()) {
            if (a instanceof com.github.javaparser.ast.expr.ClassExpr c) {
                return index.resolve(c.getType().asString(), owner);
            }
        }
        return null;
    }





    private static String simpleName(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
    }
}
