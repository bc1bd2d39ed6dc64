package dev.apisec.core.lang;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.ParameterInfo;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.model.ValueExpr;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.apisec.core.parse.ParsedFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed file into {@link TypeInfo}s for every named type it declares (nested ones included), resolving
 * type names through imports, the package, the file's own nested types, {@code java.lang} and known framework
 * types. Expressions are copied into {@link ValueExpr}s so no AST is retained.
 */
public final class TypeFactsExtractor {

    private final TypeIndex index;

    public TypeFactsExtractor(TypeIndex index) {
        this.index = index;
    }

    public List<TypeInfo> extract(ParsedFile file) {
        CompilationUnit cu = file.unit();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<String> imports = new ArrayList<>();
        for (ImportDeclaration imp : cu.getImports()) {
            imports.add((imp.isStatic() ? "static " : "") + imp.getNameAsString() + (imp.isAsterisk() ? ".*" : ""));
        }
        if (imports.isEmpty() && file.lexicalImports().isPresent()) {
            imports.addAll(file.lexicalImports().get());
        }
        Map<String, String> nested = new HashMap<>();
        List<TypeDeclaration<?>> declarations = new ArrayList<>();
        for (TypeDeclaration<?> t : cu.getTypes()) {
            collect(t, declarations);
        }
        for (TypeDeclaration<?> t : declarations) {
            nested.putIfAbsent(t.getNameAsString(), Locations.typeName(t));
        }
        Scope scope = new Scope(pkg, imports, nested);
        List<TypeInfo> result = new ArrayList<>();
        for (TypeDeclaration<?> t : declarations) {
            result.add(typeInfo(file, t, scope));
        }
        return result;
    }

    private static void collect(TypeDeclaration<?> t, List<TypeDeclaration<?>> out) {
        out.add(t);
        for (BodyDeclaration<?> member : t.getMembers()) {
            if (member instanceof TypeDeclaration<?> inner) {
                collect(inner, out);
            }
        }
    }

    /** Resolution context of one file. */
    record Scope(String packageName, List<String> imports, Map<String, String> nestedTypes) {
    }

