package dev.apisec.core.facts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fact providers of an analysis, one per fact. Registration rejects a second provider of the same fact and a
 * provider whose dependencies would close a cycle; {@link #open} rejects a dependency nobody provides. Framework
 * modules and the built-in analyses register here; the engine opens one {@link Facts} per analysis.
 */
public final class FactRegistry {

    private final Map<FactKey<?>, FactProvider<?>> providers = new LinkedHashMap<>();

    public synchronized FactRegistry register(FactProvider<?> provider) {
        FactKey<?> key = provider.key();
        if (providers.containsKey(key)) {
            throw new IllegalArgumentException("fact " + key + " has two providers");
        }
        List<FactKey<?>> cycle = pathTo(key, provider.dependencies(), new HashSet<>());
        if (cycle != null) {
            List<String> names = new ArrayList<>();
            names.add(key.name());
            cycle.forEach(k -> names.add(k.name()));
            throw new IllegalArgumentException("fact dependencies form a cycle: " + String.join(" -> ", names));
        }
        providers.put(key, provider);
        return this;
    }

    /** A path of registered dependencies from {@code from} back to {@code target}, or null. */
    private List<FactKey<?>> pathTo(FactKey<?> target, List<FactKey<?>> from, Set<FactKey<?>> seen) {
        for (FactKey<?> dep : from) {
            if (dep == target) {
                return new ArrayList<>(List.of(dep));
            }
            FactProvider<?> p = providers.get(dep);
            if (p != null && seen.add(dep)) {
                List<FactKey<?>> rest = pathTo(target, p.dependencies(), seen);
                if (rest != null) {
                    rest.add(0, dep);
                    return rest;
                }
            }
        }
        return null;
    }

    public synchronized boolean provides(FactKey<?> key) {
        return providers.containsKey(key);
    }

    /** The facts of one analysis over {@code inputs}, each computed on first use. */
    public synchronized Facts open(ProjectInputs inputs) {
        for (FactProvider<?> p : providers.values()) {
            for (FactKey<?> dep : p.dependencies()) {
                if (!providers.containsKey(dep)) {
                    throw new IllegalStateException("fact " + p.key() + " depends on " + dep
                            + ", which no provider computes");
                }
            }
        }
        return Facts.open(inputs, Map.copyOf(providers));
    }
}
