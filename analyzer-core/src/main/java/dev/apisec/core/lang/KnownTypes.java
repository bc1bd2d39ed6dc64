package dev.apisec.core.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Qualified names of the framework types apisec understands. Used to resolve names imported with wildcards and
 * to recognise framework annotations without their jars on a classpath.
 */
public final class KnownTypes {

    public static final String SPRING_WEB = "org.springframework.web.bind.annotation.";
    public static final String SPRING_STEREOTYPE = "org.springframework.stereotype.";

    public static final String REST_CONTROLLER = SPRING_WEB + "RestController";
    public static final String CONTROLLER = SPRING_STEREOTYPE + "Controller";
    public static final String REQUEST_MAPPING = SPRING_WEB + "RequestMapping";
    public static final String GET_MAPPING = SPRING_WEB + "GetMapping";
    public static final String POST_MAPPING = SPRING_WEB + "PostMapping";
    public static final String PUT_MAPPING = SPRING_WEB + "PutMapping";
    public static final String DELETE_MAPPING = SPRING_WEB + "DeleteMapping";
    public static final String PATCH_MAPPING = SPRING_WEB + "PatchMapping";
    public static final String CROSS_ORIGIN = SPRING_WEB + "CrossOrigin";
    public static final String ALIAS_FOR = "org.springframework.core.annotation.AliasFor";

    /** Spring mapping annotations with the HTTP method they imply ("" = from the method attribute). */
    public static final Map<String, String> SPRING_MAPPINGS = Map.of(
            REQUEST_MAPPING, "",
            GET_MAPPING, "GET",
            POST_MAPPING, "POST",
            PUT_MAPPING, "PUT",
            DELETE_MAPPING, "DELETE",
            PATCH_MAPPING, "PATCH");

    public static final Set<String> SPRING_CONTROLLERS = Set.of(REST_CONTROLLER, CONTROLLER);

    /** JAX-RS package prefixes, both namespaces. */
    public static final List<String> JAXRS_PACKAGES = List.of("jakarta.ws.rs.", "javax.ws.rs.");

    public static final Set<String> JAXRS_HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");

    private static final List<String> SPRING_WEB_NAMES = List.of("RestController", "RequestMapping", "GetMapping",
            "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping", "PathVariable", "RequestParam",
            "RequestBody", "RequestHeader", "CookieValue", "ModelAttribute", "RequestPart", "SessionAttribute",
            "RequestAttribute", "MatrixVariable", "CrossOrigin", "ExceptionHandler", "ControllerAdvice",
            "RestControllerAdvice", "ResponseStatus", "ResponseBody", "InitBinder", "RequestMethod");
    private static final List<String> JAXRS_NAMES = List.of("Path", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "HttpMethod", "PathParam", "QueryParam", "HeaderParam", "CookieParam", "FormParam",
            "MatrixParam", "BeanParam", "Consumes", "Produces", "ApplicationPath", "DefaultValue");

    private static final Map<String, List<String>> BY_SIMPLE_NAME = new HashMap<>();
    private static final Set<String> ALL;

    static {
        List<String> all = new ArrayList<>();
        SPRING_WEB_NAMES.forEach(n -> all.add(SPRING_WEB + n));
        List.of("Controller", "Service", "Repository", "Component").forEach(n -> all.add(SPRING_STEREOTYPE + n));
        for (String pkg : JAXRS_PACKAGES) {
            JAXRS_NAMES.forEach(n -> all.add(pkg + n));
            List.of("Context", "SecurityContext", "Response", "MediaType", "Application")
                    .forEach(n -> all.add(pkg + "core." + n));
            List.of("Provider", "ExceptionMapper").forEach(n -> all.add(pkg + "ext." + n));
            List.of("ContainerRequestFilter", "ContainerResponseFilter", "ContainerResponseContext",
                    "ContainerRequestContext").forEach(n -> all.add(pkg + "container." + n));
        }
        for (String pkg : List.of("jakarta.annotation.security.", "javax.annotation.security.")) {
            List.of("RolesAllowed", "PermitAll", "DenyAll").forEach(n -> all.add(pkg + n));
        }
        all.add(ALIAS_FOR);
        all.add("org.springframework.security.core.annotation.AuthenticationPrincipal");
        all.add("org.springframework.security.core.annotation.CurrentSecurityContext");
        all.add("org.springframework.security.core.Authentication");
        List.of("PreAuthorize", "PostAuthorize", "PreFilter", "PostFilter")
                .forEach(n -> all.add("org.springframework.security.access.prepost." + n));
        all.add("org.springframework.security.access.annotation.Secured");
        List.of("CorsRegistry", "WebMvcConfigurer").forEach(n -> all.add("org.springframework.web.servlet.config.annotation." + n));
        List.of("CorsConfiguration", "UrlBasedCorsConfigurationSource", "CorsConfigurationSource")
                .forEach(n -> all.add("org.springframework.web.cors." + n));
        List.of("ResponseEntity", "HttpHeaders", "HttpMethod", "HttpEntity", "HttpStatus", "ProblemDetail")
                .forEach(n -> all.add("org.springframework.http." + n));
        for (String pkg : List.of("jakarta.servlet.http.", "javax.servlet.http.")) {
            List.of("HttpServletRequest", "HttpServletResponse", "HttpSession")
                    .forEach(n -> all.add(pkg + n));
        }
        for (String pkg : List.of("jakarta.persistence.", "javax.persistence.")) {
            List.of("Entity", "Embeddable", "MappedSuperclass", "Id", "Table")
                    .forEach(n -> all.add(pkg + n));
        }
        ALL = Set.copyOf(all);
        for (String fqn : ALL) {
            BY_SIMPLE_NAME.computeIfAbsent(simpleName(fqn), k -> new ArrayList<>()).add(fqn);
        }
    }

    private KnownTypes() {
    }

    public static boolean isKnown(String qualifiedName) {
        return ALL.contains(qualifiedName);
    }

    /** Known qualified names with this simple name. */
    public static List<String> bySimpleName(String simpleName) {
        return BY_SIMPLE_NAME.getOrDefault(simpleName, List.of());
    }

    public static String simpleName(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
    }

    /** True when {@code name} is {@code jakarta.ws.rs.<suffix>} or {@code javax.ws.rs.<suffix>}. */
    public static boolean isJaxRs(String name, String suffix) {
        return name.equals("jakarta.ws.rs." + suffix) || name.equals("javax.ws.rs." + suffix);
    }

    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Short", "Byte",
            "Character", "Boolean", "Double", "Float", "Number", "Void", "Class", "Enum", "Record", "Iterable",
            "Comparable", "CharSequence", "Throwable", "Exception", "RuntimeException", "Error",
            "IllegalArgumentException", "IllegalStateException", "NullPointerException", "Math", "System",
            "Thread", "Runnable", "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface",
            "SafeVarargs", "StringBuilder", "AutoCloseable", "UnsupportedOperationException",
            "SecurityException", "IndexOutOfBoundsException", "ClassCastException", "ArithmeticException");

    /** True for simple names of {@code java.lang} types that need no import. */
    public static boolean isJavaLang(String simpleName) {
        return JAVA_LANG.contains(simpleName);
    }
}
