package dev.apisec.core.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
        return of(text, null);
    }

    /**
     * The outline of {@code text} without the methods whose name {@code keepMethod} rejects: their whole
     * declaration (comments, annotations, signature, body) is emptied like a body, so that the types of the file
     * keep their headers, fields, constructors, member types and only the methods of interest. Enum constants and
     * annotation-type elements are always kept. {@code keepMethod == null} keeps every method ({@link #of(String)}).
     */
    public static String of(String text, java.util.function.Predicate<String> keepMethod) {
        return scan(text, keepMethod, null);
    }

    /**
     * A method found by {@link #skeleton}: the simple names of its enclosing types (outermost first), its name and
     * the offsets of its declaration, from its first annotation or modifier to just after its closing brace or
     * semicolon (the range JavaParser gives the declaration).
     */
    public record Method(List<String> typePath, String name, int start, int end) {
    }

    /** The declarations of a file without any method, and where its methods are. */
    public record Skeleton(String text, List<Method> methods) {
    }

    /**
     * The outline of {@code text} without any method (constructors, enum constants and annotation-type elements
     * stay), with the place of every method it left out: a type's facts without methods cost a fraction of its
     * outline, and a method can then be parsed on its own when a caller needs it. {@code null} when the text does
     * not balance.
     */
    public static Skeleton skeleton(String text) {
        List<Method> methods = new ArrayList<>();
        String outline = scan(text, name -> false, methods);
        return outline == null ? null : new Skeleton(outline, List.copyOf(methods));
    }

    private static String scan(String text, java.util.function.Predicate<String> keepMethod, List<Method> found) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n / 2);
        Deque<Frame> frames = new ArrayDeque<>();
        Deque<TypeFrame> types = new ArrayDeque<>();
        // member segment at type level: what has been seen since the last ';', '{' or '}' of that level
        Member m = new Member();
        int parens = 0;
        char previous = ' '; // last significant character outside comments and literals
        int copiedUpTo = 0;
        boolean annotationName = false; // the last identifier was (part of) an annotation's name
        int identStart = -1;
        int identEnd = -1;
        TypeKind pendingKind = null;
        String pendingName = null;
        boolean expectTypeName = false;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int skipped = commentEnd(text, i);
            if (skipped == UNCLOSED) {
                return null;
            }
            if (skipped != NOT_A_COMMENT) {
                i = skipped;
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
            if (top == Frame.TYPE && m.memberStart < 0 && !Character.isWhitespace(c)) {
                m.memberStart = i;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                if ((top == null || top == Frame.TYPE) && parens == 0) {
                    annotationName = previous == '@' || (previous == '.' && annotationName);
                    if (m.angles == 0 && !annotationName && !isModifier(text, i, end)) {
                        m.typeTokens++;
                    }
                    if (expectTypeName) {
                        pendingName = text.substring(i, end);
                        expectTypeName = false;
                    } else if (previous != '.' && isTypeKeyword(text, i, end)) {
                        m.sawTypeKeyword = true;
                        pendingKind = text.charAt(i) == 'e' ? TypeKind.ENUM
                                : previous == '@' ? TypeKind.ANNOTATION : TypeKind.CLASS;
                        expectTypeName = true;
                    }
                    identStart = i;
                    identEnd = end;
                }
                // the default value of an annotation element ("default {...}") is a value, not a body
                previous = end - i == 7 && text.startsWith("default", i) ? DEFAULT : 'a';
                i = end;
                continue;
            }
            if (top == null || top == Frame.TYPE) {
                TypeFrame type = top == null ? null : types.peek();
                switch (c) {
                    case '(' -> {
                        if (parens == 0 && m.methodName == null && !m.sawAssign && !annotationName
                                && identEnd > identStart && identEnd >= m.start) {
                            m.methodName = text.substring(identStart, identEnd);
                            m.constructor = m.typeTokens <= 1 && type != null && m.methodName.equals(type.name);
                        }
                        parens++;
                        m.sawParen = true;
                    }
                    case '<' -> {
                        if (parens == 0) {
                            m.angles++;
                        }
                    }
                    case '>' -> {
                        if (parens == 0) {
                            m.angles = Math.max(0, m.angles - 1);
                        }
                    }
                    case ')' -> parens = Math.max(0, parens - 1);
                    case '=' -> {
                        boolean comparison = previous == '=' || previous == '!' || previous == '<'
                                || previous == '>' || (i + 1 < n && text.charAt(i + 1) == '=');
                        if (parens == 0 && !comparison) {
                            m.sawAssign = true;
                        }
                    }
                    case ';' -> {
                        if (parens == 0) {
                            if (found != null && m.memberStart >= 0
                                    && isMethod(type, m.methodName, m.sawAssign, m.constructor)) {
                                found.add(new Method(typePath(types), m.methodName, m.memberStart, i + 1));
                            }
                            if (blank(keepMethod, type, m.methodName, m.sawAssign, m.constructor)) {
                                out.append(text, copiedUpTo, m.start);
                                emptied(text, m.start, i + 1, out);
                                copiedUpTo = i + 1;
                            }
                            if (type != null) {
                                type.constantsPending = false;
                            }
                            m.reset(i + 1);
                        }
                    }
                    case '{' -> {
                        if (parens > 0 || m.sawAssign || previous == DEFAULT || (top == null && !m.sawTypeKeyword)) {
                            frames.push(Frame.OTHER); // annotation value, field initializer
                        } else if (m.sawTypeKeyword) {
                            frames.push(Frame.TYPE);
                            types.push(new TypeFrame(pendingName, pendingKind));
                            m.reset(i + 1);
                            pendingKind = null;
                            pendingName = null;
                            expectTypeName = false;
                        } else {
                            // method, constructor, compact constructor, initializer or enum constant body
                            int close = bodyEnd(text, i + 1);
                            if (close < 0) {
                                return null;
                            }
                            if (found != null && m.memberStart >= 0
                                    && isMethod(type, m.methodName, false, m.constructor)) {
                                found.add(new Method(typePath(types), m.methodName, m.memberStart, close + 1));
                            }
                            if (blank(keepMethod, type, m.methodName, false, m.constructor)) {
                                out.append(text, copiedUpTo, m.start);
                                emptied(text, m.start, close + 1, out);
                                copiedUpTo = close + 1;
                            } else {
                                out.append(text, copiedUpTo, i + 1);
                                emptied(text, i + 1, close, out);
                                copiedUpTo = close;
                            }
                            i = close + 1;
                            previous = '}';
                            if (type == null || !type.constantsPending) {
                                m.reset(i);
                            } else {
                                m.sawParen = false; // an enum constant's body does not end the constant list
                            }
                            continue;
                        }
                    }
                    case '}' -> {
                        if (top == null) {
                            return null;
                        }
                        frames.pop();
                        types.pop();
                        parens = 0;
                        m.reset(i + 1);
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
     * The import declarations of a file, read lexically: {@code names} as JavaParser spells them ({@code a.b.C},
     * {@code a.b.*}, {@code static a.b.C.NAME}), and the offsets of the region they occupy (from the first
     * {@code import} to the last semicolon, comments between them included).
     */
    public record Imports(List<String> names, int start, int end) {
    }

    /**
     * The imports of {@code text}, or {@code null} when they are not plain single-type, on-demand or static imports
     * separated by white space and comments (a module import, an annotated package, anything unexpected): the
     * caller then leaves them to the parser. An empty list when the file has none.
     */
    public static Imports imports(String text) {
        int n = text.length();
        int i = skipBlank(text, 0);
        if (i < 0) {
            return null;
        }
        if (text.startsWith("package", i) && !isIdentifierPart(text, i + 7)) {
            int semicolon = text.indexOf(';', i);
            if (semicolon < 0 || text.substring(i, semicolon).contains("/")) {
                return null;
            }
            i = skipBlank(text, semicolon + 1);
            if (i < 0) {
                return null;
            }
        }
        List<String> names = new ArrayList<>();
        int start = -1;
        int end = -1;
        while (i < n && text.startsWith("import", i) && !isIdentifierPart(text, i + 6)) {
            if (start < 0) {
                start = i;
            }
            int semicolon = text.indexOf(';', i);
            if (semicolon < 0) {
                return null;
            }
            String body = text.substring(i + 6, semicolon);
            if (body.contains("/") || body.contains("@")) {
                return null;
            }
            String[] words = body.strip().split("\\s+", 2);
            boolean isStatic = words[0].equals("static") && words.length == 2;
            String name = (isStatic ? words[1] : body).replaceAll("\\s+", "");
            if (name.isEmpty() || words[0].equals("module") || !isQualifiedName(name)) {
                return null;
            }
            names.add((isStatic ? "static " : "") + name);
            end = semicolon + 1;
            i = skipBlank(text, end);
            if (i < 0) {
                return null;
            }
        }
        if (i < n && text.charAt(i) == ';') {
            return null; // a stray semicolon: imports may go on after it
        }
        return start < 0 ? new Imports(List.of(), 0, 0) : new Imports(List.copyOf(names), start, end);
    }

    /** {@code text} with the region of {@code imports} emptied like a body (lines and later columns kept). */
    public static String withoutImports(String text, Imports imports) {
        if (imports.start() >= imports.end()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, imports.start());
        emptied(text, imports.start(), imports.end(), out);
        out.append(text, imports.end(), text.length());
        return out.toString();
    }

    /** {@code a.b.C} or {@code a.b.*}: identifiers separated by single dots, an optional final star. */
    private static boolean isQualifiedName(String name) {
        String[] parts = name.split("\\.", -1);
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            if (part.equals("*") && k == parts.length - 1 && k > 0) {
                continue;
            }
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int j = 1; j < part.length(); j++) {
                if (!Character.isJavaIdentifierPart(part.charAt(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIdentifierPart(String text, int i) {
        return i < text.length() && Character.isJavaIdentifierPart(text.charAt(i));
    }

    /** Index of the first character at or after {@code from} that is neither white space nor comment; -1 if unclosed. */
    private static int skipBlank(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int skipped = commentEnd(text, i);
            if (skipped == UNCLOSED) {
                return -1;
            }
            if (skipped != NOT_A_COMMENT) {
                i = skipped;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** What the scan has seen of the member being read at type level (since the last ';', '{' or '}' there). */
    private static final class Member {
        int start; // where the member's text begins (after the previous member)
        int memberStart = -1; // its first token (annotations or modifiers)
        String methodName;
        boolean sawTypeKeyword;
        boolean sawParen;
        boolean sawAssign; // a field initializer
        int angles; // depth of type arguments/parameters in the declaration
        int typeTokens; // identifiers of the declaration that are neither modifiers nor annotations nor generic
        boolean constructor; // the name is its type's and no return type precedes it

        /** A new member begins at {@code at}. */
        void reset(int at) {
            start = at;
            memberStart = -1;
            methodName = null;
            sawTypeKeyword = false;
            sawParen = false;
            sawAssign = false;
            angles = 0;
            typeTokens = 0;
            constructor = false;
        }
    }

    private enum TypeKind { CLASS, ENUM, ANNOTATION }

    /** A type body being scanned: its simple name (constructors are kept) and kind. */
    private static final class TypeFrame {
        final String name;
        final TypeKind kind;
        boolean constantsPending;

        TypeFrame(String name, TypeKind kind) {
            this.name = name;
            this.kind = kind == null ? TypeKind.CLASS : kind;
            this.constantsPending = this.kind == TypeKind.ENUM;
        }
    }

    /** Whether the member that ends here is a method to leave out. */
    private static boolean blank(java.util.function.Predicate<String> keepMethod, TypeFrame type, String methodName,
                                 boolean field, boolean constructor) {
        return keepMethod != null && isMethod(type, methodName, field, constructor) && !keepMethod.test(methodName);
    }

    /** A method of a class, interface, enum or record (not a constructor, enum constant or annotation element). */
    private static boolean isMethod(TypeFrame type, String methodName, boolean field, boolean constructor) {
        return type != null && methodName != null && !field && !constructor && type.kind != TypeKind.ANNOTATION
                && !type.constantsPending;
    }

    private static final java.util.Set<String> MODIFIERS = java.util.Set.of("public", "protected", "private",
            "static", "final", "abstract", "native", "synchronized", "transient", "volatile", "strictfp", "default",
            "sealed", "non", "transitive");

    private static boolean isModifier(String text, int start, int end) {
        return end - start <= 12 && MODIFIERS.contains(text.substring(start, end));
    }

    private static List<String> typePath(Deque<TypeFrame> types) {
        List<String> path = new ArrayList<>(types.size());
        for (var it = types.descendingIterator(); it.hasNext(); ) {
            path.add(it.next().name);
        }
        return path;
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
            int skipped = commentEnd(text, i);
            if (skipped == UNCLOSED) {
                return -1;
            }
            if (skipped != NOT_A_COMMENT) {
                i = skipped;
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

    private static final int NOT_A_COMMENT = -2;
    private static final int UNCLOSED = -1;

    /**
     * Where the comment starting at {@code i} ends (its closing characters for a block comment, the line break for
     * a line comment), {@link #NOT_A_COMMENT} when none starts there, {@link #UNCLOSED} for an unclosed block.
     */
    private static int commentEnd(String text, int i) {
        if (text.charAt(i) != '/' || i + 1 >= text.length()) {
            return NOT_A_COMMENT;
        }
        char next = text.charAt(i + 1);
        if (next == '/') {
            return lineEnd(text, i);
        }
        if (next == '*') {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? UNCLOSED : end + 2;
        }
        return NOT_A_COMMENT;
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
