package dev.apisec.core.security;

import dev.apisec.core.model.SourceLocation;

/** Why an access decision was made: a rule, an annotation, a missing configuration, with its location. */
public record Evidence(String description, SourceLocation location) {

    @Override
    public String toString() {
        return location == null ? description : description + " (" + location + ")";
    }
}
