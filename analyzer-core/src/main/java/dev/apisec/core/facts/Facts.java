package dev.apisec.core.facts;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.diag.Scheduler;
import dev.apisec.core.lang.AnnotationLookup;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts of one analysis: the project's inputs (types, endpoints, configuration) and every registered fact,
 * computed lazily and once, whichever thread asks first. A provider sees a view of this that lets it read only
 * the facts it declared. Thread-safe: a fact being computed blocks the other threads that ask for it, and since
 * the dependency graph has no cycle, no two computations wait for each other.
 */
public final class Facts {

    private final ProjectInputs inputs;
    private final ConstantResolver constants;
    private final AnnotationLookup annotations;
    private final Map<FactKey<?>, FactProvider<?>> providers;
    private final Map<FactKey<?>, Memo<?>> memos;
    /** The facts this view may read; null for the unrestricted view (rules, the engine). */
    private final Set<FactKey<?>> readable;
    private final String reader;

    private Facts(ProjectInputs inputs, ConstantResolver constants, AnnotationLookup annotations,
                  Map<FactKey<?>, FactProvider<?>> providers, Map<FactKey<?>, Memo<?>> memos,
                  Set<FactKey<?>> readable, String reader) {
        this.inputs = inputs;
        this.constants = constants;
        this.annotations = annotations;
        this.providers = providers;
        this.memos = memos;
        this.readable = readable;
        this.reader = reader;
    }

    static Facts open(ProjectInputs inputs, Map<FactKey<?>, FactProvider<?>> providers) {
        return new Facts(inputs, new ConstantResolver(inputs.types()), new AnnotationLookup(inputs.types()),
                providers, new ConcurrentHashMap<>(), null, null);
    }

    /** The value of {@code key}, computed now if nobody asked for it before. */
    public <T> T get(FactKey<T> key) {
        if (readable != null && !readable.contains(key)) {
            throw new IllegalStateException("the provider of " + reader + " reads " + key
                    + " without declaring it as a dependency");
        }
        @SuppressWarnings("unchecked")
        FactProvider<T> provider = (FactProvider<T>) providers.get(key);
        if (provider == null) {
            throw new IllegalArgumentException("no provider computes fact " + key);
        }
        @SuppressWarnings("unchecked")
        Memo<T> memo = (Memo<T>) memos.computeIfAbsent(key, k -> new Memo<>());
        return memo.get(() -> provider.compute(viewFor(provider)));
    }

    private Facts viewFor(FactProvider<?> provider) {
        return new Facts(inputs, constants, annotations, providers, memos, Set.copyOf(provider.dependencies()),
                provider.key().name());
    }

    public TypeIndex types() {
        return inputs.types();
    }

    public ConstantResolver constants() {
        return constants;
    }

    public AnnotationLookup annotations() {
        return annotations;
    }

    /** Every endpoint, sorted by path, method, controller and handler. */
    public List<Endpoint> endpoints() {
        return inputs.endpoints();
    }

    public List<ConfigProperty> configProperties() {
        return inputs.configProperties();
    }

    public Optional<ConfigProperty> configProperty(String key) {
        return inputs.configProperties().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Non-Java configuration files found (application*.properties|yml|yaml, web.xml), sorted by path. */
    public List<SourceFile> configFiles() {
        return inputs.configFiles();
    }

    /** Java files whose pre-scan found {@code marker}, sorted by path. */
    public List<SourceFile> filesWith(Marker marker) {
        return inputs.types().filesWith(marker);
    }

    public Notifications notifications() {
        return inputs.notifications();
    }

    /** The analysis's threads: every parallel step goes through it. */
    public Scheduler scheduler() {
        return inputs.scheduler();
    }

    public AnalysisOptions options() {
        return inputs.options();
    }

    /** A value computed once; callers block while another thread computes it. */
    private static final class Memo<T> {
        private T value;
        private boolean done;

        synchronized T get(java.util.function.Supplier<T> compute) {
            if (!done) {
                value = compute.get();
                done = true;
            }
            return value;
        }
    }
}
