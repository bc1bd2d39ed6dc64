package dev.apisec.core.flow;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeRef;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's Spring Data repository interfaces (extending {@code Repository}, {@code CrudRepository},
 * {@code JpaRepository}, ... directly or through project interfaces), their domain types, and the id field names of
 * those domain types.
 */
public final class Repositories {

    static final Set<String> SPRING_DATA_BASES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "JpaRepository", "PagingAndSortingRepository", "ListPagingAndSortingRepository", "MongoRepository",
            "ReactiveCrudRepository", "ReactiveSortingRepository", "R2dbcRepository", "CassandraRepository",
            "Neo4jRepository", "ElasticsearchRepository", "KeyValueRepository", "JpaSpecificationExecutor",
            "QuerydslPredicateExecutor", "CoroutineCrudRepository");

    private final TypeIndex index;
    private final Map<String, String> domainTypeByRepository = new HashMap<>();
    private final Set<String> idFieldNames = new LinkedHashSet<>();

    public Repositories(TypeIndex index, List<SourceFile> repositoryFiles) {
        this.index = index;
        for (SourceFile f : repositoryFiles) {
            for (TypeInfo t : index.typesIn(f)) {
                if (t.isInterface()) {
                    domainType(t).ifPresent(d -> {
                        domainTypeByRepository.put(t.qualifiedName(), d);
                        index.type(d).flatMap(Repositories::idField).ifPresent(idFieldNames::add);
                    });
                }
            }
        }
    }

    public static Repositories of(dev.apisec.core.model.ProjectModel model) {
        return new Repositories(model.types(), model.filesWith(Marker.REPOSITORY));
    }

    /** The domain type of a Spring Data repository interface (first type argument of the base interface). */
    private Optional<String> domainType(TypeInfo type) {
        Deque<TypeInfo> queue = new ArrayDeque<>();
        queue.add(type);
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty() && seen.size() < 32) {
            TypeInfo t = queue.removeFirst();
            if (!seen.add(t.qualifiedName())) {
                continue;
            }
            for (TypeRef sup : t.interfaces()) {
                if (SPRING_DATA_BASES.contains(sup.simpleName())) {
                    return sup.arguments().isEmpty() ? Optional.of("?") : Optional.of(sup.arguments().get(0).qualifiedName());
                }
                index.type(sup.qualifiedName()).ifPresent(queue::add);
            }
        }
        return Optional.empty();
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
        return domainTypeByRepository.containsKey(qualifiedName);
    }

    /** Whether {@code qualifiedName} is the domain type of a project repository. */
    public boolean isDomainType(String qualifiedName) {
        return domainTypeByRepository.containsValue(qualifiedName);
    }

    public Optional<String> domainTypeOf(String repository) {
        return Optional.ofNullable(domainTypeByRepository.get(repository));
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
