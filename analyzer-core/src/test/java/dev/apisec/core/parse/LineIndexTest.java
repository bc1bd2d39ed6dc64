package dev.apisec.core.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineIndexTest {

    @Test
    void countsLinesAsTheParserDoes() {
        // LF, CR LF and a lone CR each end a line; a tab is one column
        String text = "class A {\n\tvoid a() { }\r\n  void b() { }\r    void c() { }\n}\n";
        LineIndex lines = LineIndex.of(text);
        assertThat(lines.lines()).isEqualTo(6);
        CompilationUnit cu = JavaSources.newParser().parse(text).getResult().orElseThrow();
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            var begin = m.getBegin().orElseThrow();
            int offset = lines.offset(begin.line, begin.column);
            assertThat(text.startsWith("void " + m.getNameAsString(), offset)).as(m.getNameAsString()).isTrue();
            assertThat(lines.lineOf(offset)).isEqualTo(begin.line);
            assertThat(lines.columnOf(offset)).isEqualTo(begin.column);
        }
    }

    @Test
    void offsetsOutsideTheTextAreRejected() {
        LineIndex lines = LineIndex.of("ab\ncd");
        assertThat(lines.offset(2, 3)).isEqualTo(5); // just after the last character
        assertThat(lines.offset(2, 4)).isEqualTo(-1);
        assertThat(lines.offset(3, 1)).isEqualTo(-1);
        assertThat(lines.offset(0, 1)).isEqualTo(-1);
        assertThat(lines.offset(1, 0)).isEqualTo(-1);
        assertThat(lines.lineOf(3)).isEqualTo(2);
        assertThat(lines.columnOf(3)).isEqualTo(1);
    }
}
