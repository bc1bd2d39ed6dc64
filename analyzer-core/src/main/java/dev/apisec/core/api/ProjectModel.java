package dev.apisec.core.api;

import dev.apisec.core.analysis.ownership.ObjectAccess;
import dev.apisec.core.analysis.ownership.OwnershipAnalysis;
import dev.apisec.core.cors.CorsExtractor;
import dev.apisec.core.cors.CorsPolicy;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.errors.ErrorHandling;
import dev.apisec.core.facts.AnalysisOptions;
import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.Facts;
import dev.apisec.core.lang.AnnotationLookup;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.persistence.PersistenceModel;
import dev.apisec.core.security.Access;
import dev.apisec.core.security.EffectiveAccessResolver;
import dev.apisec.core.security.SecurityModel;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.List;
import java.util.Optional;

/**
 * The one model rules read: the project's types (lazily parsed), its endpoints, its configuration, and the facts
 * computed from them (security, CORS, persistence, error handling, object accesses), each computed once when first
 * asked for. A typed view over {@link Facts}; built by {@link dev.apisec.core.engine.Engine}.
 */
public final class ProjectModel {

    private final Facts facts;

    public ProjectModel(Facts facts) {
        this.facts = facts;
    }

    /** Any registered fact, by its key. */
    public <T> T fact(FactKey<T> key) {
        return facts.get(key);
    }

    public TypeIndex types() {
        return facts.types();
    }

    public ConstantResolver constants() {
        return facts.constants();
    }

    public AnnotationLookup annotations() {
        return facts.annotations();
    }

    /** Every endpoint, sorted by path, method, controller and handler. */
    public List<Endpoint> endpoints() {
        return facts.endpoints();
    }

    /** CORS configuration facts (annotations, registries, configuration objects, headers). */
    public List<CorsPolicy> corsPolicies() {
        return facts.get(CorsExtractor.POLICIES);
    }

    /**
     * The security that applies: Spring Security chains and method security, JAX-RS roles, web.xml constraints,
     * and the effective access of every endpoint.
     */
    public SecurityModel security() {
        return facts.get(EffectiveAccessResolver.SECURITY);
    }

    /**
     * Object references of endpoints (ids in paths, queries, body DTOs; domain-class conversion) that reach a
     * data-access sink with no ownership check on the way, with the flow from parameter to sink.
     */
    public List<ObjectAccess> uncheckedObjectAccesses() {
        return facts.get(OwnershipAnalysis.UNCHECKED);
    }

    /** Persistent types (entities, documents, repository domain types) and what their fields expose. */
    public PersistenceModel persistence() {
        return facts.get(PersistenceModel.FACT);
    }

    /** Exception handlers, exception mappers and which project exceptions carry project-written messages. */
    public ErrorHandling errorHandling() {
        return facts.get(ErrorHandling.FACT);
    }

    /** The effective access of one of this model's endpoints. */
    public Access access(Endpoint endpoint) {
        return security().access(endpoint);
    }

    /** Non-Java configuration files found (application*.properties|yml|yaml, web.xml), sorted by path. */
    public List<SourceFile> configFiles() {
        return facts.configFiles();
    }

    public List<ConfigProperty> configProperties() {
        return facts.configProperties();
    }

    public Optional<ConfigProperty> configProperty(String key) {
        return facts.configProperty(key);
    }

    /** Java files whose pre-scan found {@code marker}, sorted by path. */
    public List<SourceFile> filesWith(Marker marker) {
        return facts.filesWith(marker);
    }

    /** The options of this analysis (rule options, extra checker and principal rows). */
    public AnalysisOptions options() {
        return facts.options();
    }

    /** Where rules and fact extractors record problems with user code (never thrown). */
    public Notifications notifications() {
        return facts.notifications();
    }
}
