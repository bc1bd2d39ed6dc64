package dev.apisec.core.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutlineImportsTest {

    /** The imports as TypeFactsExtractor spells them from a full parse. */
    private static List<String> parsedImports(String text) {
        CompilationUnit cu = JavaSources.newParser().parse(text).getResult().orElseThrow();
        List<String> out = new ArrayList<>();
        for (ImportDeclaration imp : cu.getImports()) {
            out.add((imp.isStatic() ? "static " : "") + imp.getNameAsString() + (imp.isAsterisk() ? ".*" : ""));
        }
        return out;
    }

    @Test
    void readsPlainStaticAndOnDemandImportsAsTheParserSpellsThem() {
        String text = """
                // header comment
                package com.acme.orders;

                import java.util.List;
                import java.util.*;
                /* between */ import static java.util.Objects.requireNonNull;
                import static org.junit.Assert.*;
                import   java . util . Map ;
                // trailing comment
                import com.acme.Outer.Inner;

                @Service
                class OrderService { }
                """;
        Outline.Imports imports = Outline.imports(text);
        assertThat(imports).isNotNull();
        assertThat(imports.names()).containsExactly("java.util.List", "java.util.*",
                "static java.util.Objects.requireNonNull", "static org.junit.Assert.*", "java.util.Map",
                "com.acme.Outer.Inner");
        assertThat(imports.names()).isEqualTo(parsedImports(text));
        assertThat(text.substring(imports.start())).startsWith("import java.util.List;");
        assertThat(text.substring(0, imports.end())).endsWith("import com.acme.Outer.Inner;");
    }

    @Test
    void withoutImportsKeepsLinesAndTheParserSeesNoImports() {
        String text = "package p;\nimport java.util.List;\nimport java.util.Map;\n\nclass A { List<String> a; }\n";
        Outline.Imports imports = Outline.imports(text);
        String stripped = Outline.withoutImports(text, imports);
        assertThat(stripped.lines().count()).isEqualTo(text.lines().count());
        CompilationUnit cu = JavaSources.newParser().parse(stripped).getResult().orElseThrow();
        assertThat(cu.getImports()).isEmpty();
        assertThat(cu.getType(0).getFields().get(0).getBegin().orElseThrow().line).isEqualTo(5);
        assertThat(cu.getType(0).getFields().get(0).getBegin().orElseThrow().column).isEqualTo(11);
    }

    @Test
    void aFileWithoutImportsHasAnEmptyList() {
        Outline.Imports imports = Outline.imports("package p;\n\nclass A { }\n");
        assertThat(imports).isNotNull();
        assertThat(imports.names()).isEmpty();
        assertThat(Outline.withoutImports("package p;\n\nclass A { }\n", imports)).isEqualTo("package p;\n\nclass A { }\n");
    }

    @Test
    void leavesUnusualImportsToTheParser() {
        // a module import (Java 25), a stray semicolon after the imports, an annotation inside, an unclosed comment
        assertThat(Outline.imports("import module java.base;\nclass A { }\n")).isNull();
        assertThat(Outline.imports("import java.util.List;;\nimport java.util.Map;\nclass A { }\n")).isNull();
        assertThat(Outline.imports("import java.util.List /* x */;\nclass A { }\n")).isNull();
        assertThat(Outline.imports("import java.util.List\nclass A { }\n")).isNull();
        assertThat(Outline.imports("/* unclosed\nimport java.util.List;\n")).isNull();
    }

    @Test
    void anAnnotatedPackageLeavesTheImportsInTheText() {
        String text = "@Deprecated package p;\nimport java.util.List;\n";
        Outline.Imports imports = Outline.imports(text);
        assertThat(imports).isNotNull();
        assertThat(imports.names()).isEmpty();
        assertThat(Outline.withoutImports(text, imports)).isEqualTo(text);
    }
}
