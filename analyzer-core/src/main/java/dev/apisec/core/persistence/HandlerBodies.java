package dev.apisec.core.persistence;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.parse.ParsedFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads handler bodies for what the declared signature does not say: the type of the values a handler returns
 * (through {@code ResponseEntity}/{@code Response} builders and local variables) and property copies from a
 * request object onto a persistent type ({@code BeanUtils.copyProperties}, {@code ModelMapper.map}, Dozer
 * {@code Mapper.map}). Expression types are inferred simply and precisely: declared locals, parameters and fields,
 * {@code new X(..)}, casts, repository methods of a known domain type, {@code Optional} unwrapping, and project
 * methods' declared return types; anything else is unknown. Syntax trees are parsed through the cache and not kept.
 */
public final class HandlerBodies {

    /** Project methods are followed this deep when looking for property copies (handler → service → helper). */
    public static final int MAX_CALL_DEPTH = 2;

    private static final Set<String> UNWRAPPING_CALLS = Set.of("orElseThrow", "orElse", "orElseGet", "get", "join",
            "block", "getBody", "blockOptional");
    private static final Set<String> WRAPPERS = Set.of("Optional", "CompletableFuture", "Mono", "ResponseEntity",
            "HttpEntity", "Future", "CompletionStage");

    private final TypeIndex types;
    private final PersistenceModel persistence;

    public HandlerBodies(TypeIndex types, PersistenceModel persistence) {
        this.types = types;
        this.persistence = persistence;
    }

    /**
     * A value a method returns as its response body.
     *
     * @param type       the inferred type of the body
     * @param expression the body expression as written ({@code user})
     * @param returned   the return statement's expression as written ({@code ResponseEntity.ok(user)})
     * @param location   the return statement
     */
    public record ReturnedValue(TypeRef type, String expression, String returned, SourceLocation location) {
    }

    /**
     * A whole-object property copy onto a persistent type.
     *
     * @param call       the call as written, e.g. {@code BeanUtils.copyProperties(form, customer)}
     * @param targetType the persistent type written to
     * @param location   the call
     */
    public record PropertyCopy(String call, String targetType, SourceLocation location) {
    }

    /** The typed response bodies of {@code method}'s return statements (lambda and inner-class returns excluded). */
    public List<ReturnedValue> returnedValues(MethodInfo method) {
        List<ReturnedValue> out = new ArrayList<>();
        withBody(method, (file, decl, scope) -> {
            for (ReturnStmt r : decl.findAll(ReturnStmt.class)) {
                if (r.getExpression().isEmpty() || !ownedBy(r, decl)) {
                    continue;
                }
                Expression returned = r.getExpression().get();
                Expression body = responseBody(returned);
                Optional<TypeRef> type = scope.typeOf(body, 0);
                type.ifPresent(t -> out.add(new ReturnedValue(t, body.toString(), returned.toString(),
                        Locations.of(file, r))));
            }
        });
        return out;
    }

