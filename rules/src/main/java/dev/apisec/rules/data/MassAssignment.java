package dev.apisec.rules.data;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.BindingSource;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.EndpointParameter;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.Framework;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.ParameterInfo;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.persistence.HandlerBodies;
import dev.apisec.core.persistence.HandlerBodies.PropertyCopy;
import dev.apisec.core.persistence.PersistenceModel;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports persistent types bound straight from the request: {@code @RequestBody}, {@code @ModelAttribute} or an
 * implicit model attribute in Spring MVC, the unannotated entity parameter in JAX-RS. HIGH; CRITICAL when the type
 * has writable privilege or ownership fields (role, admin, owner, balance, status, ...). Also the indirect form:
 * a request DTO copied wholesale onto a persistent type with {@code BeanUtils.copyProperties}, ModelMapper or Dozer
 * in the handler or a project method it calls (MEDIUM). {@code @PathVariable}/{@code @RequestParam} domain-class
 * conversion loads by id and is not binding; an {@code @InitBinder} calling {@code setAllowedFields} that applies
 * to the controller silences model-attribute binding.
 */
@RuleDescriptor(
        id = "mass-assignment",
        title = "Request bound directly to a persistent entity",
        description = "A handler lets the request body or form parameters populate a persistence entity, so a "
                + "client can set fields the API never meant to expose for writing (roles, ownership, prices, "
                + "status) by adding them to the request.",
        severity = Severity.HIGH,
        cwe = {915},
        owasp = "API3",
        precision = Precision.HIGH,
        tags = {"mass-assignment", "persistence"})
public final class MassAssignment implements Rule {

