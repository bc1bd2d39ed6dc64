package dev.apisec.core.model;

import java.util.Comparator;

/**
 * A region of a source file. {@code file} is relative to the scan base (the repository root when known), with
 * forward slashes. Lines and columns are 1-based. {@code anchor} names the enclosing declaration
 * ({@code com.acme.OrderController#get(long)}), {@code snippet} is the text of the flagged element's first line;
 * both feed the line-independent fingerprint.
 */
public record SourceLocation(String file, int startLine, int startColumn, int endLine, int endColumn,
                             String anchor, String snippet) {

    public static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::startLine)
            .thenComparingInt(SourceLocation::startColumn);

    public SourceLocation {
        anchor = anchor == null ? "" : anchor;
        snippet = snippet == null ? "" : snippet;
        if (endLine < startLine) {
            endLine = startLine;
        }
    }

    /** A location of a whole file (line 1), e.g. for notifications about unreadable files. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 1, 1, 1, 1, "", "");
    }

    @Override
    public String toString() {
        return file + ":" + startLine + ":" + startColumn;
    }
}
