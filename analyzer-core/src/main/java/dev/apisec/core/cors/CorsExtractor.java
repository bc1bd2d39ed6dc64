package dev.apisec.core.cors;

import dev.apisec.core.model.ProjectModel;

import java.util.List;

/** PLACEHOLDER — to be written by the CORS work: finds CORS configuration facts in the project. */
public final class CorsExtractor {

    private final ProjectModel model;

    public CorsExtractor(ProjectModel model) {
        this.model = model;
    }

    public List<CorsPolicy> extract() {
        return List.of();
    }
}
