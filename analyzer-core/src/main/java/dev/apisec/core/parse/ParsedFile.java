package dev.apisec.core.parse;

import com.github.javaparser.ast.CompilationUnit;
import dev.apisec.core.source.SourceFile;

/**
 * A parsed Java file with its text (for snippets). Do not hold on to it longer than one analysis step: it may be
 * large.
 */
public record ParsedFile(SourceFile file, CompilationUnit unit, String text) {

    /** The text of 1-based line {@code line}, or "" when out of range. */
    public String line(int line) {
        int start = 0;
        for (int current = 1; current < line; current++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String l = end < 0 ? text.substring(start) : text.substring(start, end);
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }
}
