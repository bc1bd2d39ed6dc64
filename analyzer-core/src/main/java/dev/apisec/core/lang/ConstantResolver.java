package dev.apisec.core.lang;

import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.ValueExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@link ValueExpr}s to strings: literals, {@code static final} constants in the same type, enclosing
 * types, supertypes, statically imported or qualified types (parsed on demand), concatenations and arrays.
 * Anything else (method calls, non-constant fields, library constants) stays unresolved; resolution never fails.
 */
public final class ConstantResolver {

    private static final int MAX_DEPTH = 12;

    private final TypeIndex index;

    public ConstantResolver(TypeIndex index) {
        this.index = index;
    }

    /** Resolved values, flattened; {@code complete} is false when some part could not be resolved. */
    public record Values(List<String> values, boolean complete) {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** All string values of an attribute (arrays flattened). Unresolvable elements are left out. */
    public List<String> strings(ValueExpr expr) {
        return resolve(expr).values();
    }

    public Values resolve(ValueExpr expr) {
        List<String> out = new ArrayList<>();
        boolean complete = collect(expr, out, 0);
        return new Values(out, complete);
    }

    /** The single string value, when the expression resolves to exactly one. */
    public Optional<String> string(ValueExpr expr) {
        Values v = resolve(expr);
        return v.complete() && v.values().size() == 1 ? Optional.of(v.values().get(0)) : Optional.empty();
    }

    /**
     * Names of enum-like references ({@code RequestMethod.GET} → {@code GET}), literal values as they are;
     * arrays flattened.
     */
    public List<String> names(ValueExpr expr) {
        List<String> out = new ArrayList<>();
        if (expr instanceof ValueExpr.Array a) {
            a.elements().forEach(e -> out.addAll(names(e)));
        } else if (expr instanceof ValueExpr.Ref r) {
            out.add(r.name());
        } else if (expr instanceof ValueExpr.Literal l) {
            out.add(l.value());
        }
        return out;
    }

    private boolean collect(ValueExpr expr, List<String> out, int depth) {
        if (expr == null || depth > MAX_DEPTH) {
            return false;
        }
        if (expr instanceof ValueExpr.Literal l) {
            out.add(l.value());
            return true;
        }
        if (expr instanceof ValueExpr.Array a) {
            boolean complete = true;
            for (ValueExpr e : a.elements()) {
                complete &= collect(e, out, depth + 1);
            }
            return complete;
        }
        if (expr instanceof ValueExpr.Concat c) {
            StringBuilder sb = new StringBuilder();
            for (ValueExpr part : c.parts()) {
                List<String> partValues = new ArrayList<>();
                if (!collect(part, partValues, depth + 1) || partValues.size() != 1) {
                    return false;
                }
                sb.append(partValues.get(0));
            }
            out.add(sb.toString());
            return true;
        }
        if (expr instanceof ValueExpr.Ref r) {
            Optional<FieldInfo> field = lookup(r);
            if (field.isPresent() && field.get().initializer() != null && field.get().isFinal()) {
                return collect(field.get().initializer(), out, depth + 1);
            }
            return false;
        }
        if (expr instanceof ValueExpr.ClassLiteral c) {
            out.add(c.typeName());
            return true;
        }
        return false;
    }

    /** The field a reference names, when it is declared in the project. */
    public Optional<FieldInfo> lookup(ValueExpr.Ref ref) {
        Optional<TypeInfo> context = index.type(ref.contextType());
        if (ref.qualifier() == null) {
            if (context.isEmpty()) {
                return Optional.empty();
            }
            // the context type, its enclosing types, then their supertypes
            for (TypeInfo t = context.get(); t != null;
                 t = t.enclosingType() == null ? null : index.type(t.enclosingType()).orElse(null)) {
                Optional<FieldInfo> f = fieldInHierarchy(t, ref.name());
                if (f.isPresent()) {
                    return f;
                }
            }
            for (String imp : context.get().imports()) {
                if (!imp.startsWith("static ")) {
                    continue;
                }
                String target = imp.substring("static ".length());
                if (target.endsWith("." + ref.name())) {
                    String owner = target.substring(0, target.length() - ref.name().length() - 1);
                    Optional<FieldInfo> f = index.type(owner).flatMap(t -> fieldInHierarchy(t, ref.name()));
                    if (f.isPresent()) {
                        return f;
                    }
                } else if (target.endsWith(".*")) {
                    String owner = target.substring(0, target.length() - 2);
                    Optional<FieldInfo> f = index.type(owner).flatMap(t -> fieldInHierarchy(t, ref.name()));
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            return Optional.empty();
        }
        String owner = context.map(c -> index.resolve(ref.qualifier(), c)).orElse(ref.qualifier());
        return index.type(owner).flatMap(t -> fieldInHierarchy(t, ref.name()));
    }

    private Optional<FieldInfo> fieldInHierarchy(TypeInfo type, String name) {
        Optional<FieldInfo> own = type.field(name);
        if (own.isPresent()) {
            return own;
        }
        for (TypeInfo sup : index.allSupertypes(type)) {
            Optional<FieldInfo> f = sup.field(name);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
