package dev.apisec.core.engine;

import dev.apisec.core.analysis.ownership.OwnershipAnalysis;
import dev.apisec.core.cors.CorsExtractor;
import dev.apisec.core.errors.ErrorHandling;
import dev.apisec.core.errors.ExceptionDetailFlows;
import dev.apisec.core.facts.FactProvider;
import dev.apisec.core.facts.FactRegistry;
import dev.apisec.core.persistence.PersistenceModel;
import dev.apisec.core.security.EffectiveAccessResolver;

import java.util.List;

/** The fact providers of every analysis, in one sorted list (by fact name). */
public final class BuiltInFacts {

    private BuiltInFacts() {
    }

    public static List<FactProvider<?>> all() {
        return List.of(
                CorsExtractor.provider(),
                ErrorHandling.provider(),
                ExceptionDetailFlows.provider(),
                OwnershipAnalysis.provider(),
                PersistenceModel.provider(),
                EffectiveAccessResolver.provider());
    }

    /** A registry holding every built-in provider. */
    public static FactRegistry registry() {
        FactRegistry registry = new FactRegistry();
        all().forEach(registry::register);
        return registry;
    }
}
