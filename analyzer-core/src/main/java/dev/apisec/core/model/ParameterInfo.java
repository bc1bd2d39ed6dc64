package dev.apisec.core.model;

import java.util.List;

/** A method parameter as declared. */
public record ParameterInfo(String name, TypeRef type, List<AnnotationInfo> annotations) {

    public ParameterInfo {
        annotations = List.copyOf(annotations);
    }
}
