package dev.apisec.core.facts;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.diag.Scheduler;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.ConfigProperty;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.source.SourceFile;

import java.util.List;

/**
 * What every fact is computed from: the project's types (read on demand), its endpoints, its configuration, where
 * problems are recorded, the threads and the options of the analysis.
 */
public record ProjectInputs(TypeIndex types, List<Endpoint> endpoints, List<ConfigProperty> configProperties,
                            List<SourceFile> configFiles, Notifications notifications, Scheduler scheduler,
                            AnalysisOptions options) {

    public ProjectInputs {
        endpoints = List.copyOf(endpoints);
        configProperties = List.copyOf(configProperties);
        configFiles = List.copyOf(configFiles);
    }
}
