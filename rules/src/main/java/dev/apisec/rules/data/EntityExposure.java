package dev.apisec.rules.data;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.Framework;
import dev.apisec.core.lang.KnownTypes;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.persistence.HandlerBodies;
import dev.apisec.core.persistence.PersistenceModel;
import dev.apisec.core.persistence.PersistenceModel.ExposedField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports handlers whose response body is a persistent type (JPA entity, Spring Data document, repository domain
 * type): declared as the return type (also inside {@code ResponseEntity}, collections, {@code Page},
 * {@code Optional}, {@code Mono}/{@code Flux}, futures, arrays, map values) or, when the declared type says
 * nothing ({@code ResponseEntity<?>}, {@code Object}, JAX-RS {@code Response}), returned through
 * {@code ResponseEntity.ok(x)}, {@code Response.ok(x).build()} and local variables. HIGH; CRITICAL when the JSON
 * shows sensitive fields (passwords, tokens, card numbers, ...) of the entity or of entities reachable through its
 * fields; MEDIUM when the handler serializes through a {@code @JsonView}. One finding per handler.
 */
@RuleDescriptor(
        id = "entity-exposure",
        title = "Persistent entity returned as the API response",
        description = "A handler serializes a persistence entity straight into the response, so every readable "
                + "field of the data model (present and future: secrets, internal flags, relations) reaches the "
                + "client instead of a response DTO that lists what clients may see.",
        severity = Severity.HIGH,
        cwe = {213},
        owasp = "API3",
        precision = Precision.HIGH,
        tags = {"data-exposure", "persistence"})
public final class EntityExposure implements Rule {

    private static final Set<String> OPEN_TYPES = Set.of("java.lang.Object", "Object", "?");
    private static final Set<String> RAW_RESPONSES = Set.of("ResponseEntity", "HttpEntity", "Response");

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        if (model.endpoints().isEmpty()) {
            return;
        }
        PersistenceModel persistence = model.persistence();
        HandlerBodies bodies = new HandlerBodies(model.types(), persistence);
        for (List<Endpoint> group : Handlers.group(model.endpoints())) {
            Endpoint endpoint = group.get(0);
            if (endpoint.returnType().isVoid() || !writesBody(model, endpoint)) {
                continue;
            }
            Optional<Exposure> exposure = exposure(endpoint, persistence, bodies);
            exposure.ifPresent(x -> report(context, model, persistence, group, x));
        }
    }

    /** What the handler returns: the persistent type and how it was found. */
    private record Exposure(TypeInfo entity, String how, SourceLocation returnLocation) {
    }

    private static Optional<Exposure> exposure(Endpoint endpoint, PersistenceModel persistence, HandlerBodies bodies) {
        TypeRef declared = endpoint.returnType();
        Optional<TypeInfo> direct = persistence.persistentType(declared);
        if (direct.isPresent()) {
            return Optional.of(new Exposure(direct.get(), "declared return type " + declared.text(), null));
        }
        TypeRef inner = persistence.unwrap(declared);
        boolean open = OPEN_TYPES.contains(inner.qualifiedName())
                || (inner.arguments().isEmpty() && RAW_RESPONSES.contains(inner.simpleName()));
        if (!open) {
            return Optional.empty();
        }
        for (HandlerBodies.ReturnedValue value : bodies.returnedValues(endpoint.handler())) {
            Optional<TypeInfo> returned = persistence.persistentType(value.type());
            if (returned.isPresent()) {
                String how = value.expression().equals(value.returned())
                        ? "returns " + value.returned()
                        : "returns " + value.expression() + " in " + value.returned();
                return Optional.of(new Exposure(returned.get(), how + " (line " + value.location().startLine()
                        + ")", value.location()));
            }
        }
        return Optional.empty();
    }

    /**
     * Spring MVC writes the return value as the body only for {@code @RestController}/{@code @ResponseBody} or
     * {@code ResponseEntity}/{@code HttpEntity}; a plain {@code @Controller} hands it to a view.
     */
    private static boolean writesBody(ProjectModel model, Endpoint endpoint) {
        if (endpoint.framework() != Framework.SPRING_MVC) {
            return true;
        }
        String raw = endpoint.returnType().simpleName();
        if (raw.equals("ResponseEntity") || raw.equals("HttpEntity")) {
            return true;
        }
        List<AnnotationInfo> annotations = new ArrayList<>(endpoint.handler().annotations());
        annotations.addAll(endpoint.mappingSource().annotations());
        model.types().type(endpoint.controllerType()).ifPresent(t -> annotations.addAll(t.annotations()));
        model.types().type(endpoint.mappingSource().declaringType()).ifPresent(t -> annotations.addAll(t.annotations()));
        return model.annotations().has(annotations, n -> n.equals(KnownTypes.REST_CONTROLLER)
                || n.equals(KnownTypes.SPRING_WEB + "ResponseBody"));
    }

    private static void report(RuleContext context, ProjectModel model, PersistenceModel persistence,
                               List<Endpoint> group, Exposure x) {
        Endpoint endpoint = group.get(0);
        String entity = x.entity().simpleName();
        String reason = persistence.reason(x.entity().qualifiedName()).orElse("persistent");
        List<ExposedField> sensitive = persistence.exposedSensitiveFields(x.entity().qualifiedName());
        String fields = sensitive.stream().map(ExposedField::path).collect(Collectors.joining(", "));
        boolean jsonView = hasJsonView(endpoint);

        StringBuilder m = new StringBuilder();
        m.append(Handlers.routes(group)).append(" returns the persistent type ").append(entity).append(" (")
                .append(reason).append(") as the response body: ").append(x.how());
        Severity severity;
        if (jsonView) {
            severity = Severity.MEDIUM;
            m.append("; @JsonView limits the serialized fields, but the view lives on the entity and every field "
                    + "added to it later can leak");
            if (!sensitive.isEmpty()) {
                m.append(" (check that the view excludes the sensitive fields ").append(fields).append(")");
            }
        } else if (!sensitive.isEmpty()) {
            severity = Severity.CRITICAL;
            m.append("; the JSON includes the sensitive fields ").append(fields)
                    .append(", which no @JsonIgnore, WRITE_ONLY access, transient or @JsonIgnoreProperties hides");
        } else {
            severity = Severity.HIGH;
            m.append("; every readable field of the data model, present and future, is serialized");
        }
        m.append("; return a response DTO with only the fields clients need");

        List<SourceLocation> related = new ArrayList<>();
        if (x.returnLocation() != null) {
            related.add(x.returnLocation());
        }
        related.add(x.entity().location());
        for (ExposedField f : sensitive) {
            related.add(f.field().location());
        }
        context.report(endpoint.location(), severity, m.toString(), endpoint.route(), related);
    }

    private static boolean hasJsonView(Endpoint endpoint) {
        return endpoint.handler().annotations().stream().anyMatch(a -> a.simpleName().equals("JsonView"))
                || endpoint.mappingSource().annotations().stream().anyMatch(a -> a.simpleName().equals("JsonView"));
    }
}
