package dev.apisec.core.errors;

import dev.apisec.core.errors.DetailLeak.Kind;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Intra-procedural flow of exception detail (messages, stack traces, the exception object) to what a method sends
 * the client: its return value, a thrown {@code ResponseStatusException}, {@code sendError}, the response writer.
 * Follows local variables, concatenation, any call or constructor taking detail text ({@code String.format},
 * builders, DTO constructors), and locals filled through setters, {@code put}/{@code add}/{@code append}.
 * Logging is not a sink: a call's result only matters when it reaches a sink.
 */
final class DetailFlow {

    /** One piece of detail: its kind, the expression it comes from, the exception variable it describes. */
    record Detail(Kind kind, Node source, String variable, boolean chained) {
    }

    /** Detail reaching a sink. */
    record Leak(Node sink, String sinkDescription, Detail detail) {
    }

    private static final Set<String> ERROR_OPERATORS = Set.of("onErrorResume", "onErrorReturn", "exceptionally",
            "handle", "onErrorMap");
    /** Calls that carry an exception object itself into a response body. */
    private static final Set<String> BODY_METHODS = Set.of("body", "ok", "entity", "of", "put", "just", "add",
            "singletonMap", "singletonList", "asList", "addObject", "addAttribute", "setEntity", "setProperty");
    private static final Set<String> WRITER_METHODS = Set.of("write", "print", "println", "printf", "format",
            "append", "writeBytes");
    private static final Set<String> WEB_APPLICATION_EXCEPTIONS = Set.of("WebApplicationException",
            "ClientErrorException", "ServerErrorException", "BadRequestException", "NotFoundException",
            "InternalServerErrorException", "ForbiddenException", "NotAuthorizedException", "NotAllowedException",
            "NotAcceptableException", "NotSupportedException", "ServiceUnavailableException");

    private final MethodDeclaration method;
    private final Map<String, List<String>> exceptionVars = new LinkedHashMap<>();
    private final Map<String, Detail> locals = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> declared = new java.util.HashSet<>();
    private final Set<String> writers = new java.util.HashSet<>();
    private final Set<String> responses = new java.util.HashSet<>();
    private final Set<String> throwables = new java.util.HashSet<>();

