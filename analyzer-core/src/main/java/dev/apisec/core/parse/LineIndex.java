package dev.apisec.core.parse;

import java.util.Arrays;

/**
 * Where the lines of a text start, counted as JavaParser counts them (a line ends at LF, CR LF or a lone CR; a tab
 * is one column), to go between offsets and 1-based (line, column) positions.
 */
public final class LineIndex {

    private final int[] starts;
    private final int length;

    private LineIndex(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    public static LineIndex of(String text) {
        int n = text.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            if (isBreak(text, i)) {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < n; i++) {
            if (isBreak(text, i)) {
                starts[k++] = i + 1;
            }
        }
        return new LineIndex(starts, n);
    }

    private static boolean isBreak(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
    }

    /** Number of lines (a text ending in a line break has an empty last line). */
    public int lines() {
        return starts.length;
    }

    /** Offset at which 1-based {@code line} starts. */
    public int lineStart(int line) {
        return starts[line - 1];
    }

    /** 1-based line of {@code offset}. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of {@code offset} on its line. */
    public int columnOf(int offset) {
        return offset - starts[lineOf(offset) - 1] + 1;
    }

    /** Offset of 1-based ({@code line}, {@code column}), or -1 when outside the text. */
    public int offset(int line, int column) {
        if (line < 1 || line > starts.length || column < 1) {
            return -1;
        }
        int offset = starts[line - 1] + column - 1;
        return offset <= length ? offset : -1;
    }
}
