package dev.apisec.core.model;

import java.util.Comparator;
import java.util.List;

/**
 * One route: an HTTP method and a full path served by a handler method. A handler mapped to several paths or
 * methods yields several endpoints that share the handler.
 *
 * @param httpMethod     GET, POST, ... or {@code *} when the mapping accepts every method
 * @param path           full path: class and method paths combined, starting with {@code /}, no trailing slash
 * @param controllerType the concrete class that serves the route (the handler's class)
 * @param handler        the handler method as implemented in the controller (or as declared, when the
 *                       controller inherits it)
 * @param mappingSource  the method that carries the mapping annotations (an interface or superclass method for
 *                       generated {@code *Api} interfaces), equal to {@code handler} otherwise
 * @param parameters     parameters with their bindings
 * @param returnType     the declared return type of the handler
 */
public record Endpoint(Framework framework, String httpMethod, String path, List<String> consumes,
                       List<String> produces, String controllerType, MethodInfo handler, MethodInfo mappingSource,
                       List<EndpointParameter> parameters, TypeRef returnType) {

    public static final Comparator<Endpoint> ORDER = Comparator.comparing(Endpoint::path)
            .thenComparing(Endpoint::httpMethod)
            .thenComparing(Endpoint::controllerType)
            .thenComparing(e -> e.handler().signature());

    public Endpoint {
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
        parameters = List.copyOf(parameters);
    }

    /** {@code GET /orders/{id}}. */
    public String route() {
        return httpMethod + " " + path;
    }

    /** Where findings about this endpoint are reported: the handler's first annotation. */
    public SourceLocation location() {
        return handler.location();
    }
}
