package dev.apisec.core.web;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.lang.KnownTypes;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.source.FileFacts;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import dev.apisec.core.diag.Scheduler;

/**
 * Finds every endpoint of the project, parsing only what matters: files whose pre-scan shows a web annotation
 * (built-in, or a project annotation that carries one), plus the supertypes and implementations reached from
 * them on demand.
 */
public final class EndpointDiscovery {

    /** Simple names of the annotations that make a file an endpoint candidate. */
    static final Set<String> WEB_ANNOTATIONS = Set.of("RestController", "Controller", "RequestMapping",
            "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping", "Path", "GET", "POST", "PUT",
            "DELETE", "PATCH", "HEAD", "OPTIONS", "HttpMethod", "ApplicationPath");

    private static final int MAX_META_ROUNDS = 5;

    private final TypeIndex index;
    private final Notifications notes;
    private final Placeholders placeholders;

    public EndpointDiscovery(TypeIndex index, Notifications notes) {
        this(index, notes, List.of());
    }

    /** With configuration properties, used to resolve {@code ${...}} placeholders in mapping paths. */
    public EndpointDiscovery(TypeIndex index, Notifications notes, List<ConfigProperty> properties) {
        this.index = index;
        this.notes = notes;
        this.placeholders = new Placeholders(properties);
    }

    public List<Endpoint> discover(Scheduler scheduler) {
        Set<String> relevant = relevantAnnotationNames();
        List<SourceFile> candidates = new ArrayList<>();
        for (SourceFile f : index.files()) {
            FileFacts facts = index.facts(f);
            if (facts != null && facts.usesAnyAnnotation(relevant)) {
                candidates.add(f);
            }
        }
        // parse candidates in parallel; type facts are cached in the index
        List<Callable<List<TypeInfo>>> parseTasks = new ArrayList<>();
        for (SourceFile f : candidates) {
            parseTasks.add(() -> index.typesIn(f));
        }
        List<TypeInfo> types = new ArrayList<>();
        for (List<TypeInfo> list : scheduler.invokeAll(parseTasks)) {
            types.addAll(list);
        }

        SpringMvcEndpoints spring = new SpringMvcEndpoints(index);
        JaxRsEndpoints jaxrs = new JaxRsEndpoints(index);
        String applicationPath = applicationPath(types, jaxrs);

        List<Callable<List<Endpoint>>> tasks = new ArrayList<>();
        Set<String> seenControllers = new HashSet<>();
        for (TypeInfo t : types) {
            if (t.kind() == TypeKind.CLASS && seenControllers.add(t.qualifiedName())) {
                tasks.add(() -> guarded(t, () -> spring.isController(t) ? spring.endpoints(t) : List.of()));
            }
        }
        // Spring controllers can also inherit everything from an annotated abstract base or interface
        for (TypeInfo t : types) {
            if (t.isAbstract() || t.kind() == TypeKind.INTERFACE) {
                for (TypeInfo sub : index.subtypes(t)) {
                    if (sub.kind() == TypeKind.CLASS && seenControllers.add(sub.qualifiedName())) {
                        tasks.add(() -> guarded(sub, () -> spring.isController(sub) ? spring.endpoints(sub) : List.of()));
                    }
                }
            }
        }
        for (TypeInfo resource : jaxrs.rootResources(types)) {
            if (!spring.isController(resource)) {
                tasks.add(() -> guarded(resource, () -> jaxrs.endpoints(resource, applicationPath)));
            }
        }
        List<Endpoint> out = new ArrayList<>();
        for (List<Endpoint> list : scheduler.invokeAll(tasks)) {
            for (Endpoint e : list) {
                String path = Paths.normalize(placeholders.resolve(e.path()));
                out.add(path.equals(e.path()) ? e : new Endpoint(e.framework(), e.httpMethod(), path, e.consumes(),
                        e.produces(), e.controllerType(), e.handler(), e.mappingSource(), e.parameters(),
                        e.returnType()));
            }
        }
        out.sort(Endpoint.ORDER);
        return dedupe(out);
    }

    private static List<Endpoint> dedupe(List<Endpoint> sorted) {
        List<Endpoint> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Endpoint e : sorted) {
            if (seen.add(e.route() + "|" + e.controllerType() + "|" + e.handler().signature())) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Endpoint> guarded(TypeInfo type, Callable<List<Endpoint>> work) {
        try {
            return work.call();
        } catch (Exception | StackOverflowError e) {
            notes.warning(type.file(), type.location().startLine(),
                    "endpoints of " + type.qualifiedName() + " not analysed: " + e);
            return List.of();
        }
    }

    /**
     * The built-in web annotation names plus the simple names of project annotations that carry one of them
     * (custom stereotypes, composed mappings, custom HTTP method designators), to a fixpoint.
     */
    Set<String> relevantAnnotationNames() {
        Set<String> relevant = new HashSet<>(WEB_ANNOTATIONS);
        List<SourceFile> declarations = new ArrayList<>();
        for (SourceFile f : index.files()) {
            FileFacts facts = index.facts(f);
            if (facts != null && facts.markers().contains(Marker.ANNOTATION_DECLARATION)) {
                declarations.add(f);
            }
        }
        for (int round = 0; round < MAX_META_ROUNDS; round++) {
            boolean changed = false;
            for (SourceFile f : declarations) {
                if (!index.facts(f).usesAnyAnnotation(relevant)) {
                    continue;
                }
                for (TypeInfo t : index.typesIn(f)) {
                    if (t.kind() == TypeKind.ANNOTATION && !relevant.contains(t.simpleName())
                            && t.annotations().stream().anyMatch(a -> relevant.contains(a.simpleName()))) {
                        relevant.add(t.simpleName());
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return relevant;
    }

    private String applicationPath(List<TypeInfo> types, JaxRsEndpoints jaxrs) {
        List<String> found = new ArrayList<>();
        for (TypeInfo t : types) {
            jaxrs.applicationPath(t).ifPresent(found::add);
        }
        found.sort(null);
        // one JAX-RS application per module is the norm; with several, the first (sorted) is used
        return found.isEmpty() ? "" : found.get(0);
    }
}
