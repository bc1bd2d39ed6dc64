package dev.apisec.core.errors;

import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.FactProvider;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.ParameterInfo;
import dev.apisec.core.facts.Facts;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.parse.ParsedFile;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Error-handling facts of the project: the methods that turn exceptions into responses ({@link ErrorHandler}),
 * and which project exception types carry messages the project writes itself.
 */
public final class ErrorHandling {

    /** Exception handlers and mappers, and which project exceptions carry project-written messages. */
    public static final FactKey<ErrorHandling> FACT = FactKey.named("errors.handling");

    public static FactProvider<ErrorHandling> provider() {
        return FactProvider.of(FACT, List.of(), ErrorHandling::of);
    }

    /** Methods that read an exception's detail; a message built from them is not written by the project. */
    public static final Set<String> DETAIL_METHODS = Set.of("getMessage", "getLocalizedMessage", "getStackTrace",
            "printStackTrace", "getCause", "getRootCause", "getRootCauseMessage", "getStackTraceAsString",
            "getFullStackTrace", "getRootCauseStackTrace", "getThrowableList");

    private static final Set<String> RESPONSE_ENTITY_EXCEPTION_HANDLERS = Set.of(
            "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler",
            "org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler",
            "ResponseEntityExceptionHandler");
    private static final Set<String> EXCEPTION_MAPPERS = Set.of("jakarta.ws.rs.ext.ExceptionMapper",
            "javax.ws.rs.ext.ExceptionMapper", "ExceptionMapper");

    private final Facts facts;
    private final TypeIndex index;
    private final List<ErrorHandler> handlers;
    private final Map<String, Boolean> projectMessages = new ConcurrentHashMap<>();
    private volatile Map<String, List<SourceFile>> constructionSites;

    private ErrorHandling(Facts facts) {
        this.facts = facts;
        this.index = facts.types();
        this.handlers = List.copyOf(discover());
    }

    /** Reads the error-handling facts of {@code facts} (handler discovery happens here; the rest lazily). */
    public static ErrorHandling of(Facts facts) {
        return new ErrorHandling(facts);
    }

    /** Exception handlers and mappers, in file order, then declaration order. */
    public List<ErrorHandler> handlers() {
        return handlers;
    }

    // ---------------------------------------------------------------- discovery

    private List<ErrorHandler> discover() {
        List<ErrorHandler> out = new ArrayList<>();
        for (SourceFile file : facts.filesWith(Marker.EXCEPTION_HANDLER)) {
            for (TypeInfo type : index.typesIn(file)) {
                try {
                    discover(type, out);
                } catch (RuntimeException | StackOverflowError e) {
                    facts.notifications().warning(type.file(), type.location().startLine(),
                            "exception handlers of " + type.qualifiedName() + " not analysed: " + e);
                }
            }
        }
        return out;
    }

    private void discover(TypeInfo type, List<ErrorHandler> out) {
        Set<String> supertypes = index.allSupertypeNames(type);
        boolean mapper = supertypes.stream().anyMatch(EXCEPTION_MAPPERS::contains);
        boolean responseEntityHandler = supertypes.stream().anyMatch(RESPONSE_ENTITY_EXCEPTION_HANDLERS::contains);
        for (MethodInfo m : type.methods()) {
            if (m.isAbstract()) {
                continue;
            }
            Optional<AnnotationInfo> annotation = m.annotations().stream()
                    .filter(a -> a.simpleName().equals("ExceptionHandler")).findFirst();
            ParameterInfo exceptionParam = m.parameters().stream().filter(p -> isThrowable(p.type(), type))
                    .findFirst().orElse(null);
            String paramName = exceptionParam == null ? null : exceptionParam.name();
            if (annotation.isPresent()) {
                List<String> handled = classLiterals(annotation.get(), type);
                if (handled.isEmpty() && exceptionParam != null) {
                    handled = List.of(exceptionParam.type().qualifiedName());
                }
                if (handled.isEmpty()) {
                    handled = List.of("java.lang.Exception");
                }
                out.add(new ErrorHandler(ErrorHandler.Kind.EXCEPTION_HANDLER, m, handled, paramName));
            } else if (mapper && m.name().equals("toResponse") && m.parameters().size() == 1 && !m.isStatic()) {
                String handled = mapperType(type).orElse(m.parameters().get(0).type().qualifiedName());
                out.add(new ErrorHandler(ErrorHandler.Kind.EXCEPTION_MAPPER, m, List.of(handled),
                        m.parameters().get(0).name()));
            } else if (responseEntityHandler && m.name().startsWith("handle") && exceptionParam != null
                    && m.annotations().stream().anyMatch(a -> a.simpleName().equals("Override"))) {
                out.add(new ErrorHandler(ErrorHandler.Kind.RESPONSE_ENTITY_EXCEPTION_HANDLER, m,
                        List.of(exceptionParam.type().qualifiedName()), paramName));
            }
        }
    }

