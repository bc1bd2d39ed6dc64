package dev.apisec.rules.cors;

import dev.apisec.core.cors.CorsPolicy;
import dev.apisec.core.cors.CorsPolicy.Form;
import dev.apisec.core.cors.CorsPolicy.OriginKind;
import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * Reports CORS policies that let any web site in: every origin ({@code "*"}, an any-host pattern, Spring's
 * permit-all default), the {@code "null"} origin, or the request's own {@code Origin} echoed back unchecked. HIGH;
 * CRITICAL when the same configuration also allows credentials, because then any site can make authenticated
 * requests on a visitor's behalf and read the answers.
 */
@RuleDescriptor(
        id = "permissive-cors",
        title = "CORS allows any origin",
        description = "A CORS configuration allows every origin, the \"null\" origin, or reflects the request's "
                + "Origin header, so any web site can read this API's responses from a visitor's browser; with "
                + "credentials allowed it can act as the signed-in user.",
        severity = Severity.HIGH,
        cwe = {942},
        owasp = "API8",
        precision = Precision.HIGH)
public final class PermissiveCors implements Rule {

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        for (CorsPolicy policy : model.corsPolicies()) {
            if (!policy.isPermissive()) {
                continue;
            }
            Severity severity = policy.credentialsAllowed() ? Severity.CRITICAL : context.metadata().severity();
            List<SourceLocation> related = policy.credentialsLocation() == null ? List.of()
                    : List.of(policy.credentialsLocation());
            context.report(policy.location(), severity, message(policy), endpoint(model, policy), related);
        }
    }

    static String message(CorsPolicy p) {
        return evidence(p) + consequence(p);
    }

    private static String evidence(CorsPolicy p) {
        return switch (p.form()) {
            case ANNOTATION -> p.defaultOrigins()
                    ? p.api() + " without origins allows every origin (Spring's default) on " + p.where()
                    : annotation(p) + " " + allows(p) + " on " + p.where();
            case REGISTRY -> "CorsRegistry mapping " + quote(p.mapping()) + (p.defaultOrigins()
                    ? " sets no allowed origins, so Spring's default allows every origin"
                    : " " + allows(p) + registryValue(p));
            case CONFIGURATION -> p.defaultOrigins()
                    ? "CorsConfiguration." + p.api() + "() allows every origin (no origins are set) in " + p.where()
                    : "CorsConfiguration." + p.api() + "(" + p.originText() + ") " + allows(p) + withValue(p)
                    + " in " + p.where();
            case RESPONSE_HEADER -> header(p) + " in " + p.where();
        };
    }

    private static String annotation(CorsPolicy p) {
        return p.originText().isEmpty() ? p.api() : p.api() + "(" + p.originText() + ")";
    }

    private static String allows(CorsPolicy p) {
        return p.origin() == OriginKind.NULL
                ? "allows the \"null\" origin (sent by sandboxed iframes and local files of any site)"
                : "allows any origin";
    }

    private static String registryValue(CorsPolicy p) {
        if (p.origin() == OriginKind.NULL) {
            return "";
        }
        return p.api().equals("allowedOrigins") ? " " + value(p) : " with " + p.api() + "(" + value(p) + ")";
    }

    /** The origin as written, with its value when it was resolved from a name. */
    private static String value(CorsPolicy p) {
        String written = p.originText();
        String resolved = p.resolvedOrigins().stream().filter(v -> permissiveValue(v, p.origin()))
                .findFirst().orElse(null);
        if (resolved == null || written.contains("\"" + resolved + "\"")) {
            return written;
        }
        return written + " (\"" + resolved + "\")";
    }

    private static String withValue(CorsPolicy p) {
        String resolved = p.resolvedOrigins().stream().filter(v -> permissiveValue(v, p.origin()))
                .findFirst().orElse(null);
        return resolved == null || p.originText().contains("\"" + resolved + "\"") ? ""
                : " (\"" + resolved + "\")";
    }

    private static boolean permissiveValue(String v, OriginKind kind) {
        String s = v.strip();
        return kind == OriginKind.NULL ? s.equalsIgnoreCase("null") || s.contains("null") : s.contains("*");
    }

    private static String header(CorsPolicy p) {
        return switch (p.origin()) {
            case REFLECTED -> "Access-Control-Allow-Origin echoes the request's Origin header (" + p.originText()
                    + ") without checking it against an allow-list";
            case NULL -> "Access-Control-Allow-Origin is set to \"null\" (sent by sandboxed iframes and local "
                    + "files of any site)";
            default -> "Access-Control-Allow-Origin is set to " + value(p);
        };
    }

    private static String consequence(CorsPolicy p) {
        if (p.credentialsAllowed()) {
            return " together with " + credentials(p.form())
                    + ": any web site can make credentialed requests and read the responses";
        }
        return ": any web site can read the responses from a visitor's browser";
    }

    private static String credentials(Form form) {
        return switch (form) {
            case ANNOTATION -> "allowCredentials = \"true\"";
            case REGISTRY -> "allowCredentials(true)";
            case CONFIGURATION -> "setAllowCredentials(true)";
            case RESPONSE_HEADER -> "Access-Control-Allow-Credentials: true";
        };
    }

    private static String quote(String s) {
        return s == null ? "(unknown path)" : "\"" + s + "\"";
    }

    /** "METHOD /path" of the handler the policy sits on, when it is one (first route when several). */
    private static String endpoint(ProjectModel model, CorsPolicy p) {
        if (p.enclosingMethod() == null) {
            return null;
        }
        return model.endpoints().stream()
                .filter(e -> matches(e, p))
                .map(Endpoint::route)
                .sorted()
                .findFirst().orElse(null);
    }

    private static boolean matches(Endpoint e, CorsPolicy p) {
        return (Objects.equals(e.handler().declaringType(), p.enclosingType())
                && e.handler().signature().equals(p.enclosingMethod()))
                || (e.mappingSource() != null && Objects.equals(e.mappingSource().declaringType(), p.enclosingType())
                && e.mappingSource().signature().equals(p.enclosingMethod()));
    }
}
