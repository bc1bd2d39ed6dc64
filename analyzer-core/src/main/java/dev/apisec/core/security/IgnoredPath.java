package dev.apisec.core.security;

import dev.apisec.core.model.SourceLocation;

/** A request matcher excluded from Spring Security entirely ({@code WebSecurityCustomizer} {@code web.ignoring()}). */
public record IgnoredPath(RequestMatcherSpec matcher, SourceLocation location) {
}
