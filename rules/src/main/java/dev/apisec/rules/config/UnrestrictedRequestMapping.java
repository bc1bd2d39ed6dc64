package dev.apisec.rules.config;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.Framework;
import dev.apisec.core.lang.KnownTypes;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reports Spring handler methods mapped with a method-level {@code @RequestMapping} that names no HTTP method
 * (and inherits none from the class-level mapping): the handler answers GET, POST, PUT, DELETE and every other
 * verb alike, so a state change can be triggered by a plain GET, which CSRF protection never checks. Composed
 * annotations ({@code @PostMapping}, project annotations meta-annotated with a method) and class-level mappings
 * are fine.
 */
@RuleDescriptor(
        id = "unrestricted-request-mapping",
        title = "Request mapping accepts every HTTP method",
        description = "A handler method is mapped with @RequestMapping without a method attribute, so it answers "
                + "every HTTP method, GET included: state changes can be triggered by links and image tags, and "
                + "CSRF protection, which skips GET, does not cover them.",
        severity = Severity.MEDIUM,
        cwe = {352},
        owasp = "API8",
        precision = Precision.HIGH,
        tags = {"spring", "csrf"})
public final class UnrestrictedRequestMapping implements Rule {

    @Override
    public void check(RuleContext context) {
        // one finding per @RequestMapping declaration: a handler with several paths, or an interface mapping
        // implemented by several controllers, is still one thing to fix
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Endpoint e : context.model().endpoints()) {
            if (e.framework() != Framework.SPRING_MVC || !e.httpMethod().equals("*")) {
                continue;
            }
            MethodInfo source = e.mappingSource() == null ? e.handler() : e.mappingSource();
            Optional<AnnotationInfo> mapping = source.annotations().stream()
                    .filter(a -> a.is(KnownTypes.REQUEST_MAPPING))
                    .findFirst();
            if (mapping.isEmpty() || mapping.get().has("method")) {
                continue;
            }
            SourceLocation at = mapping.get().location();
            String key = at.file() + ":" + at.startLine() + ":" + at.startColumn();
            groups.computeIfAbsent(key, k -> new Group(at, source)).add(e);
        }
        for (Group g : groups.values()) {
            context.report(g.location, context.metadata().severity(), g.message(), g.endpoints.get(0).route(),
                    List.of());
        }
    }

    private static final class Group {
        final SourceLocation location;
        final MethodInfo source;
        final List<Endpoint> endpoints = new ArrayList<>();

        Group(SourceLocation location, MethodInfo source) {
            this.location = location;
            this.source = source;
        }

        void add(Endpoint e) {
            endpoints.add(e);
            endpoints.sort(Endpoint.ORDER);
        }

        String message() {
            TreeSet<String> handlers = new TreeSet<>();
            TreeSet<String> paths = new TreeSet<>();
            for (Endpoint e : endpoints) {
                handlers.add(simple(e.controllerType()) + "." + e.handler().signature());
                paths.add(e.path());
            }
            String declared = handlers.size() == 1 && endpoints.get(0).handler().declaringType()
                    .equals(source.declaringType()) ? ""
                    : " (mapping declared on " + simple(source.declaringType()) + "." + source.signature() + ")";
            return String.join(", ", handlers) + declared + " is mapped with @RequestMapping without a method, "
                    + "so " + (paths.size() == 1 ? "" : "each of ") + String.join(", ", paths)
                    + " answers every HTTP method, GET included: a cross-site link or image can trigger it, "
                    + "and CSRF protection does not check GET requests; use @GetMapping, @PostMapping, ... "
                    + "or set method";
        }

        private static String simple(String qualified) {
            return qualified.substring(qualified.lastIndexOf('.') + 1);
        }
    }
}