    private TypeInfo typeInfo(ParsedFile file, TypeDeclaration<?> t, Scope scope) {
        String fqn = Locations.typeName(t);
        TypeKind kind;
        TypeRef superclass = null;
        List<TypeRef> interfaces = new ArrayList<>();
        boolean isAbstract = t.hasModifier(Modifier.Keyword.ABSTRACT);
        if (t instanceof ClassOrInterfaceDeclaration c) {
            kind = c.isInterface() ? TypeKind.INTERFACE : TypeKind.CLASS;
            isAbstract |= c.isInterface();
            if (c.isInterface()) {
                c.getExtendedTypes().forEach(e -> interfaces.add(typeRef(e, scope)));
            } else {
                if (c.getExtendedTypes().isNonEmpty()) {
                    superclass = typeRef(c.getExtendedTypes(0), scope);
                }
                c.getImplementedTypes().forEach(e -> interfaces.add(typeRef(e, scope)));
            }
        } else if (t instanceof EnumDeclaration e) {
            kind = TypeKind.ENUM;
            e.getImplementedTypes().forEach(i -> interfaces.add(typeRef(i, scope)));
        } else if (t instanceof RecordDeclaration r) {
            kind = TypeKind.RECORD;
            r.getImplementedTypes().forEach(i -> interfaces.add(typeRef(i, scope)));
        } else if (t instanceof AnnotationDeclaration) {
            kind = TypeKind.ANNOTATION;
        } else {
            kind = TypeKind.CLASS;
        }
        List<FieldInfo> fields = new ArrayList<>();
        List<MethodInfo> methods = new ArrayList<>();
        if (t instanceof RecordDeclaration r) {
            for (Parameter p : r.getParameters()) {
                fields.add(new FieldInfo(p.getNameAsString(), typeRef(p.getType(), scope),
                        annotations(file, p, scope, fqn), false, true, false, null, Locations.of(file, p)));
            }
        }
        for (BodyDeclaration<?> member : t.getMembers()) {
            if (member instanceof FieldDeclaration f) {
                boolean isStatic = f.isStatic() || kind == TypeKind.INTERFACE;
                boolean isFinal = f.isFinal() || kind == TypeKind.INTERFACE;
                List<AnnotationInfo> anns = annotations(file, f, scope, fqn);
                for (VariableDeclarator v : f.getVariables()) {
                    ValueExpr init = v.getInitializer().map(e -> value(file, e, scope, fqn)).orElse(null);
                    fields.add(new FieldInfo(v.getNameAsString(), typeRef(v.getType(), scope), anns, isStatic,
                            isFinal, f.hasModifier(Modifier.Keyword.TRANSIENT), init, Locations.of(file, f)));
                }
            } else if (member instanceof MethodDeclaration m) {
                methods.add(methodInfo(file, m, scope, fqn, kind));
            } else if (member instanceof AnnotationMemberDeclaration am) {
                // annotation elements are kept as methods so @AliasFor on them can be read
                methods.add(new MethodInfo(fqn, am.getNameAsString(), List.of(), typeRef(am.getType(), scope),
                        annotations(file, am, scope, fqn), false, true, true, Locations.of(file, am)));
            }
        }
        if (t instanceof EnumDeclaration e) {
            e.getEntries().forEach(entry -> fields.add(new FieldInfo(entry.getNameAsString(), TypeRef.simple(fqn),
                    List.of(), true, true, false, new ValueExpr.Literal(entry.getNameAsString(), true),
                    Locations.of(file, entry))));
        }
        String enclosing = t.getParentNode().filter(TypeDeclaration.class::isInstance)
                .map(p -> Locations.typeName((TypeDeclaration<?>) p)).orElse(null);
        return new TypeInfo(fqn, t.getNameAsString(), kind, scope.packageName(), file.file().relativePath(),
                annotations(file, t, scope, fqn), superclass, interfaces, fields, methods, scope.imports(), enclosing,
                isAbstract, Locations.of(file, t));
    }

    /**
     * Facts of one method parsed on its own (see {@code JavaSources.member}) and declared in {@code owner}, whose
     * file declares the types {@code nestedTypes} (simple → qualified name): the same facts a full extraction gives.
     */
    public MethodInfo methodInfo(ParsedFile file, MethodDeclaration m, TypeInfo owner, Map<String, String> nestedTypes) {
        Scope scope = new Scope(owner.packageName(), owner.imports(), nestedTypes);
        return methodInfo(file, m, scope, owner.qualifiedName(), owner.kind());
    }

