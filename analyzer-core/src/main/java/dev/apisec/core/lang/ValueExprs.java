package dev.apisec.core.lang;

import dev.apisec.core.model.ValueExpr;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts expressions found in method bodies (DSL arguments, header values) to {@link ValueExpr}s, so that
 * {@link ConstantResolver} can resolve them like annotation attributes.
 */
public final class ValueExprs {

    private ValueExprs() {
    }

    /**
     * @param contextType qualified name of the type whose code contains the expression (for name resolution)
     */
    public static ValueExpr of(Expression e, String contextType) {
        if (e instanceof StringLiteralExpr s) {
            return new ValueExpr.Literal(s.asString(), true);
        }
        if (e instanceof TextBlockLiteralExpr tb) {
            return new ValueExpr.Literal(tb.asString(), true);
        }
        if (e instanceof CharLiteralExpr c) {
            return new ValueExpr.Literal(String.valueOf(c.asChar()), true);
        }
        if (e instanceof BooleanLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) {
            return new ValueExpr.Literal(e.toString(), false);
        }
        if (e instanceof EnclosedExpr en) {
            return of(en.getInner(), contextType);
        }
        if (e instanceof NameExpr n) {
            return new ValueExpr.Ref(null, n.getNameAsString(), contextType);
        }
        if (e instanceof FieldAccessExpr fa) {
            return new ValueExpr.Ref(fa.getScope().toString(), fa.getNameAsString(), contextType);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            List<ValueExpr> parts = new ArrayList<>();
            flatten(b, contextType, parts);
            return new ValueExpr.Concat(parts);
        }
        if (e instanceof ArrayInitializerExpr arr) {
            List<ValueExpr> elements = new ArrayList<>();
            arr.getValues().forEach(v -> elements.add(of(v, contextType)));
            return new ValueExpr.Array(elements);
        }
        if (e instanceof ArrayCreationExpr ac && ac.getInitializer().isPresent()) {
            return of(ac.getInitializer().get(), contextType);
        }
        if (e instanceof MethodCallExpr call && call.getScope().isEmpty() == false
                && (call.getNameAsString().equals("of") || call.getNameAsString().equals("asList"))
                && (call.getScope().get().toString().endsWith("List") || call.getScope().get().toString().endsWith("Set")
                || call.getScope().get().toString().endsWith("Arrays") || call.getScope().get().toString().endsWith("Stream"))) {
            List<ValueExpr> elements = new ArrayList<>();
            call.getArguments().forEach(v -> elements.add(of(v, contextType)));
            return new ValueExpr.Array(elements);
        }
        String text = e.toString();
        return new ValueExpr.Other(text.length() > 200 ? text.substring(0, 200) : text);
    }

    private static void flatten(Expression e, String contextType, List<ValueExpr> out) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(b.getLeft(), contextType, out);
            flatten(b.getRight(), contextType, out);
        } else {
            out.add(of(e, contextType));
        }
    }
}
