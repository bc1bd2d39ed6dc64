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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring MVC / WebFlux annotated controllers: {@code @Controller}/{@code @RestController} (also through
 * meta-annotations and on supertypes, as Spring's {@code AnnotatedElementUtils.hasAnnotation} finds them) with
 * {@code @RequestMapping} and its composed variants on the class and on methods, including mappings and
 * parameter annotations declared on implemented interfaces and abstract superclasses.
 */
final class SpringMvcEndpoints {

    private static final String WEB = KnownTypes.SPRING_WEB;

    private final TypeIndex index;
    private final AnnotationLookup annotations;
    private final ConstantResolver constants;

    SpringMvcEndpoints(TypeIndex index) {
        this.index = index;
        this.annotations = new AnnotationLookup(index);
        this.constants = new ConstantResolver(index);
    }

    boolean isController(TypeInfo type) {
        if (type.kind() != TypeKind.CLASS || type.isAbstract()) {
            return false;
        }
        if (annotations.has(type.annotations(), KnownTypes.SPRING_CONTROLLERS::contains)) {
            return true;
        }
        for (TypeInfo sup : index.allSupertypes(type)) {
            if (annotations.has(sup.annotations(), KnownTypes.SPRING_CONTROLLERS::contains)) {
                return true;
            }
        }
        return false;
    }

    List<Endpoint> endpoints(TypeInfo controller) {
        Optional<AnnotationInfo> classMapping = classMapping(controller);
        List<String> classPaths = classMapping.map(this::paths).orElse(List.of());
        List<String> classMethods = classMapping.map(a -> constants.names(a.attribute("method"))).orElse(List.of());
        List<String> classConsumes = classMapping.map(a -> strings(a, "consumes")).orElse(List.of());
        List<String> classProduces = classMapping.map(a -> strings(a, "produces")).orElse(List.of());

        List<Endpoint> out = new ArrayList<>();
        for (HandlerMethods.MethodFamily family : HandlerMethods.of(controller, index)) {
            MethodInfo mappingSource = null;
            AnnotationLookup.Found mapping = null;
            for (MethodInfo decl : family.declarations()) {
                Optional<AnnotationLookup.Found> found = annotations.find(decl.annotations(),
                        KnownTypes.SPRING_MAPPINGS::containsKey);
                if (found.isPresent()) {
                    mappingSource = decl;
                    mapping = found.get();
                    break;
                }
            }
            if (mapping == null) {
                continue;
            }
            MethodInfo handler = family.implementation();
            AnnotationInfo m = mapping.annotation();
            String implied = KnownTypes.SPRING_MAPPINGS.get(m.name());
            List<String> httpMethods;
            if (!implied.isEmpty()) {
                httpMethods = List.of(implied);
            } else {
                List<String> declared = constants.names(m.attribute("method"));
                httpMethods = !declared.isEmpty() ? declared : !classMethods.isEmpty() ? classMethods : List.of("*");
            }
            List<String> consumes = strings(m, "consumes");
            List<String> produces = strings(m, "produces");
            List<String> paths = Paths.combine(classPaths, paths(m));
            List<EndpointParameter> params = parameters(family);
            for (String path : paths) {
                for (String httpMethod : httpMethods) {
                    out.add(new Endpoint(Framework.SPRING_MVC, httpMethod.toUpperCase(Locale.ROOT), path,
                            consumes.isEmpty() ? classConsumes : consumes,
                            produces.isEmpty() ? classProduces : produces,
                            controller.qualifiedName(), handler, mappingSource, params, handler.returnType()));
                }
            }
        }
        return out;
    }

    private Optional<AnnotationInfo> classMapping(TypeInfo controller) {
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(controller);
        chain.addAll(index.allSupertypes(controller));
        for (TypeInfo t : chain) {
            Optional<AnnotationLookup.Found> found = annotations.find(t.annotations(), KnownTypes.REQUEST_MAPPING);
            if (found.isPresent()) {
                return Optional.of(found.get().annotation());
            }
        }
        return Optional.empty();
    }

    private List<String> paths(AnnotationInfo mapping) {
        List<String> out = new ArrayList<>();
        for (String attr : List.of("value", "path")) {
            ValueExpr v = mapping.attribute(attr);
            if (v == null) {
                continue;
            }
            ConstantResolver.Values values = constants.resolve(v);
            out.addAll(values.values());
            if (!values.complete() && values.values().isEmpty()) {
                out.add("{?}");
            }
        }
        return out;
    }

    private List<String> strings(AnnotationInfo a, String attribute) {
        ValueExpr v = a.attribute(attribute);
        return v == null ? List.of() : constants.strings(v);
    }

    private List<EndpointParameter> parameters(HandlerMethods.MethodFamily family) {
        MethodInfo impl = family.implementation();
        List<EndpointParameter> out = new ArrayList<>();
        for (int i = 0; i < impl.parameters().size(); i++) {
            ParameterInfo p = impl.parameters().get(i);
            // Spring merges parameter annotations declared on interface methods (5.1+)
            List<AnnotationInfo> anns = p.annotations();
            if (bindingAnnotation(anns).isEmpty()) {
                for (MethodInfo decl : family.declarations()) {
                    if (decl.parameters().size() > i && bindingAnnotation(decl.parameters().get(i).annotations()).isPresent()) {
                        anns = decl.parameters().get(i).annotations();
                        break;
                    }
                }
            }
            out.add(bind(p, anns));
        }
        return out;
    }

    private static final Map<String, BindingSource> BINDINGS = Map.ofEntries(
            Map.entry(WEB + "PathVariable", BindingSource.PATH),
            Map.entry(WEB + "RequestParam", BindingSource.QUERY),
            Map.entry(WEB + "RequestBody", BindingSource.BODY),
            Map.entry(WEB + "RequestHeader", BindingSource.HEADER),
            Map.entry(WEB + "CookieValue", BindingSource.COOKIE),
            Map.entry(WEB + "ModelAttribute", BindingSource.MODEL_ATTRIBUTE),
            Map.entry(WEB + "RequestPart", BindingSource.FORM),
            Map.entry(WEB + "MatrixVariable", BindingSource.QUERY),
            Map.entry(WEB + "SessionAttribute", BindingSource.SESSION),
            Map.entry(WEB + "RequestAttribute", BindingSource.OTHER),
            Map.entry("org.springframework.security.core.annotation.AuthenticationPrincipal", BindingSource.PRINCIPAL),
            Map.entry("org.springframework.security.core.annotation.CurrentSecurityContext", BindingSource.PRINCIPAL));

    private Optional<AnnotationLookup.Found> bindingAnnotation(List<AnnotationInfo> anns) {
        return anns.isEmpty() ? Optional.empty() : annotations.find(anns, BINDINGS::containsKey);
    }

    private EndpointParameter bind(ParameterInfo p, List<AnnotationInfo> anns) {
        Optional<AnnotationLookup.Found> binding = bindingAnnotation(anns);
        if (binding.isPresent()) {
            AnnotationInfo a = binding.get().annotation();
            BindingSource source = BINDINGS.get(a.name());
            String bound = p.name();
            if (source != BindingSource.BODY && source != BindingSource.PRINCIPAL) {
                for (String attr : List.of("value", "name")) {
                    ValueExpr v = a.attribute(attr);
                    if (v != null) {
                        Optional<String> s = constants.string(v);
                        if (s.isPresent() && !s.get().isEmpty()) {
                            bound = s.get();
                            break;
                        }
                    }
                }
            }
            return new EndpointParameter(p.name(), p.type(), source, bound, anns);
        }
        return new EndpointParameter(p.name(), p.type(), implicitSource(p.type()), p.name(), anns);
    }

    private static final Set<String> PRINCIPAL_TYPES = Set.of("java.security.Principal",
            "org.springframework.security.core.Authentication",
            "org.springframework.security.authentication.UsernamePasswordAuthenticationToken",
            "org.springframework.security.oauth2.jwt.Jwt",
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken");
    private static final Set<String> REQUEST_TYPES = Set.of("HttpServletRequest", "ServletRequest", "WebRequest",
            "NativeWebRequest", "ServerHttpRequest", "ServerWebExchange", "HttpEntity", "RequestEntity",
            "HttpHeaders", "InputStream", "Reader");
    private static final Set<String> RESPONSE_TYPES = Set.of("HttpServletResponse", "ServletResponse",
            "ServerHttpResponse", "OutputStream", "Writer");
    private static final Set<String> SESSION_TYPES = Set.of("HttpSession", "WebSession", "SessionStatus");
    private static final Set<String> OTHER_TYPES = Set.of("Model", "ModelMap", "ModelAndView", "BindingResult",
            "Errors", "RedirectAttributes", "UriComponentsBuilder", "Pageable", "Sort", "Locale", "TimeZone",
            "ZoneId", "HttpMethod", "Map", "MultiValueMap");

    BindingSource implicitSource(TypeRef type) {
        // WebFlux resolves Mono<Principal>, Mono<Authentication>, ... like their content
        if ((type.simpleName().equals("Mono") || type.simpleName().equals("Optional")) && !type.arguments().isEmpty()) {
            BindingSource inner = implicitSource(type.arguments().get(0));
            if (inner == BindingSource.PRINCIPAL || inner == BindingSource.SESSION) {
                return inner;
            }
        }
        String q = type.qualifiedName();
        String simple = type.simpleName();
        if (PRINCIPAL_TYPES.contains(q) || simple.equals("Principal") || simple.equals("Authentication")) {
            return BindingSource.PRINCIPAL;
        }
        if (REQUEST_TYPES.contains(simple)) {
            return simple.equals("HttpEntity") || simple.equals("RequestEntity") ? BindingSource.BODY : BindingSource.REQUEST;
        }
        if (RESPONSE_TYPES.contains(simple)) {
            return BindingSource.RESPONSE;
        }
        if (SESSION_TYPES.contains(simple)) {
            return BindingSource.SESSION;
        }
        if (simple.equals("MultipartFile") || simple.equals("Part") || simple.equals("FilePart")) {
            return BindingSource.FORM;
        }
        if (OTHER_TYPES.contains(simple)) {
            return BindingSource.OTHER;
        }
        if (isSimpleValueType(type)) {
            return BindingSource.QUERY;
        }
        // Spring binds any other unannotated parameter as a model attribute
        return BindingSource.MODEL_ATTRIBUTE;
    }

    private static final Set<String> SIMPLE = Set.of("String", "CharSequence", "Integer", "Long", "Short", "Byte",
            "Character", "Boolean", "Double", "Float", "Number", "BigDecimal", "BigInteger", "UUID", "Date",
            "LocalDate", "LocalDateTime", "LocalTime", "Instant", "OffsetDateTime", "ZonedDateTime", "Duration",
            "URI", "URL", "Class", "int", "long", "short", "byte", "char", "boolean", "double", "float");

    private boolean isSimpleValueType(TypeRef type) {
        String simple = type.simpleName();
        if (SIMPLE.contains(simple)) {
            return true;
        }
        if (type.arrayLevels() > 0 || simple.equals("List") || simple.equals("Set")
                || simple.equals("Optional")) {
            return !type.arguments().isEmpty() && isSimpleValueType(type.arguments().get(0))
                    || type.arrayLevels() > 0 && SIMPLE.contains(simple);
        }
        return index.type(type.qualifiedName()).map(t -> t.kind() == TypeKind.ENUM).orElse(false);
    }
}
