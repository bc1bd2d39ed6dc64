package dev.apisec.core.source;

import dev.apisec.core.diag.Notification;

import java.util.List;

/** The Java and configuration files found under the scan roots, sorted by relative path. */
public record DiscoveredSources(List<SourceFile> javaFiles, List<SourceFile> configFiles,
                                List<Notification> notifications) {

    public DiscoveredSources {
        javaFiles = List.copyOf(javaFiles);
        configFiles = List.copyOf(configFiles);
        notifications = List.copyOf(notifications);
    }
}
