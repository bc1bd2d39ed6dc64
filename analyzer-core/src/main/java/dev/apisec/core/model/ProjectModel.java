package dev.apisec.core.model;

import dev.apisec.core.cors.CorsExtractor;
import dev.apisec.core.cors.CorsPolicy;
import dev.apisec.core.engine.Notifications;
import dev.apisec.core.errors.ErrorHandling;
import dev.apisec.core.persistence.PersistenceModel;
import dev.apisec.core.flow.ObjectAccess;
import dev.apisec.core.flow.OwnershipAnalysis;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.EffectiveAccessResolver;
import dev.apisec.core.security.SecurityModel;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one model rules read: the project's types (lazily parsed), its endpoints, facts such as CORS
 * configuration, and configuration properties. Built by {@link dev.apisec.core.engine.Engine}.
 */
public final class ProjectModel {

    private final TypeIndex types;
    private final ConstantResolver constants;
    private final AnnotationLookup annotations;
    private final List<Endpoint> endpoints;
    private final List<ConfigProperty> configProperties;
    private final Notifications notifications;
    private final Supplier<List<CorsPolicy>> corsPolicies;
    private final List<SourceFile> configFiles;
    private final Supplier<SecurityModel> security;
    private final Supplier<ErrorHandling> errorHandling;
    private final Supplier<PersistenceModel> persistence;
    private final Supplier<List<ObjectAccess>> uncheckedObjectAccesses;

    public ProjectModel(TypeIndex types, List<Endpoint> endpoints, List<ConfigProperty> configProperties,
                        Notifications notifications) {
        this(types, endpoints, configProperties, List.of(), notifications);
    }

    public ProjectModel(TypeIndex types, List<Endpoint> endpoints, List<ConfigProperty> configProperties,
                        List<SourceFile> configFiles, Notifications notifications) {
        this.types = types;
        this.configFiles = List.copyOf(configFiles);
        this.constants = new ConstantResolver(types);
        this.annotations = new AnnotationLookup(types);
        this.endpoints = List.copyOf(endpoints);
        this.configProperties = List.copyOf(configProperties);
        this.notifications = notifications;
        this.corsPolicies = memoize(() -> new CorsExtractor(this).extract());
        this.security = memoize(() -> new EffectiveAccessResolver(this).resolve());
        this.errorHandling = memoize(() -> ErrorHandling.of(this));
        this.persistence = memoize(() -> new PersistenceModel(types));
        this.uncheckedObjectAccesses = memoize(() -> new OwnershipAnalysis(this).uncheckedAccesses());
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    public TypeIndex types() {
        return types;
    }

    public ConstantResolver constants() {
        return constants;
    }

    public AnnotationLookup annotations() {
        return annotations;
    }

    /** Every endpoint, sorted by path, method, controller and handler. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** CORS configuration facts (annotations, registries, configuration objects, headers). */
    public List<CorsPolicy> corsPolicies() {
        return corsPolicies.get();
    }

    /**
     * The security that applies: Spring Security chains and method security, JAX-RS roles, web.xml constraints,
     * and the effective access of every endpoint.
     */
    public SecurityModel security() {
        return security.get();
    }

    /**
     * Object references of endpoints (ids in paths, queries, body DTOs; domain-class conversion) that reach a
     * data-access sink with no ownership check on the way, with the flow from parameter to sink.
     */
    public List<ObjectAccess> uncheckedObjectAccesses() {
        return uncheckedObjectAccesses.get();
    }

    /** Persistent types (entities, documents, repository domain types) and what their fields expose. */
    public PersistenceModel persistence() {
        return persistence.get();
    }

    /** Exception handlers, exception mappers and which project exceptions carry project-written messages. */
    public ErrorHandling errorHandling() {
        return errorHandling.get();
    }

    /** The effective access of one of this model's endpoints. */
    public Access access(Endpoint endpoint) {
        return security().access(endpoint);
    }

    /** Non-Java configuration files found (application*.properties|yml|yaml, web.xml), sorted by path. */
    public List<SourceFile> configFiles() {
        return configFiles;
    }

    public List<ConfigProperty> configProperties() {
        return configProperties;
    }

    public Optional<ConfigProperty> configProperty(String key) {
        return configProperties.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Java files whose pre-scan found {@code marker}, sorted by path. */
    public List<SourceFile> filesWith(Marker marker) {
        return types.filesWith(marker);
    }

    /** Where rules and fact extractors record problems with user code (never thrown). */
    public Notifications notifications() {
        return notifications;
    }
}
