package dev.apisec.rules.auth;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.api.Rule;
import dev.apisec.fixtures.InlineProject;

import java.nio.file.Path;
import java.util.List;

/** Writes inline sources (and resources) to a directory and runs rules over it. */
final class AuthScan {

    private final InlineProject project;

    AuthScan(Path dir) {
        this.project = new InlineProject(dir);
    }

    /** Adds a Java source under {@code src/main/java/com/acme/}. */
    AuthScan java(String name, String source) {
        project.java(name, source);
        return this;
    }

    AuthScan file(String relative, String text) {
        project.file(relative, text);
        return this;
    }

    AnalysisResult run(Rule... rules) {
        return project.run(rules);
    }

    List<Finding> findings(Rule... rules) {
        return project.findings(rules);
    }
}
