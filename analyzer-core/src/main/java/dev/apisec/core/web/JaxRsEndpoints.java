package dev.apisec.core.web;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.lang.AnnotationLookup;
import dev.apisec.core.model.BindingSource;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.EndpointParameter;
import dev.apisec.core.model.Framework;
import dev.apisec.core.lang.KnownTypes;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.ParameterInfo;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.model.ValueExpr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * JAX-RS resources, {@code jakarta.ws.rs} and {@code javax.ws.rs}: class and method {@code @Path}, HTTP method
 * designators (built-in and custom {@code @HttpMethod} annotations), annotations inherited from interfaces and
 * superclasses (a method without JAX-RS annotations uses those of the method it implements), sub-resource
 * locators (bounded depth), {@code @Consumes}/{@code @Produces}, the {@code @ApplicationPath} prefix.
 */
final class JaxRsEndpoints {

    private static final int MAX_LOCATOR_DEPTH = 4;
    private static final Set<String> JAXRS_METHOD_ANNOTATIONS = Set.of("Path", "GET", "POST", "PUT", "DELETE",
            "PATCH", "HEAD", "OPTIONS", "Produces", "Consumes");

    private final TypeIndex index;
    private final AnnotationLookup annotations;
    private final ConstantResolver constants;

    JaxRsEndpoints(TypeIndex index) {
        this.index = index;
        this.annotations = new AnnotationLookup(index);
        this.constants = new ConstantResolver(index);
    }

    static boolean isJaxRs(String name, String suffix) {
        return KnownTypes.isJaxRs(name, suffix);
    }

