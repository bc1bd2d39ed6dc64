package dev.apisec.rules.auth;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.AccessLevel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports privileged endpoints whose effective access is only "authenticated": any signed-in user can call them.
 * Privileged means an administrative path segment ({@code admin}, {@code internal}, {@code ops}, ...), user/role
 * management (a state-changing request on a users/roles/permissions/... collection or member, any request under
 * a roles/permissions/grants segment), or a bulk operation (a {@code deleteAll*}/{@code purge*}/{@code bulk*}/
 * {@code batch*} handler, a bulk/batch/purge/all/import/export segment). Endpoints acting on the caller's own
 * data ({@code me}, {@code self}, {@code my}, {@code profile}, {@code current}) are not privileged. Only
 * AUTHENTICATED access is judged: PUBLIC is missing-authentication's, CUSTOM is never a confident finding.
 */
@RuleDescriptor(
        id = "missing-authorization",
        title = "Privileged endpoint open to every authenticated user",
        description = "An administrative, user/role-management or bulk endpoint requires authentication but no "
                + "role, authority or other check, so every signed-in user can call it.",
        severity = Severity.HIGH,
        cwe = {862},
        owasp = "API5",
        precision = Precision.MEDIUM,
        tags = {"authorization", "access-control"})
public final class MissingAuthorization implements Rule {

    static final List<String> PRIVILEGED_SEGMENTS = List.of("admin", "management", "manage", "internal", "ops",
            "superuser", "root", "system", "backoffice", "back-office");
    static final List<String> MANAGED_COLLECTIONS = List.of("users", "roles", "permissions", "authorities",
            "accounts", "members");
    static final List<String> GRANT_SEGMENTS = List.of("roles", "permissions", "grants");
    static final List<String> BULK_SEGMENTS = List.of("bulk", "batch", "purge", "all", "import", "export");
    static final List<String> BULK_HANDLER_PREFIXES = List.of("deleteAll", "purge", "bulk", "batch");
    static final List<String> SELF_SEGMENTS = List.of("me", "self", "my", "profile", "current");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE", "*");

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        for (Endpoint endpoint : model.endpoints()) {
            Access access = model.access(endpoint);
            if (access.level() != AccessLevel.AUTHENTICATED) {
                continue;
            }
            Optional<String> privilege = privilege(endpoint);
            if (privilege.isEmpty()) {
                continue;
            }
            String message = endpoint.route() + " is privileged (" + privilege.get() + ") but any authenticated "
                    + "user can call it: " + AccessEvidence.text(access) + "; no role, authority or programmatic "
                    + "check restricts it";
            context.report(endpoint.location(), context.metadata().severity(), message, endpoint.route(),
                    AccessEvidence.locations(access));
        }
    }

    /** Why the endpoint is privileged, or empty when it is not. */
    static Optional<String> privilege(Endpoint e) {
        PathSegments path = PathSegments.of(e.path());
        if (path.find(SELF_SEGMENTS).isPresent()) {
            return Optional.empty();
        }
        Optional<PathSegments.Match> admin = path.find(PRIVILEGED_SEGMENTS);
        if (admin.isPresent()) {
            return Optional.of("administrative path segment \"" + admin.get().segment() + "\"");
        }
        Optional<PathSegments.Match> grants = path.find(GRANT_SEGMENTS);
        if (grants.isPresent()) {
            return Optional.of("manages access rights: path segment \"" + grants.get().segment() + "\"");
        }
        if (STATE_CHANGING.contains(e.httpMethod())) {
            Optional<String> collection = path.addressedCollection(MANAGED_COLLECTIONS);
            if (collection.isPresent()) {
                return Optional.of((e.httpMethod().equals("*") ? "every method" : e.httpMethod()) + " on "
                        + (path.endsWithVariable() ? "a member of " : "") + "the " + collection.get()
                        + " collection");
            }
        }
        String handler = e.handler().name();
        for (String prefix : BULK_HANDLER_PREFIXES) {
            if (startsWithWord(handler, prefix)) {
                return Optional.of("bulk operation: handler " + handler);
            }
        }
        Optional<PathSegments.Match> bulk = path.find(BULK_SEGMENTS);
        return bulk.map(m -> "bulk operation: path segment \"" + m.segment() + "\"");
    }

    /** {@code purgeOld} and {@code purge} start with the word {@code purge}; {@code purgeable} does not. */
    private static boolean startsWithWord(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        if (name.length() == prefix.length()) {
            return true;
        }
        char next = name.charAt(prefix.length());
        return Character.isUpperCase(next) || Character.isDigit(next) || next == '_';
    }
}
