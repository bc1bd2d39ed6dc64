package dev.apisec.core.lang;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.ValueExpr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds annotations on an element directly or through meta-annotations declared in the project (a custom
 * {@code @ApiController} carrying {@code @RestController}, an {@code @IsAdmin} carrying {@code @PreAuthorize}).
 * Attributes of the element's annotation that are declared {@code @AliasFor(annotation = X.class, attribute =
 * "y")} override attribute {@code y} of the meta-annotation {@code X}, as Spring does.
 */
public final class AnnotationLookup {

    private static final int MAX_DEPTH = 5;

    private final TypeIndex index;

    public AnnotationLookup(TypeIndex index) {
        this.index = index;
    }

    /**
     * A match.
     *
     * @param annotation the matching annotation with alias overrides applied
     * @param declared   the annotation written on the element (equal to {@code annotation} for direct matches)
     */
    public record Found(AnnotationInfo annotation, AnnotationInfo declared) {
        public boolean isDirect() {
            return annotation == declared;
        }
    }

    public Optional<Found> find(List<AnnotationInfo> annotations, Predicate<String> name) {
        List<Found> all = findAll(annotations, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public Optional<Found> find(List<AnnotationInfo> annotations, String qualifiedName) {
        return find(annotations, qualifiedName::equals);
    }

    public boolean has(List<AnnotationInfo> annotations, Predicate<String> name) {
        return find(annotations, name).isPresent();
    }

    /** Every match, direct ones first in declaration order, then meta matches. */
    public List<Found> findAll(List<AnnotationInfo> annotations, Predicate<String> name) {
        List<Found> out = new ArrayList<>();
        for (AnnotationInfo a : annotations) {
            if (name.test(a.name())) {
                out.add(new Found(a, a));
            }
        }
        for (AnnotationInfo a : annotations) {
            if (!name.test(a.name())) {
                for (AnnotationInfo meta : metaMatches(a, name, 1, new HashSet<>())) {
                    out.add(new Found(meta, a));
                }
            }
        }
        return out;
    }

    private List<AnnotationInfo> metaMatches(AnnotationInfo usage, Predicate<String> name, int depth,
                                             Set<String> visiting) {
        if (depth > MAX_DEPTH || !visiting.add(usage.name())) {
            return List.of();
        }
        Optional<TypeInfo> decl = index.type(usage.name()).filter(t -> t.kind() == TypeKind.ANNOTATION);
        if (decl.isEmpty()) {
            return List.of();
        }
        List<AnnotationInfo> out = new ArrayList<>();
        for (AnnotationInfo meta : decl.get().annotations()) {
            if (name.test(meta.name())) {
                out.add(applyAliases(meta, usage, decl.get()));
            } else {
                for (AnnotationInfo deeper : metaMatches(meta, name, depth + 1, visiting)) {
                    out.add(applyAliases(deeper, usage, decl.get()));
                }
            }
        }
        visiting.remove(usage.name());
        return out;
    }

    private AnnotationInfo applyAliases(AnnotationInfo meta, AnnotationInfo usage, TypeInfo usageType) {
        Map<String, ValueExpr> merged = new LinkedHashMap<>(meta.attributes());
        boolean changed = false;
        for (Map.Entry<String, ValueExpr> attr : usage.attributes().entrySet()) {
            for (MethodInfo element : usageType.methods()) {
                if (!element.name().equals(attr.getKey())) {
                    continue;
                }
                for (AnnotationInfo alias : element.annotations()) {
                    if (!alias.is(KnownTypes.ALIAS_FOR) && !alias.simpleName().equals("AliasFor")) {
                        continue;
                    }
                    ValueExpr target = alias.attribute("annotation");
                    String targetName = target instanceof ValueExpr.ClassLiteral c ? c.typeName() : null;
                    if (targetName != null && !targetName.equals(meta.name())
                            && !KnownTypes.simpleName(targetName).equals(meta.simpleName())) {
                        continue;
                    }
                    if (targetName == null) {
                        continue;
                    }
                    ValueExpr attribute = alias.has("attribute") ? alias.attribute("attribute") : alias.attribute("value");
                    String targetAttr = attribute instanceof ValueExpr.Literal l ? l.value() : attr.getKey();
                    merged.put(targetAttr, attr.getValue());
                    changed = true;
                }
            }
        }
        return changed ? new AnnotationInfo(meta.name(), meta.simpleName(), merged, meta.location()) : meta;
    }
}
