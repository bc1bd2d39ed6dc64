package dev.apisec.core.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreScannerTest {

    @Test
    void recordsPackageTypesAnnotationsSupertypesAndMarkers() {
        String q3 = "\"\"\"";
        FileFacts facts = PreScanner.scan(String.join("\n",
                "/* header @Deprecated class Fake */",
                "package com.acme . web;",
                "",
                "import org.springframework.web.bind.annotation.*;",
                "",
                "// @GetMapping in a comment does not count",
                "@RestController",
                "@org.springframework.web.bind.annotation.RequestMapping(\"/x\")",
                "public class OrderController extends BaseController<Order> implements OrdersApi, java.io.Serializable {",
                "    String s = \"@PostMapping class Nope\";",
                "    String tb = " + q3,
                "        @PutMapping \\" + q3 + " still inside",
                "        " + q3 + ";",
                "    char c = '\"';",
                "    @GetMapping(\"/{id}\") Order get() { return null; }",
                "    static class Inner implements Runnable { public void run() { } }",
                "}",
                "",
                "record Point(int x, int y) implements Shape { }",
                "",
                "@interface Marker { }"));
        assertThat(facts.packageName()).isEqualTo("com.acme.web");
        assertThat(facts.topLevelTypes()).containsExactly("OrderController", "Point", "Marker");
        assertThat(facts.annotationNames()).containsExactlyInAnyOrder("RestController", "RequestMapping", "GetMapping");
        assertThat(facts.supertypeNames()).contains("BaseController", "OrdersApi", "Serializable", "Runnable", "Shape")
                .doesNotContain("Order", "x", "int", "java", "io");
        assertThat(facts.markers()).contains(Marker.ANNOTATION_DECLARATION);
    }

    @Test
    void markersFromText() {
        assertThat(PreScanner.scan("class A { void f(CorsRegistry r) {} }").markers()).contains(Marker.CORS);
        assertThat(PreScanner.scan("class A { String h = \"Access-Control-Allow-Origin\"; }").markers())
                .contains(Marker.CORS);
        assertThat(PreScanner.scan("class A { SecurityFilterChain chain; }").markers()).contains(Marker.SECURITY_CONFIG);
        assertThat(PreScanner.scan("class A { }").markers()).isEmpty();
    }

    @Test
    void survivesUnterminatedConstructs() {
        FileFacts facts = PreScanner.scan("package a; class B { String s = \"unterminated\n /* open comment ");
        assertThat(facts.packageName()).isEqualTo("a");
        assertThat(facts.topLevelTypes()).containsExactly("B");
        assertThat(PreScanner.scan("").topLevelTypes()).isEmpty();
        assertThat(PreScanner.scan("@").annotationNames()).isEmpty();
    }

    @Test
    void recordAsAVariableNameIsNotAType() {
        FileFacts facts = PreScanner.scan("class A { void f() { Object record = null; record = 1; } }");
        assertThat(facts.topLevelTypes()).containsExactly("A");
    }
}
