package dev.apisec.rules.auth;

import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.Evidence;

import java.util.ArrayList;
import java.util.List;

/** Evidence of an access decision as message text ({@code permitAll() (SecurityConfig.java:31)}) and locations. */
final class AccessEvidence {

    private AccessEvidence() {
    }

    /** Every evidence of {@code access}, joined with "; ". */
    static String text(Access access) {
        List<String> parts = new ArrayList<>();
        for (Evidence e : access.evidence()) {
            String part = e.description() + where(e.location());
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return String.join("; ", parts);
    }

    /** " (File.java:31)", or "" without a location. */
    static String where(SourceLocation location) {
        if (location == null) {
            return "";
        }
        String file = location.file();
        return " (" + file.substring(file.lastIndexOf('/') + 1) + ":" + location.startLine() + ")";
    }

    /** The distinct locations of the evidence, in order. */
    static List<SourceLocation> locations(Access access) {
        List<SourceLocation> out = new ArrayList<>();
        for (Evidence e : access.evidence()) {
            if (e.location() != null && !out.contains(e.location())) {
                out.add(e.location());
            }
        }
        return out;
    }
}
