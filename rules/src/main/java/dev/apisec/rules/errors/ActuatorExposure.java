package dev.apisec.rules.errors;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.AccessLevel;
import dev.apisec.core.security.Evidence;
import dev.apisec.core.security.PathAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reports Spring Boot Actuator endpoints that reveal or change the application's internals (env, heapdump,
 * loggers, shutdown, ...) exposed over HTTP to callers without a role: {@code management.endpoints.web.exposure
 * .include} naming them or {@code *}, {@code management.endpoint.shutdown.enabled=true} (or {@code access=
 * unrestricted}) with shutdown exposed, Boot 1's {@code management.security.enabled=false}.
 *
 * <p>The actuator paths ({@code management.endpoints.web.base-path}, {@code /actuator} by default) are evaluated
 * against the Spring Security chains like endpoints are: PUBLIC (no Spring Security, {@code permitAll}, ignored,
 * no chain applies) is CRITICAL, AUTHENTICATED is HIGH, RESTRICTED or denied is not reported, CUSTOM (an opaque
 * rule or a project filter) is MEDIUM. A separate {@code management.server.port} lowers the finding to MEDIUM;
 * port {@code -1} (HTTP off) silences it.
 *
 * <p>Profiles: every configuration file that sets an exposure is evaluated on its own, with the base path, port
 * and exclusions of the same file, else those of the default file ({@code application.properties|yml|yaml}, the
 * one in the same directory first).
 */
@RuleDescriptor(
        id = "actuator-exposure",
        title = "Sensitive actuator endpoints exposed",
        description = "Spring Boot Actuator endpoints that reveal configuration, secrets, memory or let callers "
                + "change the application (env, heapdump, loggers, shutdown, ...) are exposed over HTTP without a "
                + "role restricting them.",
        severity = Severity.HIGH,
        cwe = {200},
        owasp = "API8",
        precision = Precision.HIGH,
        tags = {"configuration", "spring-boot", "actuator"})
public final class ActuatorExposure implements Rule {

    /** Endpoints that reveal secrets, memory, code structure or change the running application. */
    static final List<String> SENSITIVE = List.of("env", "configprops", "beans", "heapdump", "threaddump",
            "logfile", "loggers", "mappings", "shutdown", "jolokia", "httptrace", "httpexchanges", "sessions",
            "startup", "caches", "scheduledtasks", "flyway", "liquibase", "conditions", "auditevents");

