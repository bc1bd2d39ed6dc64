package dev.apisec.core.persistence;

import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.FactProvider;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which project types are persistent, and what their fields say. A type is persistent when it or a project
 * supertype carries a persistence mapping annotation (JPA/Hibernate {@code @Entity}, {@code @Embeddable},
 * {@code @MappedSuperclass}; Spring Data {@code @Document}, {@code @Table}, {@code @Node}, {@code @RedisHash}) or
 * when it is the domain type of a project repository interface (Spring Data {@code Repository} subtypes,
 * {@code @RepositoryDefinition}). Records, enums and interfaces (projections) are never persistent.
 * Answers are computed on demand and memoized; thread-safe.
 */
public final class PersistenceModel {

    /** The project's persistent types. */
    public static final FactKey<PersistenceModel> FACT = FactKey.named("persistence.model");

    public static FactProvider<PersistenceModel> provider() {
        return FactProvider.of(FACT, List.of(), facts -> new PersistenceModel(facts.types()));
    }

    /** Fields are followed this deep when looking for exposed secrets ({@code order.customer.passwordHash}). */
    public static final int MAX_FIELD_DEPTH = 3;

    private static final List<String> MAPPING_ANNOTATIONS = List.of(
            "jakarta.persistence.Entity", "jakarta.persistence.Embeddable", "jakarta.persistence.MappedSuperclass",
            "javax.persistence.Entity", "javax.persistence.Embeddable", "javax.persistence.MappedSuperclass",
            "org.hibernate.annotations.Entity",
            "org.springframework.data.mongodb.core.mapping.Document",
            "org.springframework.data.elasticsearch.annotations.Document",
            "org.springframework.data.couchbase.core.mapping.Document",
            "org.springframework.data.relational.core.mapping.Table",
            "org.springframework.data.cassandra.core.mapping.Table",
            "org.springframework.data.neo4j.core.schema.Node",
            "org.springframework.data.redis.core.RedisHash");

    /** Containers whose element, value or payload is what is serialized or bound. */
    private static final Set<String> CONTAINERS = Set.of("ResponseEntity", "HttpEntity", "RequestEntity", "Optional",
            "List", "Set", "Collection", "Iterable", "Stream", "Page", "Slice", "Mono", "Flux", "CompletableFuture",
            "CompletionStage", "Future", "DeferredResult", "Callable", "WebAsyncTask", "ListenableFuture",
            "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "SortedSet", "Deque", "Queue",
            "Uni", "Multi", "Publisher", "GenericEntity", "EntityModel", "CollectionModel", "PagedModel",
            "Window", "PageImpl", "SliceImpl");

