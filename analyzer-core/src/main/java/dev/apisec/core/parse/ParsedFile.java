package dev.apisec.core.parse;

import com.github.javaparser.ast.CompilationUnit;
import dev.apisec.core.source.SourceFile;

/**
 * A parsed Java file with its text (for snippets). Do not hold on to it longer than one analysis step: it may be
 * large.
 */
public final class ParsedFile {

    private final SourceFile file;
    private final CompilationUnit unit;
    private final String text;
    private volatile LineIndex lines;
    private volatile java.util.Map<String, com.github.javaparser.ast.body.MethodDeclaration> methods;

    private final java.util.List<String> lexicalImports;

    public ParsedFile(SourceFile file, CompilationUnit unit, String text) {
        this(file, unit, text, null);
    }

    /**
     * @param lexicalImports the file's imports when they were read lexically and left out of {@code unit} (see
     *                       {@link Outline#imports}); {@code null} when the tree has them
     */
    public ParsedFile(SourceFile file, CompilationUnit unit, String text, java.util.List<String> lexicalImports) {
        this.file = file;
        this.unit = unit;
        this.text = text;
        this.lexicalImports = lexicalImports == null ? null : java.util.List.copyOf(lexicalImports);
    }

    /** The imports read lexically instead of by the parser (outlines and skeletons); empty when the tree has them. */
    public java.util.Optional<java.util.List<String>> lexicalImports() {
        return java.util.Optional.ofNullable(lexicalImports);
    }

    public SourceFile file() {
        return file;
    }

    public CompilationUnit unit() {
        return unit;
    }

    public String text() {
        return text;
    }

    /**
     * The method declared with {@code name} starting at {@code line}: an index built once per parsed file, so that
     * looking up handlers and callees does not walk the whole tree each time.
     */
    public java.util.Optional<com.github.javaparser.ast.body.MethodDeclaration> method(String name, int line) {
        return java.util.Optional.ofNullable(methodIndex().get(name + "@" + line));
    }

    /** The method declared with {@code name} starting at {@code line} and {@code column} (overloads on one line). */
    public java.util.Optional<com.github.javaparser.ast.body.MethodDeclaration> method(String name, int line,
                                                                                       int column) {
        return java.util.Optional.ofNullable(methodIndex().get(name + "@" + line + ":" + column));
    }

    private java.util.Map<String, com.github.javaparser.ast.body.MethodDeclaration> methodIndex() {
        java.util.Map<String, com.github.javaparser.ast.body.MethodDeclaration> index = methods;
        if (index == null) {
            index = new java.util.HashMap<>();
            for (com.github.javaparser.ast.body.MethodDeclaration m
                    : unit.findAll(com.github.javaparser.ast.body.MethodDeclaration.class)) {
                int begin = m.getBegin().map(b -> b.line).orElse(0);
                int column = m.getBegin().map(b -> b.column).orElse(0);
                index.putIfAbsent(m.getNameAsString() + "@" + begin, m);
                index.putIfAbsent(m.getNameAsString() + "@" + begin + ":" + column, m);
            }
            methods = index;
        }
        return index;
    }

    /** The text of 1-based line {@code line}, or "" when out of range. Constant time after the first call. */
    public String line(int line) {
        LineIndex index = lines();
        if (line < 1 || line > index.lines()) {
            return "";
        }
        int start = index.lineStart(line);
        int end = line < index.lines() ? index.lineStart(line + 1) - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end <= start ? "" : text.substring(start, end);
    }

    /** Where the file's lines start (built once). */
    public LineIndex lines() {
        LineIndex index = lines;
        if (index == null) {
            index = LineIndex.of(text);
            lines = index;
        }
        return index;
    }
}
