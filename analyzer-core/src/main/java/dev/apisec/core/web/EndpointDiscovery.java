package dev.apisec.core.web;

import dev.apisec.core.engine.Notifications;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.TypeIndex;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** Finds every endpoint of the project (Spring MVC/WebFlux annotations and JAX-RS). */
public final class EndpointDiscovery {

    private final TypeIndex index;
    private final Notifications notes;

    public EndpointDiscovery(TypeIndex index, Notifications notes) {
        this.index = index;
        this.notes = notes;
    }

    public List<Endpoint> discover(ExecutorService pool) {
        return List.of();
    }
}
