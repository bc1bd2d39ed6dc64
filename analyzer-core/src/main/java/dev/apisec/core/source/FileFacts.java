package dev.apisec.core.source;

import java.util.List;
import java.util.Set;

/**
 * What the lexical pre-scan learned about a Java file without parsing it.
 *
 * @param packageName     package declared by the file, "" for none
 * @param topLevelTypes   simple names of the top-level types
 * @param annotationNames simple names of every annotation used in the file (the last segment of {@code @a.b.C})
 * @param supertypeNames  simple names after {@code extends}/{@code implements} in any type header
 * @param markers         coarse content markers
 * @param constructedTypes simple names after {@code new} ({@code new NotFoundException(...)} → NotFoundException)
 */
public record FileFacts(String packageName, List<String> topLevelTypes, Set<String> annotationNames,
                        Set<String> supertypeNames, Set<Marker> markers, Set<String> constructedTypes) {

    public FileFacts {
        topLevelTypes = List.copyOf(topLevelTypes);
        annotationNames = Set.copyOf(annotationNames);
        supertypeNames = Set.copyOf(supertypeNames);
        markers = Set.copyOf(markers);
        constructedTypes = Set.copyOf(constructedTypes);
    }

    public FileFacts(String packageName, List<String> topLevelTypes, Set<String> annotationNames,
                     Set<String> supertypeNames, Set<Marker> markers) {
        this(packageName, topLevelTypes, annotationNames, supertypeNames, markers, Set.of());
    }

    public boolean usesAnyAnnotation(Set<String> simpleNames) {
        for (String n : annotationNames) {
            if (simpleNames.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
