package dev.apisec.core.security;

/** Who can call an endpoint, as far as the configuration shows. */
public enum AccessLevel {
    /** Anyone, without authentication: permitAll, ignored by the filter chain, or no security at all. */
    PUBLIC,
    /** Any authenticated user. */
    AUTHENTICATED,
    /** Users with specific roles or authorities. */
    RESTRICTED,
    /** Nobody (denyAll). */
    DENIED,
    /** apisec cannot decide (an opaque expression, a programmatic check, a custom filter): never a confident finding. */
    CUSTOM
}
