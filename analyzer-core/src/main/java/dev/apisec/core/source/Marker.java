package dev.apisec.core.source;

/** Coarse facts the pre-scan records per file, to decide what to parse. */
public enum Marker {
    /** Declares an annotation type ({@code @interface}). */
    ANNOTATION_DECLARATION,
    /** Mentions CORS APIs or the Access-Control-Allow-Origin header. */
    CORS,
    /** Mentions Spring Security's HTTP configuration. */
    SECURITY_CONFIG,
    /** Declares exception handlers or JAX-RS exception mappers. */
    EXCEPTION_HANDLER,
    /** Mentions servlet filters, interceptors or JAX-RS request filters. */
    REQUEST_FILTER,
    /** Mentions a JAX-RS {@code @ApplicationPath}. */
    APPLICATION_PATH,
    /** Declares a type extending a {@code *Repository}/{@code *Executor} type, or a {@code @RepositoryDefinition}. */
    REPOSITORY,
    /** Imports or names Spring Security (org.springframework.security). */
    SPRING_SECURITY,
    /** Mentions method-security annotations (@PreAuthorize, @Secured, @RolesAllowed, ...). */
    METHOD_SECURITY,
    /** Mentions a property-copy API (BeanUtils.copyProperties, ModelMapper, Dozer/MapStruct mappers). */
    PROPERTY_COPY,
    /** Mentions programmatic role/authority checks (isUserInRole, hasRole, getAuthorities, ...). */
    ACCESS_CHECK
}
