package dev.apisec.core.parse;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JavaSourcesTest {

    @TempDir
    Path dir;

    private SourceFile file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return new SourceFile(p, name, Files.size(p));
    }

    @Test
    void cacheKeepsTreesWithinItsSourceByteBudget() throws IOException {
        SourceFile a = file("A.java", "class A { int a; }");
        SourceFile b = file("B.java", "class B { int b; }");
        JavaSources roomy = new JavaSources(new Notifications(), 10, 1000);
        ParsedFile first = roomy.parse(a).orElseThrow();
        roomy.parse(b);
        assertThat(roomy.parse(a).orElseThrow()).isSameAs(first);

        JavaSources tight = new JavaSources(new Notifications(), 10, 25); // room for one of the two files
        ParsedFile once = tight.parse(a).orElseThrow();
        tight.parse(b);
        assertThat(tight.parse(a).orElseThrow()).isNotSameAs(once);
        assertThat(tight.parsedCount()).isEqualTo(2);
    }

    @Test
    void methodIndexFindsDeclarationsByNameAndLine() throws IOException {
        SourceFile c = file("C.java", "class C {\n  void f() { }\n  void f(int x) { }\n}\n");
        ParsedFile parsed = new JavaSources(new Notifications(), 10).parse(c).orElseThrow();
        assertThat(parsed.method("f", 3)).hasValueSatisfying(m -> assertThat(m.getParameters()).hasSize(1));
        assertThat(parsed.method("f", 2)).hasValueSatisfying(m -> assertThat(m.getParameters()).isEmpty());
        assertThat(parsed.method("g", 2)).isEmpty();
        assertThat(parsed.line(3)).isEqualTo("  void f(int x) { }");
        assertThat(parsed.line(9)).isEmpty();
    }
}
