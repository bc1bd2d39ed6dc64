package dev.apisec.core.model;

import java.util.List;

/** A field (or record component) of a type. {@code initializer} is set for fields with a simple initializer. */
public record FieldInfo(String name, TypeRef type, List<AnnotationInfo> annotations, boolean isStatic,
                        boolean isFinal, boolean isTransient, ValueExpr initializer, SourceLocation location) {

    public FieldInfo {
        annotations = List.copyOf(annotations);
    }
}