    private static final Set<String> MAPS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap",
            "ConcurrentMap", "ConcurrentHashMap", "MultiValueMap");

    private final TypeIndex types;
    private final Map<String, Optional<String>> reasons = new ConcurrentHashMap<>();
    private final Supplier<Map<String, String>> repositoryIndex;
    private final Supplier<Map<String, String>> repositories;

    public PersistenceModel(TypeIndex types) {
        this.types = types;
        this.repositoryIndex = memoize(this::indexRepositories);
        this.repositories = memoize(this::findRepositories);
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

    /** True when {@code qualifiedName} is a persistent project type. */
    public boolean isPersistent(String qualifiedName) {
        return reason(qualifiedName).isPresent();
    }

    /**
     * Why a type is persistent, for messages: {@code @Entity}, {@code @Document on BaseDocument}, {@code domain
     * type of UserRepository}; empty when it is not persistent.
     */
    public Optional<String> reason(String qualifiedName) {
        if (qualifiedName == null) {
            return Optional.empty();
        }
        Optional<String> known = reasons.get(qualifiedName);
        if (known != null) {
            return known;
        }
        Optional<String> computed = computeReason(qualifiedName);
        reasons.putIfAbsent(qualifiedName, computed);
        return computed;
    }

    private Optional<String> computeReason(String qualifiedName) {
        // cheap rejection from the pre-scan, so DTOs are never parsed just to learn they are not entities
        Optional<dev.apisec.core.source.SourceFile> file = types.fileOf(qualifiedName);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        dev.apisec.core.source.FileFacts facts = types.facts(file.get());
        boolean mappingInFile = MAPPING_ANNOTATIONS.stream().anyMatch(a -> facts.annotationNames().contains(KnownSimple.of(a)));
        if (!mappingInFile && facts.supertypeNames().isEmpty() && !repositories.get().containsKey(qualifiedName)) {
            return Optional.empty();
        }
        Optional<TypeInfo> type = types.type(qualifiedName);
        if (type.isEmpty() || type.get().kind() != TypeKind.CLASS) {
            return Optional.empty();
        }
        Optional<String> own = mappingAnnotation(type.get());
        if (own.isPresent()) {
            return own.map(a -> "@" + a);
        }
        for (TypeInfo sup : types.allSupertypes(type.get())) {
            Optional<String> inherited = mappingAnnotation(sup);
            if (inherited.isPresent()) {
                return Optional.of("@" + inherited.get() + " on " + sup.simpleName());
            }
        }
        String repository = repositories.get().get(qualifiedName);
        return repository == null ? Optional.empty()
                : Optional.of("domain type of " + KnownSimple.of(repository));
    }

    /** The simple name of the mapping annotation on {@code type}, if any. */
    private static Optional<String> mappingAnnotation(TypeInfo type) {
        for (AnnotationInfo a : type.annotations()) {
            if (MAPPING_ANNOTATIONS.contains(a.name())) {
                return Optional.of(a.simpleName());
            }
            if (!a.name().contains(".")) {
                // imported with a wildcard the resolver does not know: accept when a wildcard import names the package
                for (String fqn : MAPPING_ANNOTATIONS) {
                    String pkg = fqn.substring(0, fqn.lastIndexOf('.') + 1);
                    if (KnownSimple.of(fqn).equals(a.name()) && type.imports().contains(pkg + "*")) {
                        return Optional.of(a.simpleName());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The persistent type a declared type carries, looking through containers ({@code ResponseEntity},
     * {@code Optional}, collections, {@code Page}, {@code Mono}/{@code Flux}, futures, arrays, map values).
     */
    public Optional<TypeInfo> persistentType(TypeRef type) {
        return persistentType(type, 0);
    }

    private Optional<TypeInfo> persistentType(TypeRef type, int depth) {
        if (type == null || depth > 6) {
            return Optional.empty();
        }
        if (isPersistent(type.qualifiedName())) {
            return types.type(type.qualifiedName());
        }
        String simple = type.simpleName();
        if (type.arrayLevels() == 0 && CONTAINERS.contains(simple) && !type.arguments().isEmpty()) {
            return persistentType(type.arguments().get(0), depth + 1);
        }
        if (type.arrayLevels() == 0 && MAPS.contains(simple) && type.arguments().size() == 2) {
            return persistentType(type.arguments().get(1), depth + 1);
        }
        return Optional.empty();
    }

    /** The innermost type below the containers {@link #persistentType} looks through. */
    public TypeRef unwrap(TypeRef type) {
        TypeRef t = type;
        for (int i = 0; i < 6 && t != null && t.arrayLevels() == 0; i++) {
            if (CONTAINERS.contains(t.simpleName()) && t.arguments().size() == 1) {
                t = t.arguments().get(0);
            } else if (MAPS.contains(t.simpleName()) && t.arguments().size() == 2) {
                t = t.arguments().get(1);
            } else {
                break;
            }
        }
        return t;
    }

    /** Repository interface → its domain type, for every project repository (sorted by interface name). */
    public Map<String, String> repositoryDomainTypes() {
        return repositoryIndex.get();
    }

    /** The domain type of a project repository interface. */
    public Optional<String> domainTypeOf(String repositoryType) {
        return Optional.ofNullable(repositoryIndex.get().get(repositoryType));
    }

    /** domain type → first repository (sorted) that manages it. */
    private Map<String, String> findRepositories() {
        Map<String, String> byDomain = new TreeMap<>();
        repositoryIndex.get().forEach((repo, domain) -> byDomain.putIfAbsent(domain, repo));
        return Collections.unmodifiableMap(byDomain);
    }

    /** repository interface → domain type. */
    private Map<String, String> indexRepositories() {
        Map<String, String> out = new TreeMap<>();
        for (SourceFile file : candidateFiles()) {
            for (TypeInfo t : types.typesIn(file)) {
                if (t.isInterface()) {
                    domainOf(t, 0, new HashSet<>()).ifPresent(d -> out.put(t.qualifiedName(), d));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private List<SourceFile> candidateFiles() {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : types.files()) {
            var facts = types.facts(f);
            if (facts.markers().contains(Marker.REPOSITORY) || facts.annotationNames().contains("RepositoryDefinition")) {
                out.add(f);
            }
        }
        return out;
    }

    private Optional<String> domainOf(TypeInfo repo, int depth, Set<String> seen) {
        if (depth > 4 || !seen.add(repo.qualifiedName())) {
            return Optional.empty();
        }
        for (AnnotationInfo a : repo.annotations()) {
            if (a.simpleName().equals("RepositoryDefinition")
                    && a.attribute("domainClass") instanceof ValueExpr.ClassLiteral c && types.isProjectType(c.typeName())) {
                return Optional.of(c.typeName());
            }
        }
        for (TypeRef sup : repo.interfaces()) {
            if (isSpringDataRepository(sup)) {
                Optional<String> d = projectClassArgument(sup);
                if (d.isPresent()) {
                    return d;
                }
                continue;
            }
            Optional<TypeInfo> project = types.type(sup.qualifiedName()).filter(TypeInfo::isInterface);
            if (project.isPresent()) {
                Optional<String> inherited = domainOf(project.get(), depth + 1, seen);
                boolean generic = isRepositoryChain(project.get(), depth + 1);
                // BaseRepository<T> extends JpaRepository<T, Long>; UserRepository extends BaseRepository<User>
                Optional<String> argument = generic ? projectClassArgument(sup) : Optional.empty();
                if (argument.isPresent()) {
                    return argument;
                }
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }

    private boolean isRepositoryChain(TypeInfo repo, int depth) {
        if (depth > 5) {
            return false;
        }
        for (TypeRef sup : repo.interfaces()) {
            if (isSpringDataRepository(sup)) {
                return true;
            }
            Optional<TypeInfo> project = types.type(sup.qualifiedName()).filter(TypeInfo::isInterface);
            if (project.isPresent() && !project.get().qualifiedName().equals(repo.qualifiedName())
                    && isRepositoryChain(project.get(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> projectClassArgument(TypeRef ref) {
        if (ref.arguments().isEmpty()) {
            return Optional.empty();
        }
        String arg = ref.arguments().get(0).qualifiedName();
        return types.type(arg).filter(t -> t.kind() == TypeKind.CLASS).map(TypeInfo::qualifiedName);
    }

    private static final Set<String> SPRING_DATA_REPOSITORIES = Set.of("Repository", "CrudRepository",
            "ListCrudRepository", "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository",
            "JpaRepositoryImplementation", "MongoRepository", "ReactiveCrudRepository", "ReactiveSortingRepository",
            "ReactiveMongoRepository", "R2dbcRepository", "Neo4jRepository", "ReactiveNeo4jRepository",
            "ElasticsearchRepository", "CassandraRepository", "ReactiveCassandraRepository", "CouchbaseRepository",
            "KeyValueRepository", "RevisionRepository", "CoroutineCrudRepository");

    private static boolean isSpringDataRepository(TypeRef ref) {
        String q = ref.qualifiedName();
        String simple = ref.simpleName();
        if (q.startsWith("org.springframework.data.")) {
            return simple.endsWith("Repository");
        }
        // a wildcard import the resolver could not see through
        return !q.contains(".") && SPRING_DATA_REPOSITORIES.contains(simple);
    }

    /** One field of a response type that holds a secret and that the JSON output shows. */
    public record ExposedField(String path, FieldInfo field, String declaringType) {
    }

    /**
     * Sensitive fields a response of this type shows: fields of the type and its project supertypes, then fields
     * of persistent types reachable through readable fields, up to {@link #MAX_FIELD_DEPTH} levels; cycles are
     * cut. Fields hidden from JSON (@JsonIgnore, WRITE_ONLY, transient, @JsonIgnoreProperties) are skipped and not
     * followed. Sorted by path.
     */
    public List<ExposedField> exposedSensitiveFields(String qualifiedName) {
        Map<String, ExposedField> out = new TreeMap<>();
        collectExposed(qualifiedName, "", 0, new HashSet<>(), out);
        return List.copyOf(out.values());
    }

    private void collectExposed(String typeName, String prefix, int depth, Set<String> path,
                                Map<String, ExposedField> out) {
        Optional<TypeInfo> type = types.type(typeName);
        if (type.isEmpty() || depth >= MAX_FIELD_DEPTH || !path.add(typeName)) {
            return;
        }
        List<TypeInfo> hierarchy = hierarchy(type.get());
        for (TypeInfo declaring : hierarchy) {
            for (FieldInfo f : declaring.fields()) {
                JsonProperties.Visibility v = JsonProperties.of(f, declaring, hierarchy);
                if (!v.readable()) {
                    continue;
                }
                String p = prefix + f.name();
                if (FieldNames.isSensitive(f.name())) {
                    out.putIfAbsent(p, new ExposedField(p, f, declaring.qualifiedName()));
                }
                persistentType(f.type()).ifPresent(next ->
                        collectExposed(next.qualifiedName(), p + ".", depth + 1, path, out));
            }
        }
        path.remove(typeName);
    }

    /** Privilege or ownership fields (role, admin, owner, balance, ...) a request can set on this type. */
    public List<FieldInfo> writablePrivilegeFields(String qualifiedName) {
        Optional<TypeInfo> type = types.type(qualifiedName);
        if (type.isEmpty()) {
            return List.of();
        }
        Map<String, FieldInfo> out = new LinkedHashMap<>();
        List<TypeInfo> hierarchy = hierarchy(type.get());
        for (TypeInfo declaring : hierarchy) {
            for (FieldInfo f : declaring.fields()) {
                if (FieldNames.isPrivilege(f.name()) && JsonProperties.of(f, declaring, hierarchy).writable()) {
                    out.putIfAbsent(f.name(), f);
                }
            }
        }
        return List.copyOf(out.values());
    }

    private List<TypeInfo> hierarchy(TypeInfo type) {
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(types.allSupertypes(type));
        return chain;
    }

    /** Simple name of a qualified name. */
    static final class KnownSimple {
        private KnownSimple() {
        }

        static String of(String qualifiedName) {
            int dot = qualifiedName.lastIndexOf('.');
            return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
        }
    }
}
