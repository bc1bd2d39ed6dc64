package dev.apisec.bench;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.apisec.core.parse.JavaSources;
import dev.apisec.core.parse.LineIndex;
import dev.apisec.core.parse.Outline;
import dev.apisec.core.source.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code outline-check <dir>}: checks apisec's lexical outlines against JavaParser on every Java file of any tree
 * (a JDK's {@code src.zip}, a real project): for each file the parser accepts, the outline and the skeleton parse,
 * every member declaration of a named type has the same range in the outline as in the full parse, the skeleton
 * lists exactly the methods the parser finds (same enclosing types, names and start positions), and lexically read
 * imports equal the parser's. Prints the first differences and the counts; exit code 1 when any file differs.
 */
final class OutlineCheck {

    private OutlineCheck() {
    }

    static int run(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        }
        int parsed = 0;
        int differing = 0;
        int importsLeftToParser = 0;
        int methods = 0;
        for (Path f : files) {
            String text = TextDecoder.decode(Files.readAllBytes(f)).text();
            ParseResult<CompilationUnit> full = JavaSources.newParser().parse(text);
            if (!full.isSuccessful() || full.getResult().isEmpty()) {
                continue;
            }
            parsed++;
            CompilationUnit unit = full.getResult().get();
            String problem = check(text, unit);
            Outline.Imports imports = Outline.imports(text);
            if (problem == null && imports == null) {
                importsLeftToParser++;
            } else if (problem == null && !imports.names().equals(parsedImports(unit))) {
                problem = "imports differ: " + imports.names() + " vs " + parsedImports(unit);
            }
            if (problem != null) {
                differing++;
                if (differing <= 20) {
                    System.out.println(dir.relativize(f) + ": " + problem);
                }
            } else {
                methods += namedMethods(unit).size();
            }
        }
        System.out.printf("%d Java files, %d accepted by the parser, %d differing, %d methods located, imports of %d"
                + " files left to the parser%n", files.size(), parsed, differing, methods, importsLeftToParser);
        return differing == 0 ? 0 : 1;
    }

    /** The first difference between the outline or skeleton of {@code text} and its full parse, or null. */
    private static String check(String text, CompilationUnit unit) {
        String outline = Outline.of(text);
        if (outline == null) {
            return "no outline";
        }
        ParseResult<CompilationUnit> parsedOutline = JavaSources.newParser().parse(outline);
        if (!parsedOutline.isSuccessful() || parsedOutline.getResult().isEmpty()) {
            return "outline does not parse: " + parsedOutline.getProblems().get(0).getMessage().lines().findFirst()
                    .orElse("");
        }
        List<String> expected = declarations(unit);
        List<String> actual = declarations(parsedOutline.getResult().get());
        if (!expected.equals(actual)) {
            return "declarations differ: " + firstDifference(expected, actual);
        }
        Outline.Skeleton skeleton = Outline.skeleton(text);
        if (skeleton == null || !JavaSources.newParser().parse(skeleton.text()).isSuccessful()) {
            return "skeleton missing or does not parse";
        }
        LineIndex lines = LineIndex.of(text);
        List<String> found = new ArrayList<>();
        for (Outline.Method m : skeleton.methods()) {
            found.add(m.typePath() + " " + m.name() + " "
                    + new Position(lines.lineOf(m.start()), lines.columnOf(m.start())));
        }
        List<String> methods = namedMethods(unit);
        return methods.equals(found) ? null : "skeleton methods differ: " + firstDifference(methods, found);
    }

    /** Member declarations of named types (not inside bodies or anonymous classes), with their ranges. */
    private static List<String> declarations(CompilationUnit unit) {
        List<String> out = new ArrayList<>();
        for (BodyDeclaration<?> b : unit.findAll(BodyDeclaration.class)) {
            boolean member = b instanceof TypeDeclaration<?> || b.getParentNode().orElse(null) instanceof TypeDeclaration<?>;
            if (member && b.findAncestor(BlockStmt.class).isEmpty() && b.findAncestor(ObjectCreationExpr.class).isEmpty()) {
                out.add(b.getClass().getSimpleName() + " " + typePath(b) + " " + b.getRange().orElse(null));
            }
        }
        return out;
    }

    /** Methods the skeleton must list: members of named types other than annotation types and enum constants. */
    private static List<String> namedMethods(CompilationUnit unit) {
        List<String> out = new ArrayList<>();
        for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
            Node parent = m.getParentNode().orElse(null);
            if (parent instanceof TypeDeclaration<?> && !(parent instanceof AnnotationDeclaration)
                    && m.findAncestor(BlockStmt.class).isEmpty() && m.findAncestor(ObjectCreationExpr.class).isEmpty()
                    && m.findAncestor(com.github.javaparser.ast.body.EnumConstantDeclaration.class).isEmpty()) {
                out.add(typePath(m) + " " + m.getNameAsString() + " " + m.getBegin().orElse(null));
            }
        }
        return out;
    }

    private static List<String> parsedImports(CompilationUnit unit) {
        List<String> out = new ArrayList<>();
        for (ImportDeclaration i : unit.getImports()) {
            out.add((i.isStatic() ? "static " : "") + i.getNameAsString() + (i.isAsterisk() ? ".*" : ""));
        }
        return out;
    }

    private static String typePath(Node n) {
        List<String> names = new ArrayList<>();
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) {
                names.add(0, t.getNameAsString());
            }
        }
        return names.toString();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "parser: " + expected.get(i) + ", outline: " + actual.get(i);
            }
        }
        return expected.size() + " in the parse, " + actual.size() + " in the outline";
    }
}