    private static final String INCLUDE = "management.endpoints.web.exposure.include";
    private static final String EXCLUDE = "management.endpoints.web.exposure.exclude";
    private static final String BASE_PATH = "management.endpoints.web.basepath";
    private static final String SHUTDOWN_ENABLED = "management.endpoint.shutdown.enabled";
    private static final String SHUTDOWN_ACCESS = "management.endpoint.shutdown.access";
    private static final String BOOT1_SECURITY = "management.security.enabled";
    private static final String BOOT1_CONTEXT_PATH = "management.contextpath";
    private static final Pattern DEFAULT_FILE = Pattern.compile("(application|bootstrap)\\.(properties|ya?ml)");

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        Map<String, List<ConfigProperty>> byFile = new LinkedHashMap<>();
        for (ConfigProperty p : model.configProperties()) {
            byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
        }
        ConfigLines lines = new ConfigLines(model);
        for (Map.Entry<String, List<ConfigProperty>> e : byFile.entrySet()) {
            Settings settings = new Settings(e.getKey(), byFile);
            checkInclude(context, lines, settings);
            checkShutdown(context, lines, settings);
            checkBoot1(context, lines, settings);
        }
    }

    private void checkInclude(RuleContext context, ConfigLines lines, Settings s) {
        List<ConfigProperty> include = s.own(INCLUDE);
        if (include.isEmpty()) {
            return;
        }
        Set<String> listed = values(include);
        Set<String> excluded = values(s.list(EXCLUDE));
        boolean shutdownEnabled = s.shutdownEnabled();
        List<String> exposed = new ArrayList<>();
        for (String id : SENSITIVE) {
            boolean named = listed.contains("*") || listed.contains(id);
            boolean off = excluded.contains("*") || excluded.contains(id) || id.equals("shutdown") && !shutdownEnabled;
            if (named && !off) {
                exposed.add(id);
            }
        }
        if (exposed.isEmpty()) {
            return;
        }
        ConfigProperty at = include.stream().filter(p -> values(List.of(p)).stream()
                .anyMatch(v -> v.equals("*") || exposed.contains(v))).findFirst().orElse(include.get(0));
        String setting = displayKey(include.get(0)) + "=" + String.join(",", values(include)) + " in "
                + ConfigLines.fileName(s.file);
        report(context, lines.location(at), s, setting + " exposes " + String.join(", ", exposed) + " at "
                + s.basePath() + "/**", exposed, s.basePath());
    }

    private void checkShutdown(RuleContext context, ConfigLines lines, Settings s) {
        Optional<ConfigProperty> enabled = s.ownLast(SHUTDOWN_ENABLED).filter(p -> isTrue(p.value()));
        Optional<ConfigProperty> access = s.ownLast(SHUTDOWN_ACCESS)
                .filter(p -> p.value().strip().equalsIgnoreCase("unrestricted"));
        Optional<ConfigProperty> at = enabled.isPresent() ? enabled : access;
        if (at.isEmpty()) {
            return;
        }
        Set<String> listed = values(s.list(INCLUDE));
        Set<String> excluded = values(s.list(EXCLUDE));
        if (!(listed.contains("*") || listed.contains("shutdown")) || excluded.contains("*")
                || excluded.contains("shutdown")) {
            return; // not exposed over HTTP
        }
        String setting = at.get().key() + "=" + at.get().value().strip() + " in " + ConfigLines.fileName(s.file);
        report(context, lines.location(at.get()), s, setting + " turns on the shutdown endpoint, which is exposed "
                + "over HTTP: a POST to " + s.basePath() + "/shutdown stops the application", List.of("shutdown"),
                s.basePath());
    }

    private void checkBoot1(RuleContext context, ConfigLines lines, Settings s) {
        Optional<ConfigProperty> off = s.ownLast(BOOT1_SECURITY).filter(p -> p.value().strip().equalsIgnoreCase("false"));
        if (off.isEmpty()) {
            return;
        }
        String base = s.last(BOOT1_CONTEXT_PATH).map(p -> p.value().strip()).orElse("");
        List<String> exposed = SENSITIVE.stream().filter(id -> !id.equals("shutdown")).toList();
        String setting = off.get().key() + "=false in " + ConfigLines.fileName(s.file);
        report(context, lines.location(off.get()), s, setting + " turns off Spring Boot 1's actuator security, "
                + "exposing env, beans, heapdump and the other sensitive endpoints at " + (base.isEmpty() ? "/" : base),
                exposed, base);
    }

    private void report(RuleContext context, SourceLocation location, Settings s, String what, List<String> ids,
                        String basePath) {
        Optional<String> port = s.separatePort();
        if (port.isPresent() && port.get().equals("-1")) {
            return; // management endpoints are not served over HTTP at all
        }
        ProjectModel model = context.model();
        Access worst = null;
        String worstId = null;
        for (String id : ids) {
            String method = id.equals("shutdown") ? "POST" : "GET";
            Access a = PathAccess.ofActuator(model.security(), method, basePath, id);
            if (worst == null || openness(a.level()) > openness(worst.level())) {
                worst = a;
                worstId = id;
            }
        }
        if (worst == null || openness(worst.level()) <= 0) {
            return; // restricted to roles or denied
        }
        Severity severity = switch (worst.level()) {
            case PUBLIC -> Severity.CRITICAL;
            case AUTHENTICATED -> Severity.HIGH;
            default -> Severity.MEDIUM;
        };
        String root = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        StringBuilder message = new StringBuilder(what).append(" (")
                .append(root).append('/').append(worstId).append(" is ").append(worst.summary()).append("): ")
                .append(switch (worst.level()) {
                    case PUBLIC -> "anyone can call " + (ids.size() == 1 ? "it" : "them") + " without authentication";
                    case AUTHENTICATED -> "every authenticated user can call " + (ids.size() == 1 ? "it" : "them")
                            + ", no role is required";
                    default -> "apisec cannot tell who can call " + (ids.size() == 1 ? "it" : "them");
                })
                .append(": ").append(evidence(worst));
        if (port.isPresent()) {
            severity = severity.atLeast(Severity.MEDIUM) ? Severity.MEDIUM : severity;
            message.append("; they are served on the separate management port ").append(port.get())
                    .append(", which limits who can reach them if that port is not exposed");
        }
        List<SourceLocation> related = worst.evidence().stream().map(Evidence::location)
                .filter(java.util.Objects::nonNull).distinct().toList();
        context.report(location, severity, message.toString(), null, related);
    }

    private static int openness(AccessLevel level) {
        return switch (level) {
            case PUBLIC -> 3;
            case AUTHENTICATED -> 2;
            case CUSTOM -> 1;
            case RESTRICTED, DENIED -> 0;
        };
    }

    static String evidence(Access access) {
        List<String> parts = new ArrayList<>();
        for (Evidence e : access.evidence()) {
            String where = "";
            if (e.location() != null) {
                String file = e.location().file();
                where = " (" + file.substring(file.lastIndexOf('/') + 1) + ":" + e.location().startLine() + ")";
            }
            String part = e.description() + where;
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return String.join("; ", parts);
    }

    private static String displayKey(ConfigProperty p) {
        String key = p.key();
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }

    private static boolean isTrue(String value) {
        return value.strip().equalsIgnoreCase("true");
    }

    /** Endpoint ids of a list property (comma-separated, YAML list items), lower case. */
    private static Set<String> values(List<ConfigProperty> props) {
        Set<String> out = new LinkedHashSet<>();
        for (ConfigProperty p : props) {
            for (String v : ConfigLines.values(p.value())) {
                out.add(v.replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Settings seen from one file: its own, else the default profile's. */
    private static final class Settings {
        private final String file;
        private final Map<String, List<ConfigProperty>> byFile;
        private final List<String> defaults;

        Settings(String file, Map<String, List<ConfigProperty>> byFile) {
            this.file = file;
            this.byFile = byFile;
            String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            List<String> same = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String f : byFile.keySet()) {
                if (!f.equals(file) && DEFAULT_FILE.matcher(ConfigLines.fileName(f)).matches()) {
                    String fdir = f.contains("/") ? f.substring(0, f.lastIndexOf('/') + 1) : "";
                    (fdir.equals(dir) ? same : other).add(f);
                }
            }
            same.addAll(other);
            this.defaults = same;
        }

        /** Properties of this file with the (canonical) key, list items included. */
        List<ConfigProperty> own(String canonicalKey) {
            return in(file, canonicalKey);
        }

        Optional<ConfigProperty> ownLast(String canonicalKey) {
            List<ConfigProperty> l = own(canonicalKey);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
        }

        /** The list from this file, else from the first default file that sets it. */
        List<ConfigProperty> list(String canonicalKey) {
            List<ConfigProperty> l = own(canonicalKey);
            for (int i = 0; l.isEmpty() && i < defaults.size(); i++) {
                l = in(defaults.get(i), canonicalKey);
            }
            return l;
        }

        Optional<ConfigProperty> last(String canonicalKey) {
            List<ConfigProperty> l = list(canonicalKey);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
        }

        private List<ConfigProperty> in(String f, String canonicalKey) {
            List<ConfigProperty> out = new ArrayList<>();
            for (ConfigProperty p : byFile.getOrDefault(f, List.of())) {
                String k = ConfigLines.canonical(p.key());
                if (k.equals(canonicalKey) || k.startsWith(canonicalKey + "[")) {
                    out.add(p);
                }
            }
            return out;
        }

        boolean shutdownEnabled() {
            return last(SHUTDOWN_ENABLED).map(p -> isTrue(p.value())).orElse(false)
                    || last(SHUTDOWN_ACCESS).map(p -> p.value().strip().equalsIgnoreCase("unrestricted")).orElse(false);
        }

        String basePath() {
            String base = last(BASE_PATH).map(p -> p.value().strip()).orElse("/actuator");
            if (base.equals("/")) {
                return "";
            }
            return base.startsWith("/") || base.isEmpty() ? base : "/" + base;
        }

        /** The management port when it differs from the server port. */
        Optional<String> separatePort() {
            Optional<String> port = last("management.server.port").or(() -> last("management.port"))
                    .map(p -> p.value().strip());
            if (port.isEmpty()) {
                return Optional.empty();
            }
            String server = last("server.port").map(p -> p.value().strip()).orElse("8080");
            return port.get().equals(server) ? Optional.empty() : port;
        }
    }
}
