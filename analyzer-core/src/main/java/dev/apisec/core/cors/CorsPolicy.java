package dev.apisec.core.cors;

import dev.apisec.core.model.SourceLocation;

import java.util.Comparator;
import java.util.List;

/**
 * One place in the sources that decides which origins may make cross-origin requests: a {@code @CrossOrigin}
 * annotation, a {@code CorsRegistry} mapping, a {@code CorsConfiguration} object or code that writes the
 * {@code Access-Control-Allow-Origin} response header. Found by {@link CorsExtractor}; rules decide what is wrong
 * with it.
 *
 * @param form               where the policy is written
 * @param origin             what the origin value amounts to (the most permissive of the values, see
 *                           {@link OriginKind})
 * @param originText         the origin argument(s) as written in the source ({@code "*"}, {@code List.of("*")},
 *                           {@code origins = ALLOWED}); empty when no origins are written (Spring's defaults)
 * @param resolvedOrigins    the origin values that could be resolved to strings
 * @param api                the annotation or method that sets the origin: {@code @CrossOrigin},
 *                           {@code allowedOrigins}, {@code addAllowedOrigin}, {@code applyPermitDefaultValues},
 *                           {@code setHeader}, ...
 * @param mapping            the path pattern of a {@code CorsRegistry} mapping ({@code /api/**}) when known, else
 *                           null
 * @param defaultOrigins     true when no origin is written and Spring's default (every origin) applies: a bare
 *                           {@code @CrossOrigin}, {@code addMapping} without {@code allowedOrigins},
 *                           {@code applyPermitDefaultValues()}
 * @param credentialsAllowed true when the same configuration allows credentials ({@code allowCredentials = "true"},
 *                           {@code allowCredentials(true)}, {@code setAllowCredentials(true)},
 *                           {@code Access-Control-Allow-Credentials: true} in the same method body)
 * @param location           the annotation, or the method call that sets the origin
 * @param credentialsLocation where credentials are allowed, or null
 * @param enclosingType      fully qualified name of the type that contains the policy
 * @param enclosingMethod    {@code name(Type,...)} of the method that carries the annotation or contains the call;
 *                           null for a class-level annotation or a field initializer
 */
public record CorsPolicy(Form form, OriginKind origin, String originText, List<String> resolvedOrigins, String api,
                         String mapping, boolean defaultOrigins, boolean credentialsAllowed, SourceLocation location,
                         SourceLocation credentialsLocation, String enclosingType, String enclosingMethod) {

    /** Where a CORS policy is written. */
    public enum Form {
        /** Spring's {@code @CrossOrigin} on a controller class or handler method. */
        ANNOTATION,
        /** {@code CorsRegistry.addMapping(..)} of Spring MVC or WebFlux ({@code WebMvcConfigurer}, {@code WebFluxConfigurer}). */
        REGISTRY,
        /** A {@code CorsConfiguration} object (for a {@code CorsConfigurationSource}, {@code CorsFilter}, ...). */
        CONFIGURATION,
        /** Code that writes the {@code Access-Control-Allow-Origin} header itself (filters, handlers). */
        RESPONSE_HEADER
    }

    /** What an origin value amounts to, from most to least permissive. */
    public enum OriginKind {
        /** Every origin: {@code "*"}, an any-host pattern, or Spring's permit-all default. */
        ANY,
        /** The literal origin {@code "null"}, which sandboxed iframes and {@code file:} pages send. */
        NULL,
        /** The request's own {@code Origin} header echoed back without a check. */
        REFLECTED,
        /** Cannot be resolved statically (method results, parameters, non-constant fields). */
        UNRESOLVED,
        /** Read from configuration: {@code ${...}} placeholders, {@code @Value} fields, environment lookups. */
        CONFIGURED,
        /** The request's {@code Origin} echoed back after a check (allow-list lookup, comparison). */
        VALIDATED,
        /** Constant origins or patterns that name specific hosts ({@code https://*.example.com} included). */
        EXPLICIT;

        /** True for the kinds that let any web site in. */
        public boolean isPermissive() {
            return this == ANY || this == NULL || this == REFLECTED;
        }

        /** The more permissive of two kinds. */
        public OriginKind worst(OriginKind other) {
            return other == null || ordinal() <= other.ordinal() ? this : other;
        }
    }

    public static final Comparator<CorsPolicy> ORDER = Comparator.comparing(CorsPolicy::location,
                    SourceLocation.ORDER)
            .thenComparing(CorsPolicy::api)
            .thenComparing(CorsPolicy::originText);

    public CorsPolicy {
        resolvedOrigins = List.copyOf(resolvedOrigins);
        originText = originText == null ? "" : originText;
    }

    /** True when the policy lets any web site in (any origin, the {@code null} origin or a reflected origin). */
    public boolean isPermissive() {
        return origin.isPermissive();
    }

    /** Simple name of the enclosing type, with the method when there is one: {@code CorsConfig.addCorsMappings(CorsRegistry)}. */
    public String where() {
        String type = enclosingType == null ? "" : enclosingType.substring(enclosingType.lastIndexOf('.') + 1);
        return enclosingMethod == null ? type : type + "." + enclosingMethod;
    }
}