    private Optional<String> mapperType(TypeInfo type) {
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(index.allSupertypes(type));
        for (TypeInfo t : chain) {
            for (TypeRef i : t.interfaces()) {
                if (EXCEPTION_MAPPERS.contains(i.qualifiedName()) && i.arguments().size() == 1
                        && !i.arguments().get(0).qualifiedName().equals("?")) {
                    return Optional.of(i.arguments().get(0).qualifiedName());
                }
            }
        }
        return Optional.empty();
    }

    private List<String> classLiterals(AnnotationInfo a, TypeInfo context) {
        List<String> out = new ArrayList<>();
        for (String attribute : List.of("value", "exception")) {
            ValueExpr v = a.attribute(attribute);
            if (v instanceof ValueExpr.ClassLiteral c) {
                out.add(resolve(c.typeName(), context));
            } else if (v instanceof ValueExpr.Array arr) {
                for (ValueExpr e : arr.elements()) {
                    if (e instanceof ValueExpr.ClassLiteral c) {
                        out.add(resolve(c.typeName(), context));
                    }
                }
            }
        }
        return out;
    }

    private String resolve(String written, TypeInfo context) {
        try {
            return index.resolve(written, context);
        } catch (RuntimeException e) {
            return written;
        }
    }

    /** Whether a declared type is an exception type: a Throwable by name, or a project type extending one. */
    public boolean isThrowable(TypeRef type, TypeInfo context) {
        if (type.arrayLevels() > 0) {
            return false;
        }
        return isThrowable(type.qualifiedName());
    }

    /** Whether a (qualified or simple) type name denotes an exception type. */
    public boolean isThrowable(String typeName) {
        String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
        if (simple.endsWith("Exception") || simple.endsWith("Error") || simple.equals("Throwable")) {
            return true;
        }
        Optional<TypeInfo> t = index.type(typeName);
        if (t.isEmpty()) {
            return false;
        }
        return index.allSupertypeNames(t.get()).stream().anyMatch(n -> {
            String s = n.substring(n.lastIndexOf('.') + 1);
            return s.equals("Throwable") || s.equals("Exception") || s.equals("RuntimeException") || s.equals("Error");
        });
    }

    // ---------------------------------------------------------------- project-written messages

    /**
     * Whether every message an exception of {@code exceptionType} (a project type; subclasses included) can carry
     * is written by the project: no constructor derives the message from another exception ({@code super(cause)},
     * {@code super(cause.getMessage())}) and no {@code new Type(...)} site in the project passes another
     * exception's detail as text. False for library types, which the project does not control.
     */
    public boolean hasProjectWrittenMessages(String exceptionType) {
        Boolean known = projectMessages.get(exceptionType);
        if (known != null) {
            return known;
        }
        boolean result;
        try {
            result = computeProjectMessages(exceptionType);
        } catch (RuntimeException | StackOverflowError e) {
            result = false;
        }
        projectMessages.putIfAbsent(exceptionType, result);
        return result;
    }

    private boolean computeProjectMessages(String exceptionType) {
        Optional<TypeInfo> type = index.type(exceptionType);
        if (type.isEmpty()) {
            return false;
        }
        List<TypeInfo> family = new ArrayList<>();
        family.add(type.get());
        family.addAll(index.subtypes(type.get()));
        for (TypeInfo t : family) {
            if (!constructorsKeepProjectMessages(t) || !constructionSitesKeepProjectMessages(t)) {
                return false;
            }
        }
        return true;
    }

