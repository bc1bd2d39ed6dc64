package dev.apisec.core.model;

import java.util.Map;

/**
 * An annotation usage. {@code name} is the fully qualified name when resolved through imports, the same package,
 * nested types or a known framework annotation; otherwise the name as written. A single-member annotation's
 * value is stored under {@code value}.
 */
public record AnnotationInfo(String name, String simpleName, Map<String, ValueExpr> attributes,
                             SourceLocation location) {

    public AnnotationInfo {
        attributes = Map.copyOf(attributes);
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    public ValueExpr attribute(String attribute) {
        return attributes.get(attribute);
    }

    public boolean is(String qualifiedName) {
        return name.equals(qualifiedName);
    }
}
