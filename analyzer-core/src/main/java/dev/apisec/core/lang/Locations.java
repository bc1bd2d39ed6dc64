package dev.apisec.core.lang;

import dev.apisec.core.model.SourceLocation;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.apisec.core.parse.ParsedFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Builds {@link SourceLocation}s from syntax nodes: region, enclosing-declaration anchor and snippet. */
public final class Locations {

    private Locations() {
    }

    public static SourceLocation of(ParsedFile file, Node node) {
        Range r = node.getRange().orElse(null);
        int sl = r == null ? 1 : r.begin.line;
        int sc = r == null ? 1 : r.begin.column;
        int el = r == null ? sl : r.end.line;
        int ec = r == null ? sc : r.end.column + 1;
        return new SourceLocation(file.file().relativePath(), sl, sc, el, ec, anchor(node),
                normalize(file.line(sl)));
    }

    /** Collapses white space so that re-indentation does not change fingerprints. */
    public static String normalize(String snippet) {
        return WHITESPACE.matcher(snippet.strip()).replaceAll(" ");
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** {@code pkg.Outer.Inner#method(Type,Type)}, {@code pkg.Type.field} or {@code pkg.Type}. */
    public static String anchor(Node node) {
        String member = null;
        Node n = node;
        while (n != null) {
            if (member == null && n instanceof CallableDeclaration<?> c) {
                member = "#" + c.getNameAsString() + callableParams(c);
            } else if (member == null && n instanceof FieldDeclaration f && !f.getVariables().isEmpty()) {
                member = "." + f.getVariable(0).getNameAsString();
            } else if (n instanceof TypeDeclaration<?> t) {
                return typeName(t) + (member == null ? "" : member);
            }
            n = n.getParentNode().orElse(null);
        }
        return member == null ? "" : member;
    }

    private static String callableParams(CallableDeclaration<?> c) {
        List<String> types = new ArrayList<>();
        for (Parameter p : c.getParameters()) {
            String t = p.getType().isClassOrInterfaceType()
                    ? p.getType().asClassOrInterfaceType().getNameAsString()
                    : p.getType().asString();
            types.add(t + (p.isVarArgs() ? "[]" : ""));
        }
        return "(" + String.join(",", types) + ")";
    }

    /** Qualified name of a (possibly nested) type declaration. */
    public static String typeName(TypeDeclaration<?> type) {
        List<String> names = new ArrayList<>();
        Node n = type;
        String pkg = "";
        while (n != null) {
            if (n instanceof TypeDeclaration<?> t) {
                names.add(t.getNameAsString());
            }
            if (n instanceof com.github.javaparser.ast.CompilationUnit cu) {
                pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            }
            n = n.getParentNode().orElse(null);
        }
        Collections.reverse(names);
        String joined = String.join(".", names);
        return pkg.isEmpty() ? joined : pkg + "." + joined;
    }

    /** The variable's field declaration, when {@code node} is a field variable. */
    static Optional<FieldDeclaration> fieldOf(VariableDeclarator v) {
        return v.getParentNode().filter(FieldDeclaration.class::isInstance).map(FieldDeclaration.class::cast);
    }
}