    private boolean constructorsKeepProjectMessages(TypeInfo type) {
        Optional<ParsedFile> parsed = index.parse(type);
        if (parsed.isEmpty()) {
            return false;
        }
        Optional<TypeDeclaration<?>> decl = parsed.get().unit().findAll(TypeDeclaration.class).stream()
                .<TypeDeclaration<?>>map(t -> (TypeDeclaration<?>) t)
                .filter(t -> Locations.typeName(t).equals(type.qualifiedName())).findFirst();
        if (decl.isEmpty()) {
            return false;
        }
        for (ConstructorDeclaration c : decl.get().getConstructors()) {
            Set<String> throwableParams = new LinkedHashSet<>();
            for (Parameter p : c.getParameters()) {
                if (isThrowable(index.resolve(p.getType().asString().replaceAll("<.*>", ""), type))) {
                    throwableParams.add(p.getNameAsString());
                }
            }
            for (ExplicitConstructorInvocationStmt call : c.findAll(ExplicitConstructorInvocationStmt.class)) {
                if (call.isThis()) {
                    continue; // the delegated-to constructor is checked on its own
                }
                List<Expression> args = call.getArguments();
                if (!args.isEmpty() && args.get(0) instanceof NameExpr n
                        && throwableParams.contains(n.getNameAsString())) {
                    return false; // super(cause): the message is cause.toString()
                }
                for (Expression a : args) {
                    if (carriesDetail(a, throwableParams)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean constructionSitesKeepProjectMessages(TypeInfo type) {
        for (SourceFile file : constructionSites().getOrDefault(type.simpleName(), List.of())) {
            Optional<ParsedFile> parsed = index.parse(file);
            if (parsed.isEmpty()) {
                continue;
            }
            for (ObjectCreationExpr creation : parsed.get().unit().findAll(ObjectCreationExpr.class)) {
                String written = creation.getType().getNameWithScope();
                if (!written.equals(type.simpleName()) && !written.equals(type.qualifiedName())
                        && !written.endsWith("." + type.simpleName())) {
                    continue;
                }
                Set<String> exceptionNames = exceptionVariablesInScope(creation);
                for (Expression a : creation.getArguments()) {
                    if (carriesDetail(a, exceptionNames)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Catch parameters around {@code node}: a message built from them is another exception's detail. */
    private static Set<String> exceptionVariablesInScope(Node node) {
        Set<String> names = new LinkedHashSet<>();
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CatchClause c) {
                names.add(c.getParameter().getNameAsString());
            }
        }
        return names;
    }

    /**
     * True when {@code e} reads another exception's detail: a detail method ({@code getMessage()},
     * {@code ExceptionUtils.getStackTrace(e)}, ...) or an exception variable turned into text.
     */
    private static boolean carriesDetail(Expression e, Set<String> exceptionNames) {
        for (MethodCallExpr call : e.findAll(MethodCallExpr.class)) {
            if (DETAIL_METHODS.contains(call.getNameAsString())) {
                return true;
            }
            if ((call.getNameAsString().equals("valueOf") || call.getNameAsString().equals("format")
                    || call.getNameAsString().equals("toString"))
                    && (call.getArguments().stream().anyMatch(a -> isName(a, exceptionNames))
                    || call.getScope().map(s -> isName(s, exceptionNames)).orElse(false))) {
                return true;
            }
        }
        for (BinaryExpr b : e.findAll(BinaryExpr.class)) {
            if (b.getOperator() == BinaryExpr.Operator.PLUS
                    && (isName(b.getLeft(), exceptionNames) || isName(b.getRight(), exceptionNames))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(Expression e, Set<String> names) {
        return e instanceof NameExpr n && names.contains(n.getNameAsString());
    }

    /** Simple type name -> files that construct it ({@code new Name(}), from the pre-scan (no file is read again). */
    private Map<String, List<SourceFile>> constructionSites() {
        Map<String, List<SourceFile>> sites = constructionSites;
        if (sites != null) {
            return sites;
        }
        synchronized (this) {
            if (constructionSites == null) {
                Map<String, List<SourceFile>> map = new HashMap<>();
                for (SourceFile f : index.files()) {
                    for (String n : index.facts(f).constructedTypes()) {
                        map.computeIfAbsent(n, k -> new ArrayList<>()).add(f);
                    }
                }
                constructionSites = map;
            }
            return constructionSites;
        }
    }
}
