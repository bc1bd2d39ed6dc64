package dev.apisec.core.model;

import java.util.List;

/**
 * A type as written in source, with its raw type resolved to a qualified name when possible.
 *
 * @param text          the type as written ({@code ResponseEntity<List<Order>>})
 * @param qualifiedName the resolved raw type ({@code org.springframework.http.ResponseEntity}), or the simple
 *                      name when it cannot be resolved
 * @param arguments     type arguments; wildcards appear with their bound, or as {@code ?}
 * @param arrayLevels   number of array dimensions
 */
public record TypeRef(String text, String qualifiedName, List<TypeRef> arguments, int arrayLevels) {

    public TypeRef {
        arguments = List.copyOf(arguments);
    }

    public static TypeRef simple(String name) {
        return new TypeRef(name, name, List.of(), 0);
    }

    public String simpleName() {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
    }

    public boolean isVoid() {
        return "void".equals(qualifiedName);
    }

    @Override
    public String toString() {
        return text;
    }
}
