package dev.apisec.core.source;

import java.nio.file.Path;

/**
 * A discovered file. {@code relativePath} is relative to the scan base with forward slashes; it is what reports
 * show and what the fingerprint uses.
 */
public record SourceFile(Path path, String relativePath, long size) implements Comparable<SourceFile> {

    @Override
    public int compareTo(SourceFile other) {
        return relativePath.compareTo(other.relativePath);
    }
}