    /** The class-level {@code @Path} of a type or of its nearest annotated supertype. */
    Optional<AnnotationInfo> resourcePath(TypeInfo type) {
        Optional<AnnotationInfo> own = pathAnnotation(type.annotations());
        if (own.isPresent()) {
            return own;
        }
        for (TypeInfo sup : index.allSupertypes(type)) {
            Optional<AnnotationInfo> p = pathAnnotation(sup.annotations());
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    boolean hasOwnPath(TypeInfo type) {
        return pathAnnotation(type.annotations()).isPresent();
    }

    private Optional<AnnotationInfo> pathAnnotation(List<AnnotationInfo> anns) {
        return annotations.find(anns, n -> isJaxRs(n, "Path")).map(AnnotationLookup.Found::annotation);
    }

    /** Root resource classes among {@code candidates} and the implementations of annotated interfaces. */
    List<TypeInfo> rootResources(List<TypeInfo> candidates) {
        List<TypeInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TypeInfo t : candidates) {
            if (!hasOwnPath(t)) {
                continue;
            }
            if (isConcrete(t)) {
                if (seen.add(t.qualifiedName())) {
                    out.add(t);
                }
            } else {
                // CXF/Syncope style: the interface (or abstract class) carries the annotations
                for (TypeInfo impl : index.subtypes(t)) {
                    if (isConcrete(impl) && seen.add(impl.qualifiedName())) {
                        out.add(impl);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isConcrete(TypeInfo t) {
        return t.kind() == TypeKind.CLASS && !t.isAbstract();
    }

    List<Endpoint> endpoints(TypeInfo resource, String applicationPath) {
        List<Endpoint> out = new ArrayList<>();
        String base = resourcePath(resource).flatMap(this::pathValue).orElse("");
        collect(resource, Paths.join(applicationPath, base), annotationsOf(resource, "Consumes"),
                annotationsOf(resource, "Produces"), out, 0, new HashSet<>());
        return out;
    }

    private List<String> annotationsOf(TypeInfo type, String simple) {
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(index.allSupertypes(type));
        for (TypeInfo t : chain) {
            Optional<AnnotationLookup.Found> f = annotations.find(t.annotations(), n -> isJaxRs(n, simple));
            if (f.isPresent()) {
                return mediaTypes(f.get().annotation());
            }
        }
        return List.of();
    }

    private void collect(TypeInfo resource, String prefix, List<String> classConsumes, List<String> classProduces,
                         List<Endpoint> out, int depth, Set<String> visiting) {
        if (depth > MAX_LOCATOR_DEPTH || !visiting.add(resource.qualifiedName())) {
            return;
        }
        for (HandlerMethods.MethodFamily family : HandlerMethods.of(resource, index)) {
            MethodInfo annotated = null;
            for (MethodInfo decl : family.declarations()) {
                if (hasJaxRsAnnotations(decl)) {
                    annotated = decl;
                    break;
                }
            }
            if (annotated == null) {
                continue;
            }
            MethodInfo handler = family.implementation();
            Optional<String> httpMethod = httpMethod(annotated);
            String methodPath = pathAnnotation(annotated.annotations()).flatMap(this::pathValue).orElse("");
            String path = Paths.join(prefix, methodPath);
            if (httpMethod.isPresent()) {
                List<String> consumes = mediaTypesOn(annotated, "Consumes");
                List<String> produces = mediaTypesOn(annotated, "Produces");
                out.add(new Endpoint(Framework.JAX_RS, httpMethod.get().toUpperCase(Locale.ROOT), path,
                        consumes.isEmpty() ? classConsumes : consumes, produces.isEmpty() ? classProduces : produces,
                        resource.qualifiedName(), handler, annotated, parameters(handler, annotated),
                        handler.returnType()));
            } else if (pathAnnotation(annotated.annotations()).isPresent()) {
                // sub-resource locator: the returned type's methods are served below this path
                Optional<TypeInfo> sub = locatorTarget(handler.returnType());
                if (sub.isPresent()) {
                    collect(sub.get(), path, classConsumes, classProduces, out, depth + 1, visiting);
                }
            }
        }
        visiting.remove(resource.qualifiedName());
    }

    private Optional<TypeInfo> locatorTarget(TypeRef type) {
        String name = type.qualifiedName();
        if ((name.equals("java.lang.Class") || name.equals("Class")) && !type.arguments().isEmpty()) {
            name = type.arguments().get(0).qualifiedName();
        }
        return index.type(name);
    }

    private boolean hasJaxRsAnnotations(MethodInfo m) {
        for (AnnotationInfo a : m.annotations()) {
            if (isJaxRsName(a.name()) && JAXRS_METHOD_ANNOTATIONS.contains(a.simpleName())) {
                return true;
            }
        }
        return httpMethod(m).isPresent();
    }

    private static boolean isJaxRsName(String name) {
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("javax.ws.rs.");
    }

    private Optional<String> httpMethod(MethodInfo m) {
        for (AnnotationInfo a : m.annotations()) {
            if (KnownTypes.JAXRS_HTTP_METHODS.contains(a.simpleName()) && isJaxRs(a.name(), a.simpleName())) {
                return Optional.of(a.simpleName());
            }
        }
        // custom designators: an annotation meta-annotated with @HttpMethod("PATCH")
        return annotations.find(m.annotations(), n -> isJaxRs(n, "HttpMethod"))
                .filter(f -> !f.isDirect())
                .flatMap(f -> Optional.ofNullable(f.annotation().attribute("value")))
                .flatMap(constants::string);
    }

    private Optional<String> pathValue(AnnotationInfo path) {
        ValueExpr v = path.attribute("value");
        if (v == null) {
            return Optional.of("");
        }
        Optional<String> s = constants.string(v);
        return Optional.of(s.orElse("{?}"));
    }

    private List<String> mediaTypesOn(MethodInfo m, String simple) {
        return annotations.find(m.annotations(), n -> isJaxRs(n, simple))
                .map(f -> mediaTypes(f.annotation())).orElse(List.of());
    }

    private List<String> mediaTypes(AnnotationInfo a) {
        ValueExpr v = a.attribute("value");
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(constants.strings(v));
        if (out.isEmpty()) {
            // MediaType.APPLICATION_JSON and friends are library constants: map the well-known names
            for (String n : constants.names(v)) {
                out.add(mediaTypeConstant(n));
            }
        }
        return out;
    }

    static String mediaTypeConstant(String name) {
        String n = name.endsWith("_TYPE") ? name.substring(0, name.length() - 5) : name;
        return switch (n) {
            case "APPLICATION_JSON" -> "application/json";
            case "APPLICATION_XML" -> "application/xml";
            case "TEXT_PLAIN" -> "text/plain";
            case "TEXT_HTML" -> "text/html";
            case "TEXT_XML" -> "text/xml";
            case "APPLICATION_FORM_URLENCODED" -> "application/x-www-form-urlencoded";
            case "MULTIPART_FORM_DATA" -> "multipart/form-data";
            case "APPLICATION_OCTET_STREAM" -> "application/octet-stream";
            case "WILDCARD" -> "*/*";
            default -> n;
        };
    }

    private List<EndpointParameter> parameters(MethodInfo handler, MethodInfo annotated) {
        List<EndpointParameter> out = new ArrayList<>();
        for (int i = 0; i < handler.parameters().size(); i++) {
            ParameterInfo p = handler.parameters().get(i);
            List<AnnotationInfo> anns = p.annotations();
            if (anns.stream().noneMatch(a -> isJaxRsName(a.name())) && annotated != handler
                    && annotated.parameters().size() > i) {
                anns = annotated.parameters().get(i).annotations();
            }
            out.add(bind(p, anns));
        }
        return out;
    }

    private EndpointParameter bind(ParameterInfo p, List<AnnotationInfo> anns) {
        for (AnnotationInfo a : anns) {
            if (!isJaxRsName(a.name())) {
                continue;
            }
            BindingSource source = switch (a.simpleName()) {
                case "PathParam" -> BindingSource.PATH;
                case "QueryParam", "MatrixParam" -> BindingSource.QUERY;
                case "HeaderParam" -> BindingSource.HEADER;
                case "CookieParam" -> BindingSource.COOKIE;
                case "FormParam" -> BindingSource.FORM;
                case "BeanParam" -> BindingSource.MODEL_ATTRIBUTE;
                case "Context" -> contextSource(p.type());
                default -> null;
            };
            if (source != null) {
                String bound = Optional.ofNullable(a.attribute("value")).flatMap(constants::string).orElse(p.name());
                return new EndpointParameter(p.name(), p.type(), source, bound, anns);
            }
        }
        boolean suspended = anns.stream().anyMatch(a -> a.simpleName().equals("Suspended"));
        BindingSource source = suspended ? BindingSource.OTHER : BindingSource.BODY;
        return new EndpointParameter(p.name(), p.type(), source, p.name(), anns);
    }

    private static BindingSource contextSource(TypeRef type) {
        return switch (type.simpleName()) {
            case "SecurityContext" -> BindingSource.SECURITY_CONTEXT;
            case "HttpServletRequest", "Request", "ContainerRequestContext", "HttpHeaders" -> BindingSource.REQUEST;
            case "HttpServletResponse" -> BindingSource.RESPONSE;
            default -> BindingSource.OTHER;
        };
    }

    /** The {@code @ApplicationPath} value of a JAX-RS Application subclass, if {@code type} is one. */
    Optional<String> applicationPath(TypeInfo type) {
        return annotations.find(type.annotations(), n -> isJaxRs(n, "ApplicationPath"))
                .flatMap(f -> Optional.ofNullable(f.annotation().attribute("value")))
                .flatMap(constants::string);
    }
}
