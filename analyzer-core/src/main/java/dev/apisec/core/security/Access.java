package dev.apisec.core.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effective access of an endpoint (or of one security layer): a level, the roles/authorities for
 * RESTRICTED (Spring roles carry their {@code ROLE_} prefix, JAX-RS roles are as written), the opaque
 * expression for CUSTOM, and the evidence that decided it.
 */
public record Access(AccessLevel level, Set<String> authorities, String expression, List<Evidence> evidence) {

    public Access {
        authorities = Set.copyOf(new TreeSet<>(authorities));
        evidence = List.copyOf(evidence);
        expression = expression == null ? "" : expression;
    }

    public static Access of(AccessLevel level, Evidence evidence) {
        return new Access(level, Set.of(), "", List.of(evidence));
    }

    public static Access restricted(Set<String> authorities, Evidence evidence) {
        return new Access(AccessLevel.RESTRICTED, authorities, "", List.of(evidence));
    }

    public static Access custom(String expression, Evidence evidence) {
        return new Access(AccessLevel.CUSTOM, Set.of(), expression, List.of(evidence));
    }

    /** Sorted authorities, for messages and the inventory. */
    public List<String> sortedAuthorities() {
        return new ArrayList<>(new TreeSet<>(authorities));
    }

    /**
     * Both layers must allow a request (URL rules and method security, for instance): the result is the stricter
     * one, with the evidence of both. CUSTOM is stricter than PUBLIC/AUTHENTICATED (apisec cannot tell what it
     * lets through) but weaker than known roles or denial.
     */
    public Access and(Access other) {
        int a = strictness(level);
        int b = strictness(other.level);
        Access stricter = a >= b ? this : other;
        Access weaker = stricter == this ? other : this;
        // the layer that decides comes first: reports show evidence.get(0) as "decided by"
        List<Evidence> ev = new ArrayList<>(stricter.evidence);
        for (Evidence e : weaker.evidence) {
            if (!ev.contains(e)) {
                ev.add(e);
            }
        }
        if (level == AccessLevel.RESTRICTED && other.level == AccessLevel.RESTRICTED) {
            // both role checks must pass; report the method-level (later) one, which is the finer grained
            List<Evidence> both = new ArrayList<>(other.evidence);
            for (Evidence e : evidence) {
                if (!both.contains(e)) {
                    both.add(e);
                }
            }
            return new Access(AccessLevel.RESTRICTED, new TreeSet<>(other.authorities), "", both);
        }
        return new Access(stricter.level, stricter.authorities, stricter.expression, ev);
    }

    private static int strictness(AccessLevel l) {
        return switch (l) {
            case PUBLIC -> 0;
            case AUTHENTICATED -> 1;
            case CUSTOM -> 2;
            case RESTRICTED -> 3;
            case DENIED -> 4;
        };
    }

    /** {@code RESTRICTED(ROLE_ADMIN)}, {@code CUSTOM(@acl.canRead(#id))}, {@code PUBLIC}. */
    public String summary() {
        return switch (level) {
            case RESTRICTED -> "RESTRICTED(" + String.join(", ", sortedAuthorities()) + ")";
            case CUSTOM -> "CUSTOM(" + expression + ")";
            default -> level.name();
        };
    }
}