    /** True when {@code method}'s body calls a method named {@code name} (e.g. {@code setAllowedFields}). */
    public boolean calls(MethodInfo method, String name) {
        boolean[] found = {false};
        withBody(method, (file, decl, scope) -> found[0] = decl.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals(name)));
        return found[0];
    }

    /**
     * Property copies onto persistent types whose source is parameter {@code parameterIndex} of {@code method},
     * there or in project methods it passes the parameter to (up to {@link #MAX_CALL_DEPTH} calls deep).
     */
    public List<PropertyCopy> propertyCopies(MethodInfo method, int parameterIndex) {
        List<PropertyCopy> out = new ArrayList<>();
        copies(method, parameterIndex, 0, new LinkedHashSet<>(), out);
        return out;
    }

    private void copies(MethodInfo method, int parameterIndex, int depth, Set<String> seen, List<PropertyCopy> out) {
        if (depth > MAX_CALL_DEPTH || !seen.add(method.declaringType() + "#" + method.signature() + "@"
                + parameterIndex)) {
            return;
        }
        List<MethodCall> calls = new ArrayList<>();
        withBody(method, (file, decl, scope) -> {
            if (parameterIndex >= decl.getParameters().size()) {
                return;
            }
            String source = decl.getParameter(parameterIndex).getNameAsString();
            for (MethodCallExpr call : decl.findAll(MethodCallExpr.class)) {
                if (!ownedBy(call, decl) && call.findAncestor(LambdaExpr.class).isEmpty()) {
                    continue;
                }
                copyTarget(call, source, scope, method).ifPresent(target -> out.add(new PropertyCopy(
                        call.toString(), target, Locations.of(file, call))));
                for (int i = 0; i < call.getArguments().size(); i++) {
                    if (call.getArgument(i) instanceof NameExpr n && n.getNameAsString().equals(source)) {
                        int index = i;
                        scope.callee(call, this::mayCopyProperties)
                                .ifPresent(callee -> calls.add(new MethodCall(callee, index)));
                    }
                }
            }
        });
        for (MethodCall c : calls) {
            copies(c.callee(), c.argument(), depth + 1, seen, out);
        }
    }

    private record MethodCall(MethodInfo callee, int argument) {
    }

    /**
     * Whether a project type (or a class implementing it) mentions a property-copy API, from the pre-scan alone,
     * so that following calls does not parse every service. The handler's own class is always examined.
     */
    private boolean mayCopyProperties(String qualifiedName) {
        Optional<dev.apisec.core.source.SourceFile> file = types.fileOf(qualifiedName);
        if (file.isEmpty()) {
            return false;
        }
        if (types.facts(file.get()).markers().contains(dev.apisec.core.source.Marker.PROPERTY_COPY)) {
            return true;
        }
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return types.filesNamingSupertype(simple).stream()
                .anyMatch(f -> types.facts(f).markers().contains(dev.apisec.core.source.Marker.PROPERTY_COPY));
    }

    /** The persistent type {@code call} copies the object named {@code source} onto. */
    private Optional<String> copyTarget(MethodCallExpr call, String source, Scope scope, MethodInfo method) {
        String name = call.getNameAsString();
        NodeList<Expression> args = call.getArguments();
        if (name.equals("copyProperties") && args.size() >= 2 && call.getScope().isPresent()) {
            String utility = call.getScope().get().toString();
            if (!utility.endsWith("BeanUtils") && !utility.endsWith("PropertyUtils")) {
                return Optional.empty();
            }
            boolean apache = scope.context.imports().stream().anyMatch(i -> i.startsWith("org.apache.commons.beanutils"));
            Expression from = apache ? args.get(1) : args.get(0);
            Expression to = apache ? args.get(0) : args.get(1);
            if (args.size() > 2) {
                // Spring's ignoreProperties or editable class: the copy is restricted, not wholesale
                return Optional.empty();
            }
            return isName(from, source) ? persistentTarget(scope.typeOf(to, 0)) : Optional.empty();
        }
        if (name.equals("map") && args.size() >= 2 && call.getScope().isPresent() && isName(args.get(0), source)) {
            Optional<TypeRef> mapper = scope.typeOf(call.getScope().get(), 0);
            if (mapper.isEmpty() || !isMapper(mapper.get())) {
                return Optional.empty();
            }
            Expression to = args.get(1);
            if (to instanceof ClassExpr c) {
                return persistentTarget(Optional.of(scope.ref(c.getType())));
            }
            return persistentTarget(scope.typeOf(to, 0));
        }
        return Optional.empty();
    }

    private static boolean isMapper(TypeRef t) {
        String q = t.qualifiedName();
        return q.startsWith("org.modelmapper.") || q.startsWith("org.dozer.") || q.startsWith("com.github.dozermapper.")
                || (!q.contains(".") && (q.equals("ModelMapper") || q.equals("DozerBeanMapper")));
    }

    private Optional<String> persistentTarget(Optional<TypeRef> type) {
        return type.filter(t -> persistence.isPersistent(t.qualifiedName())).map(TypeRef::qualifiedName);
    }

    private static boolean isName(Expression e, String name) {
        return e instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    /** True when {@code node} belongs to {@code decl} itself, not to a lambda or a nested/anonymous class. */
    private static boolean ownedBy(Node node, MethodDeclaration decl) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n == decl) {
                return true;
            }
            if (n instanceof LambdaExpr || n instanceof TypeDeclaration<?> || n instanceof MethodDeclaration
                    || (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
                return false;
            }
        }
        return false;
    }

    /**
     * The body inside a response wrapper: {@code ResponseEntity.ok(x)}, {@code ResponseEntity.status(..).body(x)},
     * {@code new ResponseEntity<>(x, status)}, {@code Response.ok(x).build()},
     * {@code Response.status(..).entity(x).build()}; the expression itself otherwise.
     */
    static Expression responseBody(Expression e) {
        Expression current = strip(e);
        if (current instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()
                && List.of("ResponseEntity", "HttpEntity").contains(o.getType().getNameAsString())
                && !o.getArguments().isEmpty()) {
            Expression first = o.getArgument(0);
            return first.toString().startsWith("HttpStatus") ? current : first;
        }
        if (!(current instanceof MethodCallExpr)) {
            return current;
        }
        // walk the call chain down to its root: Response / ResponseEntity
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression root = current;
        while (root instanceof MethodCallExpr m && chain.size() < 20) {
            chain.add(m);
            root = m.getScope().orElse(null);
        }
        if (!(root instanceof NameExpr n) && !(root instanceof FieldAccessExpr)) {
            return current;
        }
        String rootName = root instanceof NameExpr n2 ? n2.getNameAsString()
                : ((FieldAccessExpr) root).getNameAsString();
        if (!rootName.equals("ResponseEntity") && !rootName.equals("Response")) {
            return current;
        }
        for (MethodCallExpr m : chain) {
            String name = m.getNameAsString();
            if ((name.equals("body") || name.equals("entity")) && m.getArguments().size() == 1) {
                return m.getArgument(0);
            }
        }
        MethodCallExpr first = chain.get(chain.size() - 1);
        String name = first.getNameAsString();
        if ((name.equals("ok") || name.equals("of") || name.equals("ofNullable")) && !first.getArguments().isEmpty()) {
            return first.getArgument(0);
        }
        return current;
    }

    private static Expression strip(Expression e) {
        Expression x = e;
        while (x instanceof EnclosedExpr en) {
            x = en.getInner();
        }
        return x;
    }

    private interface BodyVisitor {
        void visit(ParsedFile file, MethodDeclaration decl, Scope scope);
    }

    private void withBody(MethodInfo method, BodyVisitor visitor) {
        Optional<TypeInfo> type = types.type(method.declaringType());
        if (type.isEmpty()) {
            return;
        }
        Optional<TypeIndex.MethodSyntax> syntax = types.syntax(method);
        if (syntax.isEmpty() || syntax.get().declaration().getBody().isEmpty()) {
            return;
        }
        MethodDeclaration decl = syntax.get().declaration();
        visitor.visit(syntax.get().file(), decl, new Scope(type.get(), decl));
    }

    /** Name → type facts of one method body. */
    private final class Scope {
        private final TypeInfo context;
        private final Map<String, VariableDeclarator> locals = new HashMap<>();
        private final Map<String, Parameter> parameters = new HashMap<>();

        Scope(TypeInfo context, MethodDeclaration decl) {
            this.context = context;
            for (Parameter p : decl.getParameters()) {
                parameters.put(p.getNameAsString(), p);
            }
            for (VariableDeclarator v : decl.findAll(VariableDeclarator.class)) {
                // a name declared twice (separate blocks) is ambiguous: unknown
                if (v.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr)
                        .isPresent()) {
                    if (locals.containsKey(v.getNameAsString())) {
                        locals.put(v.getNameAsString(), null);
                    } else {
                        locals.put(v.getNameAsString(), v);
                    }
                }
            }
        }

        TypeRef ref(Type t) {
            int arrays = 0;
            Type type = t;
            while (type instanceof ArrayType a) {
                arrays++;
                type = a.getComponentType();
            }
            if (type instanceof ClassOrInterfaceType c) {
                String written = c.getNameWithScope();
                String resolved = types.resolve(written, context);
                List<TypeRef> args = new ArrayList<>();
                c.getTypeArguments().ifPresent(list -> list.forEach(a -> args.add(ref(a))));
                return new TypeRef(t.asString(), resolved, args, arrays);
            }
            if (type instanceof WildcardType w) {
                return w.getExtendedType().map(this::ref).orElse(TypeRef.simple("?"));
            }
            return new TypeRef(t.asString(), type.asString(), List.of(), arrays);
        }

        Optional<TypeRef> typeOf(Expression expression, int depth) {
            if (depth > 8) {
                return Optional.empty();
            }
            Expression e = strip(expression);
            if (e instanceof CastExpr c) {
                return Optional.of(ref(c.getType()));
            }
            if (e instanceof ObjectCreationExpr o) {
                return o.getAnonymousClassBody().isPresent() ? Optional.empty() : Optional.of(ref(o.getType()));
            }
            if (e instanceof ConditionalExpr c) {
                Optional<TypeRef> then = typeOf(c.getThenExpr(), depth + 1);
                Optional<TypeRef> other = typeOf(c.getElseExpr(), depth + 1);
                if (then.isPresent() && persistence.persistentType(then.get()).isPresent()) {
                    return then;
                }
                return other.isPresent() && persistence.persistentType(other.get()).isPresent() ? other : then;
            }
            if (e instanceof NameExpr n) {
                return nameType(n.getNameAsString(), depth);
            }
            if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
                return field(context, fa.getNameAsString()).map(FieldInfo::type);
            }
            if (e instanceof MethodCallExpr call) {
                return callType(call, depth);
            }
            return Optional.empty();
        }

        private Optional<TypeRef> nameType(String name, int depth) {
            if (locals.containsKey(name)) {
                VariableDeclarator v = locals.get(name);
                if (v == null) {
                    return Optional.empty();
                }
                boolean inferred = v.getType().isVarType() || v.getType().asString().equals("Object");
                if (inferred) {
                    return v.getInitializer().flatMap(i -> typeOf(i, depth + 1));
                }
                return Optional.of(ref(v.getType()));
            }
            Parameter p = parameters.get(name);
            if (p != null) {
                return Optional.of(ref(p.getType()));
            }
            return field(context, name).map(FieldInfo::type);
        }

        private Optional<FieldInfo> field(TypeInfo type, String name) {
            Optional<FieldInfo> own = type.field(name);
            if (own.isPresent()) {
                return own;
            }
            for (TypeInfo sup : types.allSupertypes(type)) {
                Optional<FieldInfo> inherited = sup.field(name);
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
            return Optional.empty();
        }

        private Optional<TypeRef> callType(MethodCallExpr call, int depth) {
            String name = call.getNameAsString();
            Optional<Expression> scopeExpr = call.getScope();
            if (scopeExpr.isPresent() && scopeExpr.get() instanceof NameExpr n && n.getNameAsString().equals("Optional")
                    && (name.equals("of") || name.equals("ofNullable")) && call.getArguments().size() == 1) {
                return typeOf(call.getArgument(0), depth + 1).map(t -> new TypeRef("Optional<" + t.text() + ">",
                        "java.util.Optional", List.of(t), 0));
            }
            Optional<TypeRef> scopeType = scopeExpr.isEmpty() || scopeExpr.get() instanceof ThisExpr
                    ? Optional.of(TypeRef.simple(context.qualifiedName()))
                    : typeOf(scopeExpr.get(), depth + 1);
            if (scopeType.isEmpty()) {
                return Optional.empty();
            }
            TypeRef st = scopeType.get();
            if (UNWRAPPING_CALLS.contains(name) && WRAPPERS.contains(st.simpleName())) {
                return st.arguments().isEmpty() ? Optional.empty() : Optional.of(st.arguments().get(0));
            }
            Optional<TypeInfo> target = types.type(st.qualifiedName());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            Optional<MethodInfo> declared = method(target.get(), name, call.getArguments().size());
            Optional<String> domain = persistence.domainTypeOf(target.get().qualifiedName());
            if (declared.isPresent()) {
                TypeRef r = declared.get().returnType();
                return r.isVoid() ? Optional.empty() : Optional.of(r);
            }
            return domain.flatMap(d -> crudReturn(name, d));
        }

        /** The project method a call invokes (scope typed as a project type, or an unqualified call). */
        Optional<MethodInfo> callee(MethodCallExpr call) {
            return callee(call, q -> true);
        }

        /** The callee, resolved only when {@code typeFilter} accepts the receiver type (checked before parsing it). */
        Optional<MethodInfo> callee(MethodCallExpr call, java.util.function.Predicate<String> typeFilter) {
            Optional<TypeRef> scopeType = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr
                    ? Optional.of(TypeRef.simple(context.qualifiedName()))
                    : typeOf(call.getScope().get(), 0);
            return scopeType.filter(t -> typeFilter.test(t.qualifiedName()))
                    .flatMap(t -> types.type(t.qualifiedName()))
                    .flatMap(t -> implementation(t, call.getNameAsString(), call.getArguments().size()));
        }

        /** The method with a body: declared in the type, or in its single project implementation. */
        private Optional<MethodInfo> implementation(TypeInfo type, String name, int arity) {
            Optional<MethodInfo> m = method(type, name, arity);
            if (m.isPresent() && !m.get().isAbstract()) {
                return m;
            }
            List<TypeInfo> impls = types.subtypes(type).stream().filter(t -> !t.isAbstract()).toList();
            if (impls.size() == 1) {
                return method(impls.get(0), name, arity).filter(x -> !x.isAbstract());
            }
            return Optional.empty();
        }

        /** A method by name and arity in the type or its project supertypes, when its return type is unambiguous. */
        private Optional<MethodInfo> method(TypeInfo type, String name, int arity) {
            List<TypeInfo> chain = new ArrayList<>();
            chain.add(type);
            chain.addAll(types.allSupertypes(type));
            for (TypeInfo t : chain) {
                List<MethodInfo> found = t.methods().stream()
                        .filter(m -> m.name().equals(name) && m.parameters().size() == arity).toList();
                if (found.size() == 1) {
                    return Optional.of(found.get(0));
                }
                if (found.size() > 1) {
                    return found.stream().map(m -> m.returnType().text()).distinct().count() == 1
                            ? Optional.of(found.get(0)) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    /** Return types of the inherited Spring Data repository methods, for a repository of {@code domain}. */
    private static Optional<TypeRef> crudReturn(String method, String domain) {
        TypeRef d = TypeRef.simple(domain);
        return switch (method) {
            case "findById", "findOne" -> Optional.of(new TypeRef("Optional", "java.util.Optional", List.of(d), 0));
            case "save", "saveAndFlush", "getById", "getReferenceById", "getOne", "insert" -> Optional.of(d);
            case "findAll", "findAllById", "saveAll", "saveAllAndFlush", "insertAll" ->
                    Optional.of(new TypeRef("List", "java.util.List", List.of(d), 0));
            default -> Optional.empty();
        };
    }
}
