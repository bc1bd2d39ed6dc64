package dev.apisec.rules.data;

import dev.apisec.core.api.Finding;
import dev.apisec.core.api.Rule;
import dev.apisec.fixtures.InlineProject;

import java.nio.file.Path;
import java.util.List;

/** Writes inline sources under {@code com/acme/} and runs rules over them. */
final class DataScan {

    private final InlineProject project;

    DataScan(Path dir) {
        this.project = new InlineProject(dir);
    }

    DataScan java(String name, String source) {
        project.java(name + ".java", source);
        return this;
    }

    List<Finding> findings(Rule rule) {
        return project.findings(rule);
    }
}
