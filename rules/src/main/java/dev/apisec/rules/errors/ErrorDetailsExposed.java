package dev.apisec.rules.errors;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.ConfigProperty;

import java.util.Locale;

/**
 * Reports Spring Boot error-page settings that put exception details into every error response:
 * {@code server.error.include-stacktrace=always} (HIGH) or {@code on-param}/{@code on-trace-param} (MEDIUM: any
 * caller can add the parameter), {@code include-message=always} and {@code include-exception=true} (MEDIUM),
 * {@code include-binding-errors=always} (LOW). Every {@code application*.properties|yml|yaml} file and every YAML
 * document counts, whatever its profile: each is evaluated on its own, at the line of the property.
 */
@RuleDescriptor(
        id = "error-details-exposed",
        title = "Error responses include exception details",
        description = "Spring Boot's error response is configured to include stack traces, exception messages, "
                + "exception class names or binding errors, which reveal internals to any client that triggers "
                + "an error.",
        severity = Severity.HIGH,
        cwe = {209},
        owasp = "API8",
        precision = Precision.HIGH,
        tags = {"configuration", "error-handling", "spring-boot"})
public final class ErrorDetailsExposed implements Rule {

    private static final String PREFIX = "server.error.";

    @Override
    public void check(RuleContext context) {
        ConfigLines lines = new ConfigLines(context.model());
        for (ConfigProperty p : context.model().configProperties()) {
            String key = ConfigLines.canonical(p.key());
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String value = p.value().strip().toLowerCase(Locale.ROOT).replace('_', '-');
            String where = p.key() + "=" + p.value().strip() + " in " + ConfigLines.fileName(p.file());
            switch (key.substring(PREFIX.length())) {
                case "includestacktrace" -> {
                    if (value.equals("always")) {
                        context.report(lines.location(p), Severity.HIGH, where + " puts the stack trace of every "
                                + "error into the response: class names, library versions and code structure for "
                                + "any client that triggers an error");
                    } else if (value.equals("on-param") || value.equals("on-trace-param")) {
                        context.report(lines.location(p), Severity.MEDIUM, where + " puts the stack trace into the "
                                + "error response whenever the request carries the trace parameter, which any "
                                + "client can add");
                    }
                }
                case "includemessage" -> {
                    if (value.equals("always")) {
                        context.report(lines.location(p), Severity.MEDIUM, where + " puts exception messages into "
                                + "error responses; messages of database, framework and library exceptions "
                                + "reveal queries, file paths and internal names");
                    }
                }
                case "includeexception" -> {
                    if (value.equals("true")) {
                        context.report(lines.location(p), Severity.MEDIUM, where + " puts the exception class "
                                + "name into error responses, revealing the frameworks and libraries in use");
                    }
                }
                case "includebindingerrors" -> {
                    if (value.equals("always")) {
                        context.report(lines.location(p), Severity.LOW, where + " puts binding errors, with the "
                                + "rejected values and the names of the bound classes, into error responses");
                    }
                }
                default -> {
                    // other server.error.* settings (path, whitelabel) expose nothing
                }
            }
        }
    }
}
