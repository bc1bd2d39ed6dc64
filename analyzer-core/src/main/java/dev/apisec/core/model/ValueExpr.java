package dev.apisec.core.model;

import java.util.List;

/**
 * A syntactic copy of an annotation attribute or initializer expression, detached from the AST so that type
 * facts do not keep whole compilation units alive. Names are resolved lazily by {@link ConstantResolver}.
 */
public sealed interface ValueExpr {

    /** A string, char, number or boolean literal, as its value text. */
    record Literal(String value, boolean isString) implements ValueExpr {
    }

    /**
     * A reference to a field or enum constant: {@code NAME}, {@code Type.NAME}, {@code pkg.Type.NAME}.
     * {@code contextType} is the fully qualified name of the type where the expression appears, used for
     * resolution through its imports, its package and its supertypes.
     */
    record Ref(String qualifier, String name, String contextType) implements ValueExpr {
    }

    /** String concatenation with {@code +}. */
    record Concat(List<ValueExpr> parts) implements ValueExpr {
    }

    /** An array initializer {@code {a, b}}. */
    record Array(List<ValueExpr> elements) implements ValueExpr {
    }

    /** A class literal {@code Foo.class}; {@code typeName} is resolved when possible. */
    record ClassLiteral(String typeName) implements ValueExpr {
    }

    /** A nested annotation. */
    record Nested(AnnotationInfo annotation) implements ValueExpr {
    }

    /** Anything else, kept as source text; never resolved. */
    record Other(String text) implements ValueExpr {
    }
}