    private static final Set<BindingSource> BOUND = Set.of(BindingSource.BODY, BindingSource.MODEL_ATTRIBUTE);

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        if (model.endpoints().isEmpty()) {
            return;
        }
        PersistenceModel persistence = model.persistence();
        HandlerBodies bodies = new HandlerBodies(model.types(), persistence);
        InitBinders binders = new InitBinders(model, bodies);
        for (List<Endpoint> group : Handlers.group(model.endpoints())) {
            Endpoint endpoint = group.get(0);
            for (EndpointParameter p : endpoint.parameters()) {
                if (!BOUND.contains(p.source())) {
                    continue;
                }
                Optional<TypeInfo> entity = persistence.persistentType(p.type());
                if (entity.isPresent()) {
                    if (p.source() == BindingSource.MODEL_ATTRIBUTE && endpoint.framework() == Framework.SPRING_MVC
                            && binders.restricts(endpoint, p)) {
                        continue;
                    }
                    reportDirect(context, persistence, group, p, entity.get());
                } else {
                    reportCopies(context, model, persistence, bodies, group, p);
                }
            }
        }
    }

    private static String binding(EndpointParameter p, Endpoint endpoint) {
        if (p.source() == BindingSource.BODY) {
            return "the request body";
        }
        boolean annotated = p.annotations().stream().anyMatch(a -> a.simpleName().equals("ModelAttribute"));
        return endpoint.framework() == Framework.JAX_RS ? "bean parameters"
                : annotated ? "the request parameters (@ModelAttribute)"
                : "the request parameters (implicit model attribute)";
    }

    private static void reportDirect(RuleContext context, PersistenceModel persistence, List<Endpoint> group,
                                     EndpointParameter p, TypeInfo entity) {
        Endpoint endpoint = group.get(0);
        List<FieldInfo> privileged = persistence.writablePrivilegeFields(entity.qualifiedName());
        String reason = persistence.reason(entity.qualifiedName()).orElse("persistent");
        StringBuilder m = new StringBuilder();
        m.append(Handlers.routes(group)).append(" binds ").append(binding(p, endpoint)).append(" to the persistent type ")
                .append(entity.simpleName()).append(" (").append(reason).append(") through parameter '")
                .append(p.name()).append("'");
        Severity severity;
        if (privileged.isEmpty()) {
            severity = Severity.HIGH;
            m.append(": a client can set any writable field of the entity, including ids and relations");
        } else {
            severity = Severity.CRITICAL;
            m.append(": a client can set the privilege or ownership fields ")
                    .append(privileged.stream().map(FieldInfo::name).collect(Collectors.joining(", ")))
                    .append(" by adding them to the request");
        }
        m.append("; bind a request DTO with only the editable fields and copy them explicitly");
        List<SourceLocation> related = new ArrayList<>();
        related.add(entity.location());
        privileged.forEach(f -> related.add(f.location()));
        context.report(endpoint.location(), severity, m.toString(), endpoint.route(), related);
    }

    private static void reportCopies(RuleContext context, ProjectModel model, PersistenceModel persistence,
                                     HandlerBodies bodies, List<Endpoint> group, EndpointParameter p) {
        Endpoint endpoint = group.get(0);
        int index = parameterIndex(endpoint.handler(), p.name());
        if (index < 0 && endpoint.parameters().size() == endpoint.handler().parameters().size()) {
            index = endpoint.parameters().indexOf(p);
        }
        if (index < 0) {
            return;
        }
        Map<String, PropertyCopy> copies = new LinkedHashMap<>();
        for (PropertyCopy c : bodies.propertyCopies(endpoint.handler(), index)) {
            copies.putIfAbsent(c.targetType(), c);
        }
        for (PropertyCopy copy : copies.values()) {
            Optional<TypeInfo> dto = model.types().type(persistence.unwrap(p.type()).qualifiedName());
            List<String> shared = new ArrayList<>();
            for (FieldInfo f : persistence.writablePrivilegeFields(copy.targetType())) {
                if (dto.isPresent() && dto.get().field(f.name()).isPresent()) {
                    shared.add(f.name());
                }
            }
            StringBuilder m = new StringBuilder();
            m.append(Handlers.routes(group)).append(" copies ").append(binding(p, endpoint)).append(" ('")
                    .append(p.name()).append("', ").append(p.type().text()).append(") wholesale onto the persistent type ")
                    .append(Handlers.simpleName(copy.targetType())).append(" with ").append(copy.call()).append(" (")
                    .append(Handlers.where(copy.location())).append(")");
            if (shared.isEmpty()) {
                m.append(": every property the request type shares with the entity is overwritten, including any "
                        + "added to it later");
            } else {
                m.append(": the request type carries the privilege fields ").append(String.join(", ", shared))
                        .append(", which the copy writes to the entity");
            }
            m.append("; copy the editable fields explicitly");
            context.report(endpoint.location(), Severity.MEDIUM, m.toString(), endpoint.route(),
                    List.of(copy.location()));
        }
    }

    private static int parameterIndex(MethodInfo handler, String name) {
        List<ParameterInfo> params = handler.parameters();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code @InitBinder} methods that call {@code setAllowedFields}: in the controller (and its supertypes) or in
     * a {@code @ControllerAdvice} that applies to it. Only data binding (model attributes) honours them; JSON
     * bodies are read by Jackson and ignore the binder.
     */
    private static final class InitBinders {
        private final ProjectModel model;
        private final HandlerBodies bodies;
        private List<TypeInfo> advice;

        InitBinders(ProjectModel model, HandlerBodies bodies) {
            this.model = model;
            this.bodies = bodies;
        }

        boolean restricts(Endpoint endpoint, EndpointParameter p) {
            Optional<TypeInfo> controller = model.types().type(endpoint.controllerType());
            if (controller.isEmpty()) {
                return false;
            }
            List<TypeInfo> candidates = new ArrayList<>();
            candidates.add(controller.get());
            candidates.addAll(model.types().allSupertypes(controller.get()));
            for (TypeInfo a : advice()) {
                if (applies(a, controller.get())) {
                    candidates.add(a);
                }
            }
            String attribute = modelAttributeName(p);
            for (TypeInfo t : candidates) {
                for (MethodInfo m : t.methods()) {
                    Optional<AnnotationInfo> binder = m.annotations().stream()
                            .filter(a -> a.simpleName().equals("InitBinder")).findFirst();
                    if (binder.isEmpty()) {
                        continue;
                    }
                    List<String> names = strings(binder.get().attribute("value"));
                    if ((names.isEmpty() || names.contains(attribute)) && bodies.calls(m, "setAllowedFields")) {
                        return true;
                    }
                }
            }
            return false;
        }

        private List<TypeInfo> advice() {
            if (advice == null) {
                advice = new ArrayList<>();
                for (SourceFile f : model.types().files()) {
                    if (model.types().facts(f).annotationNames().contains("InitBinder")) {
                        for (TypeInfo t : model.types().typesIn(f)) {
                            if (t.annotations().stream().anyMatch(a -> a.simpleName().endsWith("ControllerAdvice"))) {
                                advice.add(t);
                            }
                        }
                    }
                }
            }
            return advice;
        }

        /** A {@code @ControllerAdvice} without selectors applies everywhere; basePackages and types narrow it. */
        private static boolean applies(TypeInfo advice, TypeInfo controller) {
            AnnotationInfo a = advice.annotations().stream()
                    .filter(x -> x.simpleName().endsWith("ControllerAdvice")).findFirst().orElseThrow();
            List<String> packages = new ArrayList<>(strings(a.attribute("value")));
            packages.addAll(strings(a.attribute("basePackages")));
            List<String> types = new ArrayList<>();
            for (String attr : List.of("assignableTypes", "basePackageClasses")) {
                ValueExpr v = a.attribute(attr);
                for (ValueExpr e : v instanceof ValueExpr.Array arr ? arr.elements() : v == null ? List.<ValueExpr>of()
                        : List.of(v)) {
                    if (e instanceof ValueExpr.ClassLiteral c) {
                        types.add(c.typeName());
                    }
                }
            }
            if (packages.isEmpty() && types.isEmpty() && a.attribute("annotations") == null) {
                return true;
            }
            for (String pkg : packages) {
                if (controller.packageName().equals(pkg) || controller.packageName().startsWith(pkg + ".")) {
                    return true;
                }
            }
            return types.contains(controller.qualifiedName());
        }

        private static String modelAttributeName(EndpointParameter p) {
            for (AnnotationInfo a : p.annotations()) {
                if (a.simpleName().equals("ModelAttribute")) {
                    for (String attr : List.of("value", "name")) {
                        List<String> s = strings(a.attribute(attr));
                        if (!s.isEmpty() && !s.get(0).isEmpty()) {
                            return s.get(0);
                        }
                    }
                }
            }
            String simple = p.type().simpleName();
            return simple.isEmpty() ? simple : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        }

        private static List<String> strings(ValueExpr v) {
            List<String> out = new ArrayList<>();
            if (v instanceof ValueExpr.Literal l && l.isString()) {
                out.add(l.value());
            } else if (v instanceof ValueExpr.Array arr) {
                arr.elements().forEach(e -> out.addAll(strings(e)));
            }
            return out;
        }
    }
}
