package dev.apisec.core.model;

import java.util.List;

/**
 * A handler parameter with its binding. {@code boundName} is the request name it binds (path variable, query
 * parameter, header...), which may differ from the Java name; for bodies and other sources it is the Java name.
 */
public record EndpointParameter(String name, TypeRef type, BindingSource source, String boundName,
                                List<AnnotationInfo> annotations) {

    public EndpointParameter {
        annotations = List.copyOf(annotations);
    }
}