    /**
     * @param handlerException the handler's exception parameter with its types, or null (catch blocks only)
     * @param resolve          resolves a type name as written to a qualified name
     */
    DetailFlow(MethodDeclaration method, String handlerException, List<String> handlerTypes,
               Function<String, String> resolve) {
        this.method = method;
        if (handlerException != null) {
            exceptionVars.put(handlerException, handlerTypes);
        }
        for (CatchClause c : method.findAll(CatchClause.class)) {
            exceptionVars.put(c.getParameter().getNameAsString(), types(c.getParameter().getType(), resolve));
        }
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            if (!ERROR_OPERATORS.contains(call.getNameAsString())) {
                continue;
            }
            String type = call.getArguments().stream().filter(ClassExpr.class::isInstance).findFirst()
                    .map(c -> resolve.apply(((ClassExpr) c).getType().asString())).orElse("java.lang.Throwable");
            for (Expression a : call.getArguments()) {
                if (a instanceof LambdaExpr l && !l.getParameters().isEmpty()) {
                    Parameter p = l.getParameters().get(l.getParameters().size() - 1);
                    exceptionVars.put(p.getNameAsString(), List.of(type));
                }
            }
        }
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            declared.add(v.getNameAsString());
        }
    }

    /** The types an exception variable was declared with (qualified when resolvable). */
    List<String> typesOf(String variable) {
        return exceptionVars.getOrDefault(variable, List.of("java.lang.Throwable"));
    }

    boolean isCatchParameter(String variable) {
        return method.findAll(CatchClause.class).stream()
                .anyMatch(c -> c.getParameter().getNameAsString().equals(variable));
    }

    private static List<String> types(Type type, Function<String, String> resolve) {
        List<String> out = new ArrayList<>();
        if (type instanceof UnionType u) {
            u.getElements().forEach(t -> out.add(resolve.apply(t.asString())));
        } else {
            out.add(resolve.apply(type.asString()));
        }
        return out;
    }

    List<Leak> leaks() {
        if (exceptionVars.isEmpty() || method.getBody().isEmpty()) {
            return List.of();
        }
        for (int round = 0; round < 4; round++) {
            if (!propagate()) {
                break;
            }
        }
        List<Leak> out = new ArrayList<>();
        for (Node n : method.getBody().get().findAll(Node.class)) {
            if (insideLambda(n)) {
                continue;
            }
            Leak leak = null;
            if (n instanceof ReturnStmt r && r.getExpression().isPresent()) {
                Detail d = eval(r.getExpression().get());
                leak = d == null ? null : new Leak(r, "returned as the response", d);
            } else if (n instanceof ThrowStmt t) {
                leak = thrown(t);
            } else if (n instanceof MethodCallExpr call) {
                leak = written(call);
            }
            if (leak != null) {
                out.add(leak);
            }
        }
        return out;
    }

    private boolean insideLambda(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null && p != method; p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- propagation through locals

    private boolean propagate() {
        boolean changed = false;
        for (Node n : method.getBody().get().findAll(Node.class)) {
            if (n instanceof VariableDeclarator v && v.getInitializer().isPresent()) {
                Expression init = v.getInitializer().get();
                if (isResponseWriter(init)) {
                    writers.add(v.getNameAsString());
                }
                if (init.toString().contains("entity(")) {
                    responses.add(v.getNameAsString());
                }
                if (init instanceof ObjectCreationExpr oc && oc.getArguments().size() >= 1
                        && oc.getArgument(0) instanceof NameExpr target) {
                    aliases.put(v.getNameAsString(), target.getNameAsString());
                }
                if (isThrowable(init)) {
                    throwables.add(v.getNameAsString());
                }
                changed |= taint(v.getNameAsString(), eval(init));
            } else if (n instanceof AssignExpr a && a.getTarget() instanceof NameExpr target) {
                changed |= taint(target.getNameAsString(), eval(a.getValue()));
            } else if (n instanceof MethodCallExpr call) {
                changed |= mutation(call);
            }
        }
        return changed;
    }

    private boolean mutation(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("printStackTrace") && call.getArguments().size() == 1 && call.getScope().isPresent()) {
            Detail s = eval(call.getScope().get());
            if (s != null && s.kind() == Kind.EXCEPTION && isThrowable(call.getScope().get())) {
                boolean changed = false;
                Detail trace = new Detail(Kind.STACK_TRACE, call, s.variable(), s.chained());
                for (NameExpr target : call.getArgument(0).findAll(NameExpr.class)) {
                    changed |= taint(target.getNameAsString(), trace);
                    String alias = aliases.get(target.getNameAsString());
                    if (alias != null) {
                        changed |= taint(alias, trace);
                    }
                }
                return changed;
            }
            return false;
        }
        boolean mutator = name.startsWith("put") || name.startsWith("set") || name.startsWith("add")
                || name.startsWith("with") || name.equals("append") || name.equals("insert")
                || name.equals("detail") || name.equals("message") || name.equals("property")
                || name.equals("entity") || name.equals("body") || WRITER_METHODS.contains(name);
        Optional<String> root = rootLocal(call);
        if (!mutator || root.isEmpty()) {
            return false;
        }
        Detail worst = null;
        for (Expression a : call.getArguments()) {
            Detail d = eval(a);
            if (d != null && (d.kind() != Kind.EXCEPTION || name.startsWith("put") || name.startsWith("add")
                    || name.startsWith("set") || name.equals("entity") || name.equals("body"))) {
                worst = worst(worst, d);
            }
        }
        return taint(root.get(), worst);
    }

    /** The local variable at the root of a call chain ({@code body} in {@code body.put(..)}, {@code sb.append().append()}). */
    private Optional<String> rootLocal(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr inner) {
            scope = inner.getScope().orElse(null);
        }
        if (scope instanceof NameExpr n && declared.contains(n.getNameAsString())
                && !exceptionVars.containsKey(n.getNameAsString())) {
            return Optional.of(n.getNameAsString());
        }
        return Optional.empty();
    }

    private boolean taint(String variable, Detail d) {
        if (d == null || exceptionVars.containsKey(variable)) {
            return false;
        }
        Detail old = locals.get(variable);
        Detail merged = worst(old, d);
        if (merged != old) {
            locals.put(variable, merged);
            return true;
        }
        return false;
    }

    private static Detail worst(Detail a, Detail b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.kind().ordinal() > a.kind().ordinal() ? b : a;
    }

    // ---------------------------------------------------------------- expressions

    Detail eval(Expression e) {
        if (e == null) {
            return null;
        }
        if (e instanceof EnclosedExpr x) {
            return eval(x.getInner());
        }
        if (e instanceof CastExpr x) {
            return eval(x.getExpression());
        }
        if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (exceptionVars.containsKey(name)) {
                return new Detail(Kind.EXCEPTION, n, name, false);
            }
            return locals.get(name);
        }
        if (e instanceof ConditionalExpr c) {
            return worst(eval(c.getThenExpr()), eval(c.getElseExpr()));
        }
        if (e instanceof AssignExpr a) {
            return eval(a.getValue());
        }
        if (e instanceof BinaryExpr b) {
            if (b.getOperator() != BinaryExpr.Operator.PLUS) {
                return null;
            }
            return worst(asText(eval(b.getLeft()), b), asText(eval(b.getRight()), b));
        }
        if (e instanceof MethodCallExpr c) {
            return call(c);
        }
        if (e instanceof ObjectCreationExpr o) {
            boolean carriesObject = o.getType().getNameAsString().equals("ResponseEntity");
            Detail worst = null;
            for (Expression a : o.getArguments()) {
                Detail d = eval(a);
                if (d != null && (d.kind() != Kind.EXCEPTION || carriesObject)) {
                    worst = worst(worst, d);
                }
            }
            return worst;
        }
        if (e instanceof ArrayCreationExpr a) {
            return a.getInitializer().map(this::eval).orElse(null);
        }
        if (e instanceof ArrayInitializerExpr a) {
            Detail worst = null;
            for (Expression v : a.getValues()) {
                worst = worst(worst, eval(v));
            }
            return worst;
        }
        if (e instanceof LambdaExpr l) {
            if (l.getExpressionBody().isPresent()) {
                return eval(l.getExpressionBody().get());
            }
            Detail worst = null;
            for (ReturnStmt r : l.getBody().findAll(ReturnStmt.class)) {
                worst = worst(worst, r.getExpression().map(this::eval).orElse(null));
            }
            return worst;
        }
        return null;
    }

    /** An exception in a text context is its {@code toString()}: class name and message. */
    private static Detail asText(Detail d, Node where) {
        if (d != null && d.kind() == Kind.EXCEPTION) {
            return new Detail(Kind.MESSAGE, where, d.variable(), d.chained());
        }
        return d;
    }

    private Detail call(MethodCallExpr c) {
        String name = c.getNameAsString();
        Expression scope = c.getScope().orElse(null);
        Detail s = scope == null ? null : eval(scope);
        if (s != null && s.kind() == Kind.EXCEPTION && isThrowable(scope)) {
            return switch (name) {
                case "getMessage", "getLocalizedMessage", "toString" ->
                        new Detail(Kind.MESSAGE, c, s.variable(), s.chained());
                case "getStackTrace" -> new Detail(Kind.STACK_TRACE, c, s.variable(), s.chained());
                case "getCause", "getSuppressed" -> new Detail(Kind.EXCEPTION, c, s.variable(), true);
                case "fillInStackTrace", "initCause" -> s;
                default -> null; // getStatusCode(), getBindingResult(), getErrorCode(): not detail
            };
        }
        String scopeText = scope == null ? "" : scope.toString();
        Detail firstException = c.getArguments().isEmpty() ? null : eval(c.getArgument(0));
        if (firstException != null && firstException.kind() == Kind.EXCEPTION) {
            if (scopeText.endsWith("ExceptionUtils")) {
                switch (name) {
                    case "getStackTrace", "getFullStackTrace", "getRootCauseStackTrace", "getStackFrames",
                         "getRootCauseStackTraceList" -> {
                        return new Detail(Kind.STACK_TRACE, c, firstException.variable(), firstException.chained());
                    }
                    case "getMessage" -> {
                        return new Detail(Kind.MESSAGE, c, firstException.variable(), firstException.chained());
                    }
                    case "getRootCauseMessage" -> {
                        return new Detail(Kind.MESSAGE, c, firstException.variable(), true);
                    }
                    case "getRootCause", "getThrowableList", "getThrowables", "getCause" -> {
                        return new Detail(Kind.EXCEPTION, c, firstException.variable(), true);
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (scopeText.endsWith("Throwables")) {
                return switch (name) {
                    case "getStackTraceAsString" ->
                            new Detail(Kind.STACK_TRACE, c, firstException.variable(), firstException.chained());
                    case "getRootCause", "getCausalChain" ->
                            new Detail(Kind.EXCEPTION, c, firstException.variable(), true);
                    default -> null;
                };
            }
            if ((name.equals("valueOf") && scopeText.equals("String"))
                    || (name.equals("toString") && scopeText.equals("Objects"))) {
                return asText(firstException, c);
            }
        }
        Detail worst = s;
        for (Expression a : c.getArguments()) {
            Detail d = eval(a);
            if (d != null && (d.kind() != Kind.EXCEPTION || BODY_METHODS.contains(name))) {
                worst = worst(worst, d);
            }
        }
        return worst;
    }

    // ---------------------------------------------------------------- sinks

    private Leak thrown(ThrowStmt t) {
        if (!(t.getExpression() instanceof ObjectCreationExpr o)) {
            return null;
        }
        String type = o.getType().getNameAsString();
        if (type.equals("ResponseStatusException") || type.equals("ErrorResponseException")) {
            Detail worst = null;
            for (Expression a : o.getArguments()) {
                Detail d = eval(a);
                if (d != null && d.kind() != Kind.EXCEPTION) {
                    worst = worst(worst, d);
                }
            }
            return worst == null ? null : new Leak(t, "as the reason of a thrown " + type, worst);
        }
        if (WEB_APPLICATION_EXCEPTIONS.contains(type)) {
            Detail worst = null;
            for (Expression a : o.getArguments()) {
                // only a Response argument reaches the client; a plain message stays on the server
                if (a.toString().contains("entity(") || a instanceof NameExpr n && responses.contains(n.getNameAsString())) {
                    worst = worst(worst, eval(a));
                }
            }
            return worst == null ? null : new Leak(t, "as the entity of a thrown " + type, worst);
        }
        return null;
    }

    private Leak written(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("sendError") && call.getArguments().size() >= 2) {
            Detail d = asText(eval(call.getArgument(1)), call);
            return d == null ? null : new Leak(call, "in response.sendError(...)", d);
        }
        if (name.equals("printStackTrace") && call.getArguments().size() == 1 && call.getScope().isPresent()
                && isResponseWriter(call.getArgument(0))) {
            Detail s = eval(call.getScope().get());
            if (s != null && s.kind() == Kind.EXCEPTION && isThrowable(call.getScope().get())) {
                return new Leak(call, "printed into the response",
                        new Detail(Kind.STACK_TRACE, call, s.variable(), s.chained()));
            }
            return null;
        }
        if (WRITER_METHODS.contains(name) && call.getScope().isPresent() && isResponseWriter(call.getScope().get())) {
            Detail worst = null;
            for (Expression a : call.getArguments()) {
                worst = worst(worst, asText(eval(a), call));
            }
            return worst == null ? null : new Leak(call, "written to the response", worst);
        }
        if (name.equals("writeValue") && call.getArguments().size() == 2 && isResponseWriter(call.getArgument(0))) {
            Detail d = eval(call.getArgument(1));
            return d == null ? null : new Leak(call, "serialized into the response", d);
        }
        return null;
    }

    /** An expression whose value is an exception itself (not a body or text derived from one). */
    private boolean isThrowable(Expression e) {
        if (e instanceof EnclosedExpr x) {
            return isThrowable(x.getInner());
        }
        if (e instanceof CastExpr x) {
            return isThrowable(x.getExpression());
        }
        if (e instanceof NameExpr n) {
            return exceptionVars.containsKey(n.getNameAsString()) || throwables.contains(n.getNameAsString());
        }
        if (e instanceof MethodCallExpr c) {
            return Set.of("getCause", "getSuppressed", "getRootCause", "fillInStackTrace", "initCause")
                    .contains(c.getNameAsString());
        }
        return false;
    }

    private boolean isResponseWriter(Expression e) {
        if (e instanceof NameExpr n) {
            return writers.contains(n.getNameAsString());
        }
        if (e instanceof ObjectCreationExpr o) {
            return o.getArguments().stream().anyMatch(this::isResponseWriter);
        }
        String text = e.toString();
        return text.contains("getWriter()") || text.contains("getOutputStream()");
    }
}
