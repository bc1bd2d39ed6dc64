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

    /** The markers a plain {@code text.contains(needle)} per needle gives (the definition of a text marker). */
    private static java.util.EnumSet<Marker> naiveTextMarkers(String text) {
        java.util.EnumSet<Marker> out = java.util.EnumSet.noneOf(Marker.class);
        PreScanner.textMarkerNeedles().forEach((marker, needles) -> {
            if (needles.stream().anyMatch(text::contains)) {
                out.add(marker);
            }
        });
        return out;
    }

    @Test
    void textMarkersAreThoseOfASearchPerNeedle() {
        // texts made of needle fragments, whole needles, near misses and noise, so that prefixes overlap and
        // needles start inside other needles; the one-pass search must find exactly what contains() finds
        String[] pieces = {"Cors", "Registry", "Http", "Security", "Filter", "Chain", "Access", "(", "-Control-",
                "Allow-Origin", "org.springframework.", "security", "has", "Role", "Any", "Authority", "Mapper",
                "copy", "Properties", "Pre", "Post", "Authorize", "Permit", "All", "Roles(", "is", "UserInRole",
                "Exception", "Handler", "Error", "Controller", "Application", "Path", "get", "Authorities", " ",
                "\n", "// ", "\"", "é", "x", "Web", "Enable", "Method", "Global", "Secured", "Deny", "Authenticated",
                "authorize", "allowed", "Origin", "ACCESS_CONTROL_ALLOW_ORIGIN", "Interceptor", "Container",
                "Request", "Manager", "Permission"};
        java.util.Random random = new java.util.Random(42);
        int withMarkers = 0;
        for (int t = 0; t < 3000; t++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            java.util.EnumSet<Marker> expected = naiveTextMarkers(text.toString());
            java.util.EnumSet<Marker> actual = java.util.EnumSet.noneOf(Marker.class);
            PreScanner.textMarkers(text.toString(), actual);
            assertThat(actual).as(text.toString()).isEqualTo(expected);
            withMarkers += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withMarkers).isGreaterThan(1000);
    }
}
