package dev.apisec.rules.data;

import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Endpoints grouped by the handler method that serves them (one finding per handler, not per route). */
final class Handlers {

    private Handlers() {
    }

    static List<List<Endpoint>> group(List<Endpoint> endpoints) {
        Map<String, List<Endpoint>> byHandler = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            MethodInfo h = e.handler();
            SourceLocation l = h.location();
            String key = h.declaringType() + "#" + h.signature() + "@" + l.file() + ":" + l.startLine();
            byHandler.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        return new ArrayList<>(byHandler.values());
    }

    /** {@code GET /a} or {@code GET /a, GET /b}. */
    static String routes(List<Endpoint> group) {
        return group.stream().map(Endpoint::route).distinct().collect(Collectors.joining(", "));
    }

    static String simpleName(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
    }

    /** {@code Customer.java:12}. */
    static String where(SourceLocation location) {
        String file = location.file();
        int slash = file.lastIndexOf('/');
        return (slash < 0 ? file : file.substring(slash + 1)) + ":" + location.startLine();
    }
}
