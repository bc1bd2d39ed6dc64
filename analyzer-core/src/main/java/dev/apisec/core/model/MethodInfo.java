package dev.apisec.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A method declaration's facts. {@code location} starts at the first annotation (the line findings report);
 * {@code declaringType} is the fully qualified name of the type that declares it.
 */
public record MethodInfo(String declaringType, String name, List<ParameterInfo> parameters, TypeRef returnType,
                         List<AnnotationInfo> annotations, boolean isStatic, boolean isAbstract,
                         boolean isPublic, SourceLocation location) {

    public MethodInfo {
        parameters = List.copyOf(parameters);
        annotations = List.copyOf(annotations);
    }

    /** {@code name(Type1,Type2)} with simple raw type names, used to match overrides and to anchor findings. */
    public String signature() {
        return name + parameters.stream().map(p -> p.type().simpleName() + "[]".repeat(p.type().arrayLevels()))
                .collect(Collectors.joining(",", "(", ")"));
    }
}
