package dev.apisec.core.parse;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The declarations of a Java file without the bodies of its methods, constructors and initializers: each body is
 * emptied lexically (strings, character literals, text blocks and comments are respected), so that parsing the
 * result yields every type, field, signature and annotation of the file at a fraction of the cost of a full parse.
 *
 * <p>Every position outside an emptied body is kept: the lines inside a body are emptied but not removed, and the
 * text before the closing brace on the body's last line is replaced by spaces. A node of the outline therefore has
 * the same line and column as in the file, and a method's range still ends at its closing brace.
 *
 * <p>Field initializers (lambdas, anonymous classes, array initializers), annotation values and member types are
 * kept. The scan is a heuristic over tokens, not a parser: {@link #of} returns {@code null} when the text does not
 * balance (the caller then parses the whole file, which also reports the syntax error).
 */
public final class Outline {

    private Outline() {
    }

    private enum Frame { TYPE, BODY, OTHER }

    /** Stands for the keyword {@code default} in the "last significant character" of the scan. */
    private static final char DEFAULT = '\uE000';

    /** The outline of {@code text}, or {@code null} when its braces, strings or comments do not balance. */
    public static String of(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n / 2);
        Deque<Frame> frames = new ArrayDeque<>();
        // member segment at type level: what has been seen since the last ';', '{' or '}' of that level
        boolean sawTypeKeyword = false;
        boolean sawParen = false;
        boolean sawAssign = false;
        int parens = 0;
        char previous = 0; // last significant character outside comments and literals
        int copiedUpTo = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = lineEnd(text, i);
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return null;
                }
                i = end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = literalEnd(text, i);
                if (end < 0) {
                    return null;
                }
                i = end;
                previous = c;
                continue;
            }
            Frame top = frames.peek();
            if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                if ((top == null || top == Frame.TYPE) && parens == 0 && previous != '.'
                        && isTypeKeyword(text, i, end)) {
                    sawTypeKeyword = true;
                }
                // the default value of an annotation element ("default {...}") is a value, not a body
                previous = end - i == 7 && text.startsWith("default", i) ? DEFAULT : 'a';
                i = end;
                continue;
            }
            if (top == null || top == Frame.TYPE) {
                switch (c) {
                    case '(' -> {
                        parens++;
                        sawParen = true;
                    }
                    case ')' -> parens = Math.max(0, parens - 1);
                    case '=' -> {
                        boolean comparison = previous == '=' || previous == '!' || previous == '<'
                                || previous == '>' || (i + 1 < n && text.charAt(i + 1) == '=');
                        if (parens == 0 && !comparison) {
                            sawAssign = true;
                        }
                    }
                    case ';' -> {
                        if (parens == 0) {
                            sawTypeKeyword = false;
                            sawParen = false;
                            sawAssign = false;
                        }
                    }
                    case '{' -> {
                        if (parens > 0 || sawAssign || previous == DEFAULT || (top == null && !sawTypeKeyword)) {
                            frames.push(Frame.OTHER); // annotation value, field initializer
                        } else if (sawTypeKeyword) {
                            frames.push(Frame.TYPE);
                            sawTypeKeyword = false;
                            sawParen = false;
                        } else {
                            // method, constructor, compact constructor, initializer or enum constant body
                            int close = bodyEnd(text, i + 1);
                            if (close < 0) {
                                return null;
                            }
                            out.append(text, copiedUpTo, i + 1);
                            emptied(text, i + 1, close, out);
                            copiedUpTo = close;
                            i = close + 1;
                            previous = '}';
                            sawParen = false;
                            continue;
                        }
                    }
                    case '}' -> {
                        if (top == null) {
                            return null;
                        }
                        frames.pop();
                        sawTypeKeyword = false;
                        sawParen = false;
                        sawAssign = false;
                        parens = 0;
                    }
                    default -> {
                    }
                }
            } else if (c == '{') {
                frames.push(Frame.OTHER);
            } else if (c == '}') {
                frames.pop();
                if (frames.isEmpty() || frames.peek() == Frame.TYPE) {
                    // back at type level after a field initializer or annotation value: the member goes on
                    previous = '}';
                    i++;
                    continue;
                }
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
            i++;
        }
        if (!frames.isEmpty()) {
            return null;
        }
        out.append(text, copiedUpTo, n);
        return out.toString();
    }

    /**
     * {@code class}, {@code interface}, {@code enum} (as declarations, not {@code Foo.class}) and {@code record}
     * followed by a name (a method called {@code record} is followed by '(').
     */
    private static boolean isTypeKeyword(String text, int start, int end) {
        int len = end - start;
        if (len == 5 && text.startsWith("class", start) || len == 9 && text.startsWith("interface", start)
                || len == 4 && text.startsWith("enum", start)) {
            return true;
        }
        if (len == 6 && text.startsWith("record", start)) {
            int j = end;
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            return j < text.length() && Character.isJavaIdentifierStart(text.charAt(j));
        }
        return false;
    }

    /** Index of the '}' that closes the body whose content starts at {@code from}, or -1. */
    private static int bodyEnd(String text, int from) {
        int depth = 0;
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = lineEnd(text, i);
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = literalEnd(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
            i++;
        }
        return -1;
    }

    /**
     * Appends the emptied body text {@code [from, to)}: line breaks kept, the rest dropped, except on the last line
     * where it becomes spaces so that the closing brace keeps its column.
     */
    private static void emptied(String text, int from, int to, StringBuilder out) {
        int lastBreak = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(c);
                lastBreak = i;
            }
        }
        int spacesFrom = lastBreak < 0 ? from : lastBreak + 1;
        for (int i = spacesFrom; i < to; i++) {
            out.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
    }

    /** Index of the line break ('\n' or a lone '\r') that ends the line comment at {@code from}. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Index just after the string, text block or character literal starting at {@code start}, or -1. */
    private static int literalEnd(String text, int start) {
        int n = text.length();
        char quote = text.charAt(start);
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int i = start + 3;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                    return i + 3;
                } else {
                    i++;
                }
            }
            return -1;
        }
        int i = start + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            } else {
                i++;
            }
        }
        return -1;
    }
}
