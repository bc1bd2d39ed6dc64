package dev.apisec.core.flow;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.TypeRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Call following shared by the analyses: which project methods a call in a method body may run — the same class
 * and its supertypes, the declared type of a field, parameter or local (and that type's project implementations
 * when it is an interface or abstract), or a static call on a project type. Bounded: at most {@link #MAX_TARGETS}
 * methods per call.
 */
public final class CallTargets {

    public static final int MAX_TARGETS = 4;

    private final TypeIndex index;
    private final boolean byName;

    public CallTargets(TypeIndex index) {
        this(index, false);
    }

    /**
     * @param byName look the called methods up with {@link TypeIndex#typeWithMethods}: the receiver types are read
     *               only as far as the called name needs (for analyses that follow many calls into large services)
     */
    public CallTargets(TypeIndex index, boolean byName) {
        this.index = index;
        this.byName = byName;
    }

    private List<TypeInfo> supertypes(TypeInfo type) {
        return byName ? index.allSupertypeHeaders(type) : index.allSupertypes(type);
    }

    /** Declared types of the caller's fields (its own and its supertypes'), the method's parameters and locals. */
    public Map<String, TypeRef> localTypes(MethodDeclaration method, TypeInfo owner) {
        Map<String, TypeRef> out = new LinkedHashMap<>();
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(owner);
        chain.addAll(supertypes(owner));
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (FieldInfo f : chain.get(i).fields()) {
                out.put(f.name(), f.type());
            }
        }
        for (Parameter p : method.getParameters()) {
            out.put(p.getNameAsString(), resolved(p.getType().asString(), owner));
        }
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            if (!v.getType().isVarType()) {
                out.put(v.getNameAsString(), resolved(v.getType().asString(), owner));
            } else if (v.getInitializer().isPresent() && v.getInitializer().get() instanceof ObjectCreationExpr oc) {
                out.put(v.getNameAsString(), resolved(oc.getType().getNameAsString(), owner));
            }
        }
        return out;
    }

    private TypeRef resolved(String written, TypeInfo owner) {
        String raw = written.replaceAll("<.*", "").trim();
        return new TypeRef(written, index.resolve(raw, owner), List.of(), 0);
    }

    /** The declared type of the call's receiver when it is a field, parameter or local ({@code x.m()}, {@code this.x.m()}). */
    public Optional<String> receiverType(MethodCallExpr call, Map<String, TypeRef> localTypes) {
        if (call.getScope().isEmpty()) {
            return Optional.empty();
        }
        Expression scope = call.getScope().get();
        String var = null;
        if (scope instanceof NameExpr n) {
            var = n.getNameAsString();
        } else if (scope instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
            var = fa.getNameAsString();
        }
        TypeRef type = var == null ? null : localTypes.get(var);
        return type == null ? Optional.empty() : Optional.of(type.qualifiedName());
    }

    /**
     * Project methods the call may run, with a body.
     *
     * @param receiverFilter decides, before anything is parsed, whether a receiver type is worth following (its
     *                       qualified name); calls on {@code this} are always followed
     */
    public List<MethodInfo> of(MethodCallExpr call, TypeInfo caller, Map<String, TypeRef> localTypes,
                               Predicate<String> receiverFilter) {
        List<TypeInfo> owners = new ArrayList<>();
        if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
            owners.add(caller);
            owners.addAll(supertypes(caller));
        } else {
            Optional<String> receiver = receiverType(call, localTypes);
            if (receiver.isEmpty() && call.getScope().get() instanceof NameExpr n
                    && Character.isUpperCase(n.getNameAsString().charAt(0))) {
                receiver = Optional.of(index.resolve(n.getNameAsString(), caller)); // static call
            }
            if (receiver.isPresent() && receiverFilter.test(receiver.get())) {
                Optional<TypeInfo> type = byName ? index.typeWithMethods(receiver.get(), call.getNameAsString())
                        : index.type(receiver.get());
                if (type.isPresent()) {
                    owners.add(type.get());
                    owners.addAll(supertypes(type.get()));
                    if (type.get().isInterface() || type.get().isAbstract()) {
                        List<TypeInfo> impls = byName ? index.subtypeHeaders(type.get()) : index.subtypes(type.get());
                        owners.addAll(impls.subList(0, Math.min(impls.size(), MAX_TARGETS)));
                    }
                }
            }
        }
        List<MethodInfo> out = new ArrayList<>();
        int arity = call.getArguments().size();
        for (TypeInfo t : owners) {
            if (t.kind() == TypeKind.ANNOTATION) {
                continue;
            }
            List<MethodInfo> methods = byName ? index.typeWithMethods(t.qualifiedName(), call.getNameAsString())
                    .map(TypeInfo::methods).orElse(List.of()) : t.methods();
            for (MethodInfo m : methods) {
                if (m.name().equals(call.getNameAsString()) && m.parameters().size() == arity && !m.isAbstract()
                        && out.stream().noneMatch(o -> o.declaringType().equals(m.declaringType())
                        && o.signature().equals(m.signature()))) {
                    out.add(m);
                }
            }
        }
        return out.size() > MAX_TARGETS ? out.subList(0, MAX_TARGETS) : out;
    }
}