    private MethodInfo methodInfo(ParsedFile file, MethodDeclaration m, Scope scope, String fqn, TypeKind kind) {
        List<ParameterInfo> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            TypeRef type = typeRef(p.getType(), scope);
            if (p.isVarArgs()) {
                type = new TypeRef(type.text() + "...", type.qualifiedName(), type.arguments(), type.arrayLevels() + 1);
            }
            params.add(new ParameterInfo(p.getNameAsString(), type, annotations(file, p, scope, fqn)));
        }
        boolean isAbstract = m.isAbstract() || (kind == TypeKind.INTERFACE && m.getBody().isEmpty());
        boolean isPublic = m.isPublic() || kind == TypeKind.INTERFACE;
        return new MethodInfo(fqn, m.getNameAsString(), params, typeRef(m.getType(), scope),
                annotations(file, m, scope, fqn), m.isStatic(), isAbstract, isPublic, Locations.of(file, m));
    }

    private List<AnnotationInfo> annotations(ParsedFile file, NodeWithAnnotations<?> node, Scope scope, String ctx) {
        NodeList<AnnotationExpr> anns = node.getAnnotations();
        if (anns.isEmpty()) {
            return List.of();
        }
        List<AnnotationInfo> out = new ArrayList<>(anns.size());
        for (AnnotationExpr a : anns) {
            out.add(annotation(file, a, scope, ctx));
        }
        return out;
    }

    private AnnotationInfo annotation(ParsedFile file, AnnotationExpr a, Scope scope, String ctx) {
        String written = a.getNameAsString();
        String name = resolveType(written, scope);
        Map<String, ValueExpr> attrs = new LinkedHashMap<>();
        if (a instanceof SingleMemberAnnotationExpr s) {
            attrs.put("value", value(file, s.getMemberValue(), scope, ctx));
        } else if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair pair : n.getPairs()) {
                attrs.put(pair.getNameAsString(), value(file, pair.getValue(), scope, ctx));
            }
        }
        return new AnnotationInfo(name, KnownTypes.simpleName(written), attrs, Locations.of(file, a));
    }

    private ValueExpr value(ParsedFile file, Expression e, Scope scope, String ctx) {
        if (e instanceof StringLiteralExpr s) {
            return new ValueExpr.Literal(s.asString(), true);
        }
        if (e instanceof TextBlockLiteralExpr tb) {
            return new ValueExpr.Literal(tb.asString(), true);
        }
        if (e instanceof CharLiteralExpr c) {
            return new ValueExpr.Literal(String.valueOf(c.asChar()), true);
        }
        if (e instanceof BooleanLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr
                || e instanceof DoubleLiteralExpr) {
            return new ValueExpr.Literal(e.toString(), false);
        }
        if (e instanceof EnclosedExpr en) {
            return value(file, en.getInner(), scope, ctx);
        }
        if (e instanceof NameExpr n) {
            return new ValueExpr.Ref(null, n.getNameAsString(), ctx);
        }
        if (e instanceof FieldAccessExpr fa) {
            return new ValueExpr.Ref(fa.getScope().toString(), fa.getNameAsString(), ctx);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            List<ValueExpr> parts = new ArrayList<>();
            flatten(file, b, scope, ctx, parts);
            return new ValueExpr.Concat(parts);
        }
        if (e instanceof ArrayInitializerExpr arr) {
            List<ValueExpr> elements = new ArrayList<>();
            arr.getValues().forEach(v -> elements.add(value(file, v, scope, ctx)));
            return new ValueExpr.Array(elements);
        }
        if (e instanceof ClassExpr c) {
            return new ValueExpr.ClassLiteral(typeRef(c.getType(), scope).qualifiedName());
        }
        if (e instanceof AnnotationExpr a) {
            return new ValueExpr.Nested(annotation(file, a, scope, ctx));
        }
        String text = e.toString();
        return new ValueExpr.Other(text.length() > 200 ? text.substring(0, 200) : text);
    }

    private void flatten(ParsedFile file, Expression e, Scope scope, String ctx, List<ValueExpr> out) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(file, b.getLeft(), scope, ctx, out);
            flatten(file, b.getRight(), scope, ctx, out);
        } else {
            out.add(value(file, e, scope, ctx));
        }
    }

    TypeRef typeRef(Type type, Scope scope) {
        int levels = 0;
        Type t = type;
        while (t instanceof ArrayType at) {
            levels++;
            t = at.getComponentType();
        }
        if (t instanceof ClassOrInterfaceType c) {
            List<TypeRef> args = new ArrayList<>();
            c.getTypeArguments().ifPresent(list -> list.forEach(a -> args.add(typeRef(a, scope))));
            String written = c.getNameWithScope();
            return new TypeRef(type.asString(), resolveType(written, scope), args, levels);
        }
        if (t instanceof WildcardType w) {
            if (w.getExtendedType().isPresent()) {
                TypeRef bound = typeRef(w.getExtendedType().get(), scope);
                return new TypeRef(type.asString(), bound.qualifiedName(), bound.arguments(), bound.arrayLevels());
            }
            return new TypeRef(type.asString(), "?", List.of(), 0);
        }
        String text = t.asString();
        return new TypeRef(type.asString(), text, List.of(), levels);
    }

    String resolveType(String written, Scope scope) {
        return index.resolve(written, scope.packageName(), scope.imports(), scope.nestedTypes());
    }

    /** Exposed for adapters that read expressions of a parsed file directly. */
    public static Node root(Node n) {
        Node r = n;
        while (r.getParentNode().isPresent()) {
            r = r.getParentNode().get();
        }
        return r;
    }
}
