package dev.apisec.core.security;

import dev.apisec.core.model.SourceLocation;

/**
 * Which method-security annotations Spring enforces in this project, and where that was switched on.
 *
 * @param prePost  {@code @PreAuthorize}/{@code @PostAuthorize}/{@code @PreFilter}/{@code @PostFilter}
 * @param secured  {@code @Secured}
 * @param jsr250   {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll}
 * @param location the enabling annotation, or null when none was found
 */
public record MethodSecuritySettings(boolean prePost, boolean secured, boolean jsr250, SourceLocation location) {

    public static final MethodSecuritySettings NONE = new MethodSecuritySettings(false, false, false, null);

    public MethodSecuritySettings or(MethodSecuritySettings other) {
        return new MethodSecuritySettings(prePost || other.prePost, secured || other.secured,
                jsr250 || other.jsr250, location != null ? location : other.location);
    }
}
