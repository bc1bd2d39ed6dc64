package dev.apisec.core.cors;

/**
 * PLACEHOLDER — to be designed by the CORS work: one CORS configuration fact found in the sources.
 */
public record CorsPolicy() {
}
