package dev.apisec.core.parse;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.apisec.core.engine.Notifications;
import dev.apisec.core.model.Locations;
import dev.apisec.core.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour of {@link Outline#of}: bodies of methods, constructors, initializers and enum-constant bodies are
 * emptied (line breaks kept, the closing brace keeps its column); everything else is kept verbatim.
 */
class OutlineTest {

    private static final String Q3 = "\"\"\"";

    @TempDir
    Path dir;

    /** Lines joined with '\n', with a final line break. */
    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** As many spaces as {@code emptied} has characters: what a one-line body becomes. */
    private static String spaces(String emptied) {
        return " ".repeat(emptied.length());
    }

    // ------------------------------------------------------------------------------------------ bodies emptied

    @Test
    void emptiesMethodBodiesAndKeepsEveryDeclaration() {
        String source = lines(
                "package com.acme;",
                "",
                "import java.util.List;",
                "",
                "/** Javadoc with a brace { that is not code. */",
                "@Service",
                "public class OrderService extends Base implements Api {",
                "    private final List<String> names;",
                "    static final int MAX = 3;",
                "",
                "    @GetMapping(\"/orders/{id}\")",
                "    public String get(@PathVariable(\"id\") long id) throws Exception {",
                "        if (id > MAX) {",
                "            return \"big\";",
                "        }",
                "        return names.get(0);",
                "    }",
                "",
                "    abstract void hook();",
                "",
                "    <T extends Comparable<T>> T max(T a, T b) { return a.compareTo(b) > 0 ? a : b; }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "package com.acme;",
                "",
                "import java.util.List;",
                "",
                "/** Javadoc with a brace { that is not code. */",
                "@Service",
                "public class OrderService extends Base implements Api {",
                "    private final List<String> names;",
                "    static final int MAX = 3;",
                "",
                "    @GetMapping(\"/orders/{id}\")",
                "    public String get(@PathVariable(\"id\") long id) throws Exception {",
                "",
                "",
                "",
                "",
                "    }",
                "",
                "    abstract void hook();",
                "",
                "    <T extends Comparable<T>> T max(T a, T b) {" + spaces(" return a.compareTo(b) > 0 ? a : b; ") + "}",
                "}"));
    }

    @Test
    void emptiesConstructorsAndStaticAndInstanceInitializers() {
        String source = lines(
                "class Counter {",
                "    static final Map<String, Integer> CACHE;",
                "    static { CACHE = new HashMap<>(); }",
                "    int count;",
                "    { count = 1; }",
                "    Counter() { this(1); }",
                "    Counter(int start) {",
                "        super();",
                "        count = start;",
                "    }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "class Counter {",
                "    static final Map<String, Integer> CACHE;",
                "    static {" + spaces(" CACHE = new HashMap<>(); ") + "}",
                "    int count;",
                "    {" + spaces(" count = 1; ") + "}",
                "    Counter() {" + spaces(" this(1); ") + "}",
                "    Counter(int start) {",
                "",
                "",
                "    }",
                "}"));
    }

    @Test
    void emptiesCompactRecordConstructorsAndRecordMethods() {
        String source = lines(
                "public record Range(int from, int to) implements Comparable<Range> {",
                "    public Range {",
                "        if (from > to) throw new IllegalArgumentException(\"from > to\");",
                "    }",
                "    static Range of(int at) { return new Range(at, at); }",
                "    public int compareTo(Range o) { return Integer.compare(from, o.from); }",
                "    record Pair(Range a, Range b) { }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "public record Range(int from, int to) implements Comparable<Range> {",
                "    public Range {",
                "",
                "    }",
                "    static Range of(int at) {" + spaces(" return new Range(at, at); ") + "}",
                "    public int compareTo(Range o) {" + spaces(" return Integer.compare(from, o.from); ") + "}",
                "    record Pair(Range a, Range b) { }",
                "}"));
    }

    @Test
    void emptiesEnumConstantBodiesAndKeepsTheirArguments() {
        String source = lines(
                "enum Op implements IntBinaryOperator {",
                "    PLUS(\"+\") {",
                "        public int applyAsInt(int a, int b) { return a + b; }",
                "    },",
                "    MINUS(\"-\") { public int applyAsInt(int a, int b) { return a - b; } },",
                "    @Deprecated TIMES { public int applyAsInt(int a, int b) { return a * b; } },",
                "    NONE(\"\");",
                "",
                "    private final String symbol;",
                "",
                "    Op(String symbol) { this.symbol = symbol; }",
                "    Op() { this(\"?\"); }",
                "    public int applyAsInt(int a, int b) { throw new UnsupportedOperationException(); }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "enum Op implements IntBinaryOperator {",
                "    PLUS(\"+\") {",
                "",
                "    },",
                "    MINUS(\"-\") {" + spaces(" public int applyAsInt(int a, int b) { return a - b; } ") + "},",
                "    @Deprecated TIMES {" + spaces(" public int applyAsInt(int a, int b) { return a * b; } ") + "},",
                "    NONE(\"\");",
                "",
                "    private final String symbol;",
                "",
                "    Op(String symbol) {" + spaces(" this.symbol = symbol; ") + "}",
                "    Op() {" + spaces(" this(\"?\"); ") + "}",
                "    public int applyAsInt(int a, int b) {" + spaces(" throw new UnsupportedOperationException(); ") + "}",
                "}"));
    }

    @Test
    void emptiesInterfaceDefaultStaticAndPrivateMethodsAndKeepsAbstractOnes() {
        String source = lines(
                "interface Greeter {",
                "    int LIMIT = 10;",
                "    String name();",
                "    default String greet() { return \"hi \" + name(); }",
                "    static Greeter of(String n) {",
                "        return () -> n;",
                "    }",
                "    private void helper() { }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "interface Greeter {",
                "    int LIMIT = 10;",
                "    String name();",
                "    default String greet() {" + spaces(" return \"hi \" + name(); ") + "}",
                "    static Greeter of(String n) {",
                "",
                "    }",
                "    private void helper() { }",
                "}"));
    }

    @Test
    void keepsAnnotationTypesWithEmptyArrayDefaults() {
        String source = lines(
                "@Retention(RetentionPolicy.RUNTIME)",
                "@Target({ElementType.METHOD, ElementType.TYPE})",
                "public @interface Roles {",
                "    String[] value() default {};",
                "    int level() default 1;",
                "    Class<?>[] groups() default {};",
                "    Class<?> type() default Object.class;",
                "}",
                "class After { void f() { g(); } }");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "@Retention(RetentionPolicy.RUNTIME)",
                "@Target({ElementType.METHOD, ElementType.TYPE})",
                "public @interface Roles {",
                "    String[] value() default {};",
                "    int level() default 1;",
                "    Class<?>[] groups() default {};",
                "    Class<?> type() default Object.class;",
                "}",
                "class After { void f() {" + spaces(" g(); ") + "} }"));
    }

    /** Annotation values are kept: the default of an annotation element is one. */
    @Test
    void keepsNonEmptyArrayDefaultsOfAnnotationElements() {
        String source = lines(
                "@interface Roles {",
                "    String[] value() default {\"admin\", \"user\"};",
                "    Level[] levels() default {",
                "        @Level(\"high\"),",
                "        @Level(\"low\")",
                "    };",
                "}");
        assertThat(Outline.of(source)).isEqualTo(source);
    }

    // ------------------------------------------------------------------------------------------ kept verbatim

    @Test
    void keepsFieldInitializersWithLambdaBodiesAnonymousClassesAndArrayInitializers() {
        String source = lines(
                "class Holder {",
                "    Runnable task = () -> {",
                "        System.out.println(\"run\");",
                "    };",
                "    Comparator<String> byLength = new Comparator<>() {",
                "        @Override",
                "        public int compare(String a, String b) { return a.length() - b.length(); }",
                "        class Helper { void h() { } }",
                "    };",
                "    int[][] grid = {{1, 2}, {3}};",
                "    static final Map<String, Integer> M = new HashMap<>() {{ put(\"a\", 1); }};",
                "    Function<Integer, Integer> twice = x -> { return 2 * x; }, thrice = x -> { return 3 * x; };",
                "    int sign = flag == true ? 1 : -1;",
                "    int kind = switch (sign) { case 1 -> { yield 10; } default -> 0; };",
                "    void run() { task.run(); }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "class Holder {",
                "    Runnable task = () -> {",
                "        System.out.println(\"run\");",
                "    };",
                "    Comparator<String> byLength = new Comparator<>() {",
                "        @Override",
                "        public int compare(String a, String b) { return a.length() - b.length(); }",
                "        class Helper { void h() { } }",
                "    };",
                "    int[][] grid = {{1, 2}, {3}};",
                "    static final Map<String, Integer> M = new HashMap<>() {{ put(\"a\", 1); }};",
                "    Function<Integer, Integer> twice = x -> { return 2 * x; }, thrice = x -> { return 3 * x; };",
                "    int sign = flag == true ? 1 : -1;",
                "    int kind = switch (sign) { case 1 -> { yield 10; } default -> 0; };",
                "    void run() {" + spaces(" task.run(); ") + "}",
                "}"));
    }

    @Test
    void keepsAnnotationValuesWithBraces() {
        String source = lines(
                "@SuppressWarnings({\"a\", \"b\"})",
                "@RequestMapping(value = {\"/x\", \"/y\"}, method = {RequestMethod.GET})",
                "class Controller {",
                "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
                "    List<String> xs;",
                "",
                "    @RolesAllowed({\"admin\"})",
                "    @Outer(nested = @Inner({1, 2}), names = {})",
                "    void f(@Valid({Default.class}) String s) { g(); }",
                "",
                "    @SuppressWarnings({\"x\"}) { init(); }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "@SuppressWarnings({\"a\", \"b\"})",
                "@RequestMapping(value = {\"/x\", \"/y\"}, method = {RequestMethod.GET})",
                "class Controller {",
                "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
                "    List<String> xs;",
                "",
                "    @RolesAllowed({\"admin\"})",
                "    @Outer(nested = @Inner({1, 2}), names = {})",
                "    void f(@Valid({Default.class}) String s) {" + spaces(" g(); ") + "}",
                "",
                "    @SuppressWarnings({\"x\"}) {" + spaces(" init(); ") + "}",
                "}"));
    }

    // ------------------------------------------------------------------------------------------ lexical traps

    @Test
    void bracesQuotesAndCommentMarkersInsideLiteralsAndCommentsOfBodiesDoNotConfuseIt() {
        String source = lines(
                "class Tricky {",
                "    void f() {",
                "        String s = \"}{ // /* \\\" } \\\\\";",
                "        char open = '{';",
                "        char close = '}';",
                "        char quote = '\\'';",
                "        char dq = '\"';",
                "        char slash = '\\\\';",
                "        // } a line comment with a brace and a quote \" '",
                "        /* } { a block comment \" ' */",
                "        String tb = " + Q3,
                "            text } with \\" + Q3 + " and { braces \" ' // /*",
                "            " + Q3 + ";",
                "        String url = \"http://host/{id}\";",
                "    }",
                "    int after;",
                "    void g() { /* } */ }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "class Tricky {",
                "    void f() {",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "    }",
                "    int after;",
                "    void g() {" + spaces(" /* } */ ") + "}",
                "}"));
    }

    @Test
    void bracesQuotesAndCommentMarkersAtTypeLevelAreKept() {
        String source = lines(
                "// a header comment with a brace } and a quote \"",
                "/* { block comment at the top */",
                "class Tricky {",
                "    String s = \"}\";",
                "    char c = '}';",
                "    char q = '\\'';",
                "    /* } */ String t = " + Q3,
                "        } \\" + Q3 + " {",
                "        " + Q3 + ";",
                "    // void fake() {",
                "    void real() { f('\"'); }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "// a header comment with a brace } and a quote \"",
                "/* { block comment at the top */",
                "class Tricky {",
                "    String s = \"}\";",
                "    char c = '}';",
                "    char q = '\\'';",
                "    /* } */ String t = " + Q3,
                "        } \\" + Q3 + " {",
                "        " + Q3 + ";",
                "    // void fake() {",
                "    void real() {" + spaces(" f('\"'); ") + "}",
                "}"));
    }

    @Test
    void aMethodNamedRecordAndAFieldNamedRecordAreNotTypeDeclarations() {
        String source = lines(
                "class Recorder {",
                "    Record record;",
                "    Object record() { return record; }",
                "    void record(int x) {",
                "        record = null;",
                "    }",
                "    void replay(Record record) { use(record); }",
                "    record Entry(int x) { int twice() { return 2 * x; } }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "class Recorder {",
                "    Record record;",
                "    Object record() {" + spaces(" return record; ") + "}",
                "    void record(int x) {",
                "",
                "    }",
                "    void replay(Record record) {" + spaces(" use(record); ") + "}",
                "    record Entry(int x) { int twice() {" + spaces(" return 2 * x; ") + "} }",
                "}"));
    }

    @Test
    void aClassLiteralIsNotAClassDeclaration() {
        String source = lines(
                "@Import(Config.class)",
                "class Handlers {",
                "    @ExceptionHandler(value = IllegalStateException.class)",
                "    void handle() { log(); }",
                "    Class<?> type = String.class;",
                "    Class<?> other = String . /* c */ class",
                "        .getClass();",
                "    void f() { Object o = Foo.class; }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "@Import(Config.class)",
                "class Handlers {",
                "    @ExceptionHandler(value = IllegalStateException.class)",
                "    void handle() {" + spaces(" log(); ") + "}",
                "    Class<?> type = String.class;",
                "    Class<?> other = String . /* c */ class",
                "        .getClass();",
                "    void f() {" + spaces(" Object o = Foo.class; ") + "}",
                "}"));
    }

    @Test
    void classLiteralDefaultsInAnnotationTypesDoNotOpenATypeBody() {
        String source = lines(
                "@interface Handles {",
                "    Class<?> value() default Exception.class;",
                "}",
                "class User {",
                "    void f() { g(); }",
                "}");
        assertThat(Outline.of(source)).isEqualTo(lines(
                "@interface Handles {",
                "    Class<?> value() default Exception.class;",
                "}",
                "class User {",
                "    void f() {" + spaces(" g(); ") + "}",
                "}"));
    }

    @Test
    void nestedLocalAndAnonymousClassesInsideBodiesDisappearWithTheBody() {
        String source = lines(
                "class Outer {",
                "    void f() {",
                "        class Local { void g() { } }",
                "        record Point(int x) { }",
                "        enum Mode { ON, OFF }",
                "        interface Cb { void call(); }",
                "        Runnable r = new Runnable() {",
                "            public void run() { }",
                "        };",
                "    }",
                "    static class Member {",
                "        void h() { h(); }",
                "        enum Inner { A { void x() { } } }",
                "    }",
                "}");
        String outline = Outline.of(source);
        assertThat(outline).isEqualTo(lines(
                "class Outer {",
                "    void f() {",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "    }",
                "    static class Member {",
                "        void h() {" + spaces(" h(); ") + "}",
                "        enum Inner { A {" + spaces(" void x() { } ") + "} }",
                "    }",
                "}"));
        CompilationUnit unit = parse(outline);
        assertThat(unit.findAll(TypeDeclaration.class)).extracting(t -> t.getNameAsString())
                .containsExactly("Outer", "Member", "Inner");
    }

    @Test
    void keepsCrlfLineEndings() {
        String source = "class A {\r\n"
                + "    // a comment {\r\n"
                + "    void f() {\r\n"
                + "        g(\"}\");\r\n"
                + "\r\n"
                + "    }\r\n"
                + "    int x = 1;\r\n"
                + "}\r\n";
        assertThat(Outline.of(source)).isEqualTo("class A {\r\n"
                + "    // a comment {\r\n"
                + "    void f() {\r\n"
                + "\r\n"
                + "\r\n"
                + "    }\r\n"
                + "    int x = 1;\r\n"
                + "}\r\n");
    }

    /** A lone CR ends a line (JLS 3.4), so it ends a line comment too. */
    @Test
    void keepsCrOnlyLineEndings() {
        String source = "class A {\r"
                + "    // a note\r"
                + "    void f() {\r"
                + "        g(); // done\r"
                + "    }\r"
                + "}\r";
        assertThat(Outline.of(source)).isEqualTo("class A {\r"
                + "    // a note\r"
                + "    void f() {\r"
                + "\r"
                + "    }\r"
                + "}\r");
    }

    /** A line comment ended by a lone CR must not hide the '=' of the field initializer on the next line. */
    @Test
    void aLineCommentEndsAtALoneCarriageReturn() {
        String source = "class A {\n"
                + "    int[] a // note\r"
                + "        = \n"
                + "        {1, 2};\n"
                + "}\n";
        assertThat(parse(source).findAll(FieldDeclaration.class)).extracting(Node::toString)
                .containsExactly("int[] a = { 1, 2 };");
        assertThat(Outline.of(source)).isEqualTo(source);
    }

    @Test
    void keepsTabsOnTheLastLineOfABody() {
        String source = "class A {\n\tvoid f() {\n\t\tg();\n\t}\n\tvoid h() {\tg();\t}\n}\n";
        assertThat(Outline.of(source)).isEqualTo("class A {\n\tvoid f() {\n\n\t}\n\tvoid h() {\t    \t}\n}\n");
    }

    @Test
    void keepsTextWithoutBodies() {
        assertThat(Outline.of("")).isEmpty();
        assertThat(Outline.of("package a;\n")).isEqualTo("package a;\n");
        assertThat(Outline.of("@Deprecated\npackage a;\n")).isEqualTo("@Deprecated\npackage a;\n");
        assertThat(Outline.of("module m { requires x; exports a.b; }")).isEqualTo("module m { requires x; exports a.b; }");
        assertThat(Outline.of("class A { int x; }")).isEqualTo("class A { int x; }");
        assertThat(Outline.of("class A { void f(); }")).isEqualTo("class A { void f(); }");
        assertThat(Outline.of("class A { void f() {} }")).isEqualTo("class A { void f() {} }");
    }

    @Test
    void unbalancedInputGivesNull() {
        assertThat(Outline.of("class A { String s = \"abc; }")).as("unterminated string at type level").isNull();
        assertThat(Outline.of("class A { void f() { String s = \"abc; } }")).as("unterminated string in a body")
                .isNull();
        assertThat(Outline.of("class A { char c = '{; }")).as("unterminated char literal").isNull();
        assertThat(Outline.of("class A { String s = " + Q3 + "\n abc; }\n")).as("unterminated text block").isNull();
        assertThat(Outline.of("class A { void f() { String s = " + Q3 + "\n } }\n"))
                .as("unterminated text block in a body").isNull();
        assertThat(Outline.of("class A { /* never closed }")).as("unterminated comment at type level").isNull();
        assertThat(Outline.of("class A { void f() { /* open } }")).as("unterminated comment in a body").isNull();
        assertThat(Outline.of("class A { void f() { }")).as("missing brace of the type").isNull();
        assertThat(Outline.of("class A { void f() { if (x) { } }")).as("missing brace in a body").isNull();
        assertThat(Outline.of("class A { int[] a = {1, 2; }")).as("missing brace in an initializer").isNull();
        assertThat(Outline.of("class A { } }")).as("extra closing brace").isNull();
        assertThat(Outline.of("class A { void f() { } } }")).as("extra closing brace after a body").isNull();
        assertThat(Outline.of("}")).as("closing brace only").isNull();
    }

    // ------------------------------------------------------------------------------------------ positions

    private static final String SAMPLE = lines(
            "package com.acme.web;",
            "",
            "import java.util.*;",
            "import java.util.function.Function;",
            "",
            "/**",
            " * A controller { with braces in its Javadoc }.",
            " */",
            "@RestController",
            "@RequestMapping(value = {\"/api/{v}\", \"/legacy\"}, produces = \"application/json\")",
            "public class OrderController extends Base<Order> implements Api, java.io.Serializable {",
            "",
            "    private static final String[] ROLES = {\"admin\", \"clerk\"};",
            "    private final Map<String, List<Order>> byUser = new HashMap<>() {",
            "        @Override public List<Order> get(Object k) { return super.get(k); }",
            "    };",
            "    private final Function<String, String> trim = s -> {",
            "        return s.strip();",
            "    };",
            "    @Autowired(required = false) OrderService service;",
            "    int a = 1, b[] = {2}, c;",
            "",
            "    static {",
            "        System.setProperty(\"x\", \"{\");",
            "    }",
            "",
            "    { ROLES.clone(); }",
            "",
            "    public OrderController(OrderService service) {",
            "        this.service = service;",
            "        class Local { int x() { return 1; } }",
            "    }",
            "",
            "    @GetMapping(\"/orders/{id}\")",
            "    @PreAuthorize(\"hasRole('admin') or #id == principal.id\")",
            "    public ResponseEntity<Order> get(@PathVariable(\"id\") long id,",
            "                                     @RequestParam(required = false, defaultValue = \"}\") String q) {",
            "        Order o = service.find(id).orElseThrow(() -> {",
            "            return new NotFound(\"}\" + '{');",
            "        });",
            "        String text = \"\"\"",
            "            { \\\"\"\" }",
            "            \"\"\";",
            "        return ResponseEntity.ok(o); // }",
            "    }",
            "",
            "    @PostMapping void create(@RequestBody @Valid Order o) { service.save(o); } int afterOnSameLine;",
            "",
            "    abstract List<Order> list(int... pages);",
            "",
            "    public enum Status {",
            "        OPEN(\"o\") {",
            "            @Override String label() { return \"Open\"; }",
            "        },",
            "        CLOSED(\"c\");",
            "        private final String code;",
            "        Status(String code) { this.code = code; }",
            "        String label() { return code; }",
            "    }",
            "",
            "    record Page(int number, @Min(0) int size) {",
            "        Page {",
            "            if (size < 0) throw new IllegalArgumentException();",
            "        }",
            "        static Page first() { return new Page(0, 20); }",
            "    }",
            "",
            "    interface Hook { default void fire() { System.out.println(\"fire\"); } void off(); }",
            "",
            "    @interface Audit {",
            "        String[] value() default {};",
            "        Class<?> type() default Object.class;",
            "    }",
            "",
            "    static class Nested<T extends Comparable<T>> {",
            "        T max(T x, T y) {",
            "            return x.compareTo(y) >= 0 ? x : y;",
            "        }",
            "    }",
            "}",
            "",
            "class Second { void only() { } }");

    @Test
    void outlineNodesHaveTheRangesOfTheOriginal() {
        String outline = Outline.of(SAMPLE);
        assertThat(outline).isNotNull();
        assertThat(outline.split("\n", -1)).hasSameSizeAs(SAMPLE.split("\n", -1));
        assertThat(outline.length()).isLessThan(SAMPLE.length());

        CompilationUnit original = parse(SAMPLE);
        CompilationUnit outlined = parse(outline);

        List<String> expected = declarations(original, true);
        List<String> actual = declarations(outlined, false);
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).hasSizeGreaterThan(50)
                .anyMatch(d -> d.startsWith("MethodDeclaration get "))
                .anyMatch(d -> d.startsWith("FieldDeclaration "))
                .anyMatch(d -> d.startsWith("ClassOrInterfaceDeclaration Nested "))
                .anyMatch(d -> d.startsWith("SingleMemberAnnotationExpr "))
                .anyMatch(d -> d.startsWith("NormalAnnotationExpr "))
                .anyMatch(d -> d.startsWith("EnumConstantDeclaration OPEN "))
                .anyMatch(d -> d.startsWith("CompactConstructorDeclaration Page "))
                // a method of an anonymous class in a field initializer is kept
                .anyMatch(d -> d.startsWith("MethodDeclaration get (line 15,"));
        // what lived in bodies is gone: the local class, the lambda in get, the enum constant's method
        assertThat(outlined.findAll(ClassOrInterfaceDeclaration.class))
                .noneMatch(c -> c.getNameAsString().equals("Local"));
        assertThat(outlined.findAll(MethodDeclaration.class)).noneMatch(m -> m.getNameAsString().equals("x"));
        // the bodies themselves are still there, empty, with the original ranges
        assertThat(outlined.findAll(MethodDeclaration.class).stream()
                .filter(m -> m.getBody().isPresent()).map(m -> m.getBody().get().getRange().get()).toList())
                .containsExactlyElementsOf(original.findAll(MethodDeclaration.class).stream()
                        .filter(m -> m.getBody().isPresent() && !inBody(m))
                        .map(m -> m.getBody().get().getRange().get()).toList());
    }

    private static final Set<Class<?>> DECLARATIONS = Set.of(MethodDeclaration.class, FieldDeclaration.class,
            ClassOrInterfaceDeclaration.class, ConstructorDeclaration.class, CompactConstructorDeclaration.class,
            InitializerDeclaration.class, EnumDeclaration.class, EnumConstantDeclaration.class,
            RecordDeclaration.class, AnnotationDeclaration.class, AnnotationMemberDeclaration.class,
            Parameter.class);

    /**
     * Declarations, parameters and annotations in tree order, with their ranges (and, for fields and annotations,
     * their text), leaving out what lies inside an emptied body when {@code skipBodies}.
     */
    private static List<String> declarations(CompilationUnit unit, boolean skipBodies) {
        List<String> out = new ArrayList<>();
        for (Node n : unit.findAll(Node.class)) {
            boolean wanted = DECLARATIONS.contains(n.getClass()) || n instanceof AnnotationExpr;
            if (!wanted || (skipBodies && inBody(n))) {
                continue;
            }
            String name = n instanceof NodeWithSimpleName<?> named ? named.getNameAsString() + " " : "";
            String text = n instanceof FieldDeclaration || n instanceof AnnotationExpr ? " " + n : "";
            out.add(n.getClass().getSimpleName() + " " + name + n.getRange().orElseThrow() + text);
        }
        return out;
    }

    /**
     * Whether {@code n} lies inside a body that the outline empties: the body of a method, constructor or
     * initializer, or the class body of an enum constant, of a type reached from the compilation unit through
     * member types only.
     */
    private static boolean inBody(Node n) {
        for (Node child = n, parent = n.getParentNode().orElse(null); parent != null;
             child = parent, parent = parent.getParentNode().orElse(null)) {
            boolean emptied = child != n && child instanceof BlockStmt
                    && (parent instanceof CallableDeclaration<?> || parent instanceof InitializerDeclaration
                    || parent instanceof CompactConstructorDeclaration)
                    && parent.getParentNode().filter(OutlineTest::isMemberType).isPresent();
            emptied |= parent instanceof EnumConstantDeclaration e && child instanceof BodyDeclaration<?>
                    && e.getClassBody().contains(child)
                    && e.getParentNode().filter(OutlineTest::isMemberType).isPresent();
            if (emptied) {
                return true;
            }
        }
        // the body block itself is kept (empty), so it is not "inside": checked by child != n above
        return false;
    }

    /** A type declared at top level or as a member of such a type, recursively. */
    private static boolean isMemberType(Node n) {
        if (!(n instanceof TypeDeclaration<?>)) {
            return false;
        }
        Node parent = n.getParentNode().orElse(null);
        return parent instanceof CompilationUnit || isMemberType(parent);
    }

    private static CompilationUnit parse(String text) {
        ParseResult<CompilationUnit> result = JavaSources.newParser().parse(text);
        assertThat(result.getProblems()).as("problems parsing:\n%s", text).isEmpty();
        return result.getResult().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ member

    @Test
    void memberKeepsPositionsAndAnchorsWithTabsAndCrlf() throws IOException {
        String text = "package p;\r\n"
                + "class A {\r\n"
                + "\t@Deprecated\r\n"
                + "\tint f(String... xs) {\r\n"
                + "\t\treturn 1; // }\r\n"
                + "\t}\r\n"
                + "\tenum E { X; \tvoid g() { int y = 0; } }\r\n"
                + "}\r\n";
        Path p = dir.resolve("A.java");
        Files.writeString(p, text);
        SourceFile file = new SourceFile(p, "p/A.java", Files.size(p));
        CompilationUnit whole = parse(text);
        JavaSources sources = new JavaSources(new Notifications(), 10);
        List<MethodDeclaration> methods = whole.findAll(MethodDeclaration.class);
        assertThat(methods).hasSize(2);
        for (MethodDeclaration m : methods) {
            var r = m.getRange().orElseThrow();
            String local = Locations.typeName((TypeDeclaration<?>) m.getParentNode().orElseThrow()).substring(2);
            ParsedFile alone = sources.member(file, r.begin.line, r.begin.column, r.end.line, r.end.column + 1,
                    m.getNameAsString(), "p", List.of(local.split("\\."))).orElseThrow();
            MethodDeclaration found = alone.method(m.getNameAsString(), r.begin.line).orElseThrow();
            assertThat(found.getRange()).contains(r);
            assertThat(found.toString()).isEqualTo(m.toString());
            assertThat(Locations.anchor(found)).isEqualTo(Locations.anchor(m));
        }
        assertThat(Locations.anchor(methods.get(0))).isEqualTo("p.A#f(String[])");
        assertThat(Locations.anchor(methods.get(1))).isEqualTo("p.A.E#g()");
        assertThat(sources.wholeParsedCount()).isZero();
    }
}
