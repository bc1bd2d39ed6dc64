package dev.apisec.core.parse;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What apisec's parser configuration must keep (modern syntax, {@code var}) and what it drops (validation). */
class ParserConfigurationTest {

    private static CompilationUnit parse(String text) {
        ParseResult<CompilationUnit> result = JavaSources.newParser().parse(text);
        assertThat(result.getProblems()).isEmpty();
        return result.getResult().orElseThrow();
    }

    @Test
    void modernSyntaxParsesAndVarBecomesAVarType() {
        CompilationUnit cu = parse("""
                class A {
                    record Point(int x, int y) { }
                    int m(Object o, int k) {
                        var list = new java.util.ArrayList<String>();
                        for (var s : list) { }
                        if (o instanceof String s && !s.isEmpty()) { }
                        return switch (k) { case 1 -> { yield 2; } default -> 3; };
                    }
                    String text() { return \"""
                            block
                            \"""; }
                }
                """);
        assertThat(cu.findAll(RecordDeclaration.class)).hasSize(1);
        assertThat(cu.findAll(SwitchExpr.class)).hasSize(1);
        assertThat(cu.findAll(YieldStmt.class)).hasSize(1);
        assertThat(cu.findAll(VarType.class)).hasSize(2);
    }

    @Test
    void languageLevelValidationIsOff() {
        // javac rejects this; JavaParser's validators would too. apisec reads code that compiles and skips them.
        CompilationUnit cu = parse("abstract final class A { }");
        assertThat(cu.getType(0).getNameAsString()).isEqualTo("A");
    }

    @Test
    void nodesHaveRanges() {
        CompilationUnit cu = parse("class A {\n  void m() { }\n}\n");
        assertThat(cu.getType(0).getMethods().get(0).getBegin().orElseThrow().line).isEqualTo(2);
    }
}
