package dev.apisec.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Declaration facts of one type, detached from the AST. {@code supertypes} lists the extended class first (when
 * any) and then implemented/extended interfaces, each resolved to a qualified name when possible.
 *
 * @param file        path of the declaring file relative to the scan base
 * @param imports     the file's imports ({@code a.b.C}, {@code a.b.*}, {@code static a.b.C.NAME}), for resolution
 * @param packageName package of the file, "" for the default package
 */
public record TypeInfo(String qualifiedName, String simpleName, TypeKind kind, String packageName, String file,
                       List<AnnotationInfo> annotations, TypeRef superclass, List<TypeRef> interfaces,
                       List<FieldInfo> fields, List<MethodInfo> methods, List<String> imports,
                       String enclosingType, boolean isAbstract, SourceLocation location) {

    public TypeInfo {
        annotations = List.copyOf(annotations);
        interfaces = List.copyOf(interfaces);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        imports = List.copyOf(imports);
    }

    public Optional<FieldInfo> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public boolean isInterface() {
        return kind == TypeKind.INTERFACE;
    }
}
