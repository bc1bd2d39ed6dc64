package dev.apisec.core.analysis.ownership;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.facts.Facts;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.persistence.PersistenceModel;

import dev.apisec.core.model.TypeRef;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the object-level analysis needs to know about the project's repositories: which types are repositories and
 * which domain type each manages (from the shared {@link PersistenceModel}), the id field names of those domain
 * types, and which repository methods look objects up by key.
 */
public final class Repositories {

    static final Set<String> SPRING_DATA_BASES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "JpaRepository", "PagingAndSortingRepository", "ListPagingAndSortingRepository", "MongoRepository",
            "ReactiveCrudRepository", "ReactiveSortingRepository", "R2dbcRepository", "CassandraRepository",
            "Neo4jRepository", "ElasticsearchRepository", "KeyValueRepository", "CoroutineCrudRepository");

    private final PersistenceModel persistence;
    private final Set<String> idFieldNames = new LinkedHashSet<>();
    /** Repositories whose domain type is not a project class (an entity from a library): still lookup sinks. */
    private final java.util.Map<String, String> foreignDomainRepositories = new java.util.HashMap<>();

    private Repositories(TypeIndex index, PersistenceModel persistence, List<SourceFile> repositoryFiles) {
        this.persistence = persistence;
        for (String domain : persistence.repositoryDomainTypes().values()) {
            index.type(domain).flatMap(Repositories::idField).ifPresent(idFieldNames::add);
        }
        for (SourceFile f : repositoryFiles) {
            for (TypeInfo t : index.typesIn(f)) {
                if (t.isInterface() && persistence.domainTypeOf(t.qualifiedName()).isEmpty()) {
                    for (TypeRef sup : t.interfaces()) {
                        if (SPRING_DATA_BASES.contains(sup.simpleName()) && !sup.arguments().isEmpty()) {
                            foreignDomainRepositories.put(t.qualifiedName(), sup.arguments().get(0).qualifiedName());
                        }
                    }
                }
            }
        }
    }

    public static Repositories of(Facts facts) {
        return new Repositories(facts.types(), facts.get(PersistenceModel.FACT), facts.filesWith(Marker.REPOSITORY));
    }

    private static Optional<String> idField(TypeInfo domain) {
        for (FieldInfo f : domain.fields()) {
            for (AnnotationInfo a : f.annotations()) {
                if (a.simpleName().equals("Id") || a.simpleName().equals("EmbeddedId")) {
                    return Optional.of(f.name());
                }
            }
        }
        return Optional.empty();
    }

    public boolean isRepository(String qualifiedName) {
        return persistence.domainTypeOf(qualifiedName).isPresent()
                || foreignDomainRepositories.containsKey(qualifiedName);
    }

    /** Whether {@code qualifiedName} is the domain type of a project repository. */
    public boolean isDomainType(String qualifiedName) {
        return persistence.repositoryDomainTypes().containsValue(qualifiedName);
    }

    /** The managed type: a project class, or (for a repository of a library entity) the type as written. */
    public Optional<String> domainTypeOf(String repository) {
        Optional<String> known = persistence.domainTypeOf(repository);
        return known.isPresent() ? known : Optional.ofNullable(foreignDomainRepositories.get(repository));
    }

    /** Names of the id fields of repository domain types (a parameter with such a name is an object reference). */
    public Set<String> idFieldNames() {
        return idFieldNames;
    }

    /** Whether a repository method (declared in the project or inherited from Spring Data) loads or changes by key. */
    public static boolean isLookupMethod(String name) {
        return switch (name) {
            case "findById", "getById", "getReferenceById", "getOne", "findOne", "existsById", "deleteById",
                 "delete", "findAllById", "deleteAllById", "findByIdOrNull" -> true;
            default -> name.matches("(find|get|read|query|delete|remove|exists|stream|search)(First|Top\\d*)?By[A-Z].*");
        };
    }

    /** The {@code @Query} value of a project repository method, when it has one. */
    public Optional<String> queryOf(MethodInfo method) {
        for (AnnotationInfo a : method.annotations()) {
            if (a.simpleName().equals("Query") && a.attribute("value") instanceof dev.apisec.core.model.ValueExpr.Literal l) {
                return Optional.of(l.value());
            }
        }
        return Optional.empty();
    }
}
