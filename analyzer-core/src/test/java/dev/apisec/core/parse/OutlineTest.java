package dev.apisec.core.parse;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
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
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.lang.Locations;
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

    // ------------------------------------------------------------------------------------------ methods left out

    @Test
    void aRejectedMethodDisappearsWithItsJavadocAnnotationsSignatureAndBody() {
        String source = lines(
                "package com.acme;",
                "",
                "class Orders {",
                "    private static final Logger log = LoggerFactory.getLogger(Orders.class);",
                "    private final Repo repo;",
                "    static { log.info(\"loading\"); }",
                "    { count(); }",
                "",
                "    /**",
                "     * Javadoc of a dropped method { with a brace }.",
                "     */",
                "    @GetMapping(\"/orders/{id}\")",
                "    @org.x.Y(1)",
                "    public <T extends Order> T get(@RequestParam(name = \"a\") String a,",
                "                                   @PathVariable long id) throws NotFound, IOException {",
                "        return repo.find(id);",
                "    }",
                "",
                "    Orders(Repo repo) { this.repo = repo; }",
                "",
                "    // a line comment before a kept method",
                "    @PostMapping(\"/orders\")",
                "    public void kept(@RequestBody Order o) { repo.save(o); }",
                "",
                "    abstract void hook() throws Exception;",
                "    int count() { return 1; } int after = count();",
                "}");
        String hook = "    abstract void hook() throws Exception;";
        String count = "    int count() { return 1; }";
        assertThat(Outline.of(source, "kept"::equals)).isEqualTo(lines(
                "package com.acme;",
                "",
                "class Orders {",
                "    private static final Logger log = LoggerFactory.getLogger(Orders.class);",
                "    private final Repo repo;",
                "    static {" + spaces(" log.info(\"loading\"); ") + "}",
                "    {" + spaces(" count(); ") + "}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "     ",
                "",
                "    Orders(Repo repo) {" + spaces(" this.repo = repo; ") + "}",
                "",
                "    // a line comment before a kept method",
                "    @PostMapping(\"/orders\")",
                "    public void kept(@RequestBody Order o) {" + spaces(" repo.save(o); ") + "}",
                "",
                spaces(hook),
                spaces(count) + " int after = count();",
                "}"));

        Outline.Skeleton skeleton = Outline.skeleton(source);
        assertThat(skeleton).isNotNull();
        assertThat(skeleton.text()).isEqualTo(Outline.of(source, name -> false));
        assertThat(skeleton.methods()).extracting(Outline.Method::typePath, Outline.Method::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of("Orders"), "get"),
                        org.assertj.core.groups.Tuple.tuple(List.of("Orders"), "kept"),
                        org.assertj.core.groups.Tuple.tuple(List.of("Orders"), "hook"),
                        org.assertj.core.groups.Tuple.tuple(List.of("Orders"), "count"));
        assertThat(skeleton.methods()).extracting(m -> source.substring(m.start(), m.end())).containsExactly(
                "@GetMapping(\"/orders/{id}\")\n"
                        + "    @org.x.Y(1)\n"
                        + "    public <T extends Order> T get(@RequestParam(name = \"a\") String a,\n"
                        + "                                   @PathVariable long id) throws NotFound, IOException {\n"
                        + "        return repo.find(id);\n"
                        + "    }",
                "@PostMapping(\"/orders\")\n    public void kept(@RequestBody Order o) { repo.save(o); }",
                "abstract void hook() throws Exception;",
                "int count() { return 1; }");
        assertSkeletonAgreesWithTheParser(source);
    }

    @Test
    void constructorsEnumConstantsAnnotationElementsAndMemberTypesAreNeverLeftOut() {
        String source = lines(
                "enum Op {",
                "    PLUS(\"+\") {",
                "        @Override int apply(int a, int b) { return a + b; }",
                "    },",
                "    @JsonProperty(\"m\") MINUS(\"-\"),",
                "    TIMES;",
                "",
                "    private final String symbol;",
                "    Op(String symbol) { this.symbol = symbol; }",
                "    Op() { this(\"*\"); }",
                "    int apply(int a, int b) { throw new UnsupportedOperationException(); }",
                "    static Op of(String s) { return PLUS; }",
                "}",
                "record Range(int from, int to) {",
                "    Range(int from, int to) { this.from = from; this.to = to; }",
                "    static Range of(int at) { return new Range(at, at); }",
                "    int length() { return to - from; }",
                "}",
                "record Point(int x, int y) {",
                "    public Point {",
                "        if (x < 0) throw new IllegalArgumentException();",
                "    }",
                "    Point scale(int k) { return new Point(k * x, k * y); }",
                "}",
                "@interface Route {",
                "    String value() default \"x\";",
                "    String[] methods() default {\"GET\"};",
                "    int order();",
                "}",
                "interface Api {",
                "    String name();",
                "    default String greet() { return \"hi \" + name(); }",
                "    static Api of() { return () -> \"a\"; }",
                "    class Impl implements Api {",
                "        public String name() { return \"impl\"; }",
                "    }",
                "}");
        assertThat(Outline.of(source, "of"::equals)).isEqualTo(lines(
                "enum Op {",
                "    PLUS(\"+\") {",
                "",
                "    },",
                "    @JsonProperty(\"m\") MINUS(\"-\"),",
                "    TIMES;",
                "",
                "    private final String symbol;",
                "    Op(String symbol) {" + spaces(" this.symbol = symbol; ") + "}",
                "    Op() {" + spaces(" this(\"*\"); ") + "}",
                spaces("    int apply(int a, int b) { throw new UnsupportedOperationException(); }"),
                "    static Op of(String s) {" + spaces(" return PLUS; ") + "}",
                "}",
                "record Range(int from, int to) {",
                "    Range(int from, int to) {" + spaces(" this.from = from; this.to = to; ") + "}",
                "    static Range of(int at) {" + spaces(" return new Range(at, at); ") + "}",
                spaces("    int length() { return to - from; }"),
                "}",
                "record Point(int x, int y) {",
                "    public Point {",
                "",
                "    }",
                spaces("    Point scale(int k) { return new Point(k * x, k * y); }"),
                "}",
                "@interface Route {",
                "    String value() default \"x\";",
                "    String[] methods() default {\"GET\"};",
                "    int order();",
                "}",
                "interface Api {",
                spaces("    String name();"),
                spaces("    default String greet() { return \"hi \" + name(); }"),
                "    static Api of() {" + spaces(" return () -> \"a\"; ") + "}",
                "    class Impl implements Api {",
                spaces("        public String name() { return \"impl\"; }"),
                "    }",
                "}"));

        Outline.Skeleton skeleton = Outline.skeleton(source);
        assertThat(skeleton).isNotNull();
        assertThat(skeleton.methods()).extracting(m -> String.join(".", m.typePath()) + "#" + m.name())
                .containsExactly("Op#apply", "Op#of", "Range#of", "Range#length", "Point#scale", "Api#name",
                        "Api#greet", "Api#of", "Api.Impl#name");
        CompilationUnit unit = parse(skeleton.text());
        assertThat(unit.findAll(MethodDeclaration.class)).as("methods left in the skeleton (PLUS's body is emptied)").isEmpty();
        assertThat(unit.findAll(ConstructorDeclaration.class)).extracting(c -> c.getNameAsString())
                .containsExactly("Op", "Op", "Range");
        assertThat(unit.findAll(CompactConstructorDeclaration.class)).hasSize(1);
        assertThat(unit.findAll(EnumConstantDeclaration.class)).extracting(c -> c.getNameAsString())
                .containsExactly("PLUS", "MINUS", "TIMES");
        assertThat(unit.findAll(AnnotationMemberDeclaration.class)).extracting(Node::toString).containsExactly(
                "String value() default \"x\";", "String[] methods() default { \"GET\" };", "int order();");
        assertThat(unit.findAll(TypeDeclaration.class)).extracting(t -> t.getNameAsString())
                .containsExactly("Op", "Range", "Point", "Route", "Api", "Impl");
        assertSkeletonAgreesWithTheParser(source);
    }

    @Test
    void fieldsWhoseInitializersCallMethodsOrHoldBodiesAreKeptWhenEveryMethodIsLeftOut() {
        String source = lines(
                "class Beans {",
                "    private static final Logger log = LoggerFactory.getLogger(Beans.class);",
                "    @Value(\"${app.name}\") String name = System.getProperty(\"n\", \"x\");",
                "    Runnable task = () -> { run(); };",
                "    Comparator<String> cmp = new Comparator<>() {",
                "        public int compare(String a, String b) { return 0; }",
                "    };",
                "    int[] sizes = {size(), size()};",
                "    Class<?> arrays = String[].class;",
                "    boolean small = size() <= 3 && size() >= 1, same = size() == 2;",
                "    int size() { return 1; }",
                "    void run() { }",
                "}");
        Outline.Skeleton skeleton = Outline.skeleton(source);
        assertThat(skeleton).isNotNull();
        assertThat(skeleton.text()).isEqualTo(lines(
                "class Beans {",
                "    private static final Logger log = LoggerFactory.getLogger(Beans.class);",
                "    @Value(\"${app.name}\") String name = System.getProperty(\"n\", \"x\");",
                "    Runnable task = () -> { run(); };",
                "    Comparator<String> cmp = new Comparator<>() {",
                "        public int compare(String a, String b) { return 0; }",
                "    };",
                "    int[] sizes = {size(), size()};",
                "    Class<?> arrays = String[].class;",
                "    boolean small = size() <= 3 && size() >= 1, same = size() == 2;",
                spaces("    int size() { return 1; }"),
                spaces("    void run() { }"),
                "}"));
        assertThat(skeleton.methods()).extracting(Outline.Method::name).containsExactly("size", "run");
        assertSkeletonAgreesWithTheParser(source);
    }

    @Test
    void skeletonOfTextWithoutMethodsIsItsOutlineAndUnbalancedTextHasNone() {
        String source = lines("class A {", "    int x;", "    A() { x = 1; }", "    static { }", "}");
        Outline.Skeleton skeleton = Outline.skeleton(source);
        assertThat(skeleton).isNotNull();
        assertThat(skeleton.text()).isEqualTo(Outline.of(source));
        assertThat(skeleton.methods()).isEmpty();
        assertThat(Outline.skeleton("")).isEqualTo(new Outline.Skeleton("", List.of()));
        assertThat(Outline.skeleton("class A { void f() { }")).isNull();
        assertThat(Outline.skeleton("class A { void f() { String s = \"x; } }")).isNull();
        assertThat(Outline.of("class A { void f() { }", name -> true)).isNull();
        // no predicate: every method kept, as Outline.of(text)
        assertThat(Outline.of(SAMPLE, null)).isEqualTo(Outline.of(SAMPLE));
        assertThat(Outline.of(SAMPLE, name -> true)).isEqualTo(Outline.of(SAMPLE));
    }

    /**
     * A method may have the name of its type (legal Java, unlike a constructor it has a return type): it is a
     * method, so a skeleton leaves it out and lists it, and the predicate decides whether it stays.
     */
    @Test
    void aMethodNamedLikeItsTypeIsAMethodNotAConstructor() {
        String source = lines(
                "class Foo<T> {",
                "    Foo() { }",
                "    public <X> Foo(X x, T t) { }",
                "    @Inject @org.x.Named(\"f\") protected Foo(@Named(\"x\") String s) throws Exception { }",
                "    /* comment */ @A(type = Foo.class, n = {1}) private Foo(int[] a) { }",
                "    @Deprecated Foo(java.util.List<Foo<T>> xs) { }",
                "    void Foo() { }",
                "    Foo Foo(int x) { return this; }",
                "    public static <X> Foo<X> Foo(X x) { return null; }",
                "    java.util.List<Foo> Foo(long y) { return null; }",
                "    Foo[] Foo(short z) { return null; }",
                "    @A(1) final Foo<T> Foo(char c) { return this; }",
                "    abstract Foo Foo(byte b);",
                "    void g() { }",
                "}",
                "enum E { A; E() { } E E() { return A; } }",
                "record R(int x) { R { } R(String s) { this(1); } R R() { return this; } }");
        CompilationUnit unit = parse(source);
        assertThat(unit.findAll(MethodDeclaration.class)).extracting(m -> m.getNameAsString())
                .containsExactly("Foo", "Foo", "Foo", "Foo", "Foo", "Foo", "Foo", "g", "E", "R");
        assertThat(unit.findAll(ConstructorDeclaration.class)).hasSize(7);
        Outline.Skeleton skeleton = Outline.skeleton(source);
        assertThat(skeleton).isNotNull();
        assertThat(skeleton.methods()).extracting(m -> m.typePath().get(0) + "#" + m.name())
                .containsExactly("Foo#Foo", "Foo#Foo", "Foo#Foo", "Foo#Foo", "Foo#Foo", "Foo#Foo", "Foo#Foo",
                        "Foo#g", "E#E", "R#R");
        CompilationUnit outlined = parse(skeleton.text());
        assertThat(outlined.findAll(MethodDeclaration.class)).isEmpty();
        assertThat(outlined.findAll(ConstructorDeclaration.class)).hasSize(7);
        assertThat(outlined.findAll(CompactConstructorDeclaration.class)).hasSize(1);
        assertThat(parse(Outline.of(source, "g"::equals)).findAll(MethodDeclaration.class))
                .extracting(m -> m.getNameAsString()).containsExactly("g");
        assertSkeletonAgreesWithTheParser(source);
    }

    @Test
    void unusualButLegalMembersAreFoundWithTheParsersRanges() {
        assertSkeletonAgreesWithTheParser(lines(
                "sealed interface Shape permits Circle, Square {",
                "    double area();",
                "    default <@Valid T extends Comparable<? super T>> java.util.List<@NonNull T> sorted(T... xs) {",
                "        return null;",
                "    }",
                "}",
                "non-sealed class Circle implements Shape {",
                "    native int peer();",
                "    public synchronized strictfp double area() { return 0; }",
                "    int legacy()[] { return new int[0]; }",
                "    @A(1) /* a comment ( { */ void /* ( */ commented /* ) */ (int x) // {",
                "    { }",
                "    void caf\u00e9$() { }",
                "    Object record() { return null; }",
                "    <T> T record(T t) { return t; }",
                "    final @Ann(x = @B(c = {1, 2}), y = \"}\") java.lang.@NonNull String qualified() { return \"\"; }",
                "    @Inject Circle() { }",
                "    Circle(int r) throws IllegalArgumentException { }",
                "}",
                "final class Square implements Shape {",
                "    public double area() { return 1; }",
                "    enum Empty { ; void none() { } }",
                "    enum Trailing { A, B, ; static Trailing first() { return A; } }",
                "    enum WithBodies implements Runnable { A { public void run() { } }, B { public void run() { } } ; }",
                "    @interface Marker {",
                "        int X = 1;",
                "        String value() default \"\";",
                "        class Impl { void m() { } }",
                "        enum Kind { K; void k() { } }",
                "    }",
                "    interface Callback { void call(String s) throws Exception; }",
                "}"));
    }

    @Test
    void keptDeclarationsKeepTheirPositionsWhenMethodsAreLeftOut() {
        for (String source : List.of(SAMPLE, SKELETON_SAMPLE, SKELETON_SAMPLE.replace("\n", "\r\n"))) {
            for (java.util.function.Predicate<String> keep : List.<java.util.function.Predicate<String>>of(
                    name -> false, name -> true, "get"::equals, name -> name.length() % 2 == 0)) {
                String outline = Outline.of(source, keep);
                assertThat(outline).isNotNull();
                assertThat(outline.split("\n", -1)).hasSameSizeAs(source.split("\n", -1));
                assertThat(outline.length()).isLessThanOrEqualTo(source.length());
                CompilationUnit original = parse(source);
                List<String> kept = new ArrayList<>();
                for (Node n : original.findAll(Node.class)) {
                    boolean wanted = DECLARATIONS.contains(n.getClass()) || n instanceof AnnotationExpr;
                    if (wanted && !inBody(n) && !inLeftOutMethod(n, keep)) {
                        kept.add(describe(n));
                    }
                }
                assertThat(declarations(parse(outline), false)).as("declarations kept in\n%s", outline)
                        .containsExactlyElementsOf(kept);
            }
        }
    }

    private static final String SKELETON_SAMPLE = lines(
            "package com.acme.web;",
            "",
            "import org.slf4j.Logger;",
            "",
            "@RestController",
            "@RequestMapping(\"/api\")",
            "public class UserController {",
            "\tprivate static final Logger log = LoggerFactory.getLogger(UserController.class);",
            "",
            "\t/** Finds one. */",
            "\t@GetMapping(\"/users/{id}\") @org.springframework.security.access.prepost.PreAuthorize(\"isAuthenticated()\")",
            "\tpublic <T extends User> ResponseEntity<T> get(@PathVariable(\"id\") long id,",
            "\t\t\t@RequestParam(name = \"a\", required = false) String a) throws NotFound {",
            "\t\treturn ResponseEntity.ok(service.find(id)); // }",
            "\t}",
            "",
            "\tpublic UserController(UserService service) { this.service = service; }",
            "",
            "\t@Deprecated /* between */ final",
            "\tString name() { return \"users\"; } // trailing",
            "",
            "\tstatic class Page<T> {",
            "\t\tprivate final List<T> items = new ArrayList<>();",
            "\t\tPage() { }",
            "\t\t<R> Page<R> map(Function<? super T, ? extends R> f) { return null; }",
            "\t\tinterface Visitor<T> {",
            "\t\t\tvoid visit(T item);",
            "\t\t\tdefault void visitAll(List<T> items) { items.forEach(this::visit); }",
            "\t\t\tstatic <T> Visitor<T> noop() { return item -> { }; }",
            "\t\t}",
            "\t\tT first() { return items.get(0); }",
            "\t}",
            "",
            "\tenum Role {",
            "\t\tADMIN(\"a\") {",
            "\t\t\t@Override boolean canDelete() { return true; }",
            "\t\t},",
            "\t\t@JsonProperty(\"u\") USER(\"u\") { boolean canDelete() { return false; } },",
            "\t\tGUEST(\"g\");",
            "\t\tprivate final String code;",
            "\t\tRole(String code) { this.code = code; }",
            "\t\tboolean canDelete() { return false; }",
            "\t\tstatic Role of(String code) { return valueOf(code); }",
            "\t}",
            "",
            "\tpublic record Dto(@NotNull String name, int age) implements Comparable<Dto> {",
            "\t\tpublic Dto {",
            "\t\t\tObjects.requireNonNull(name);",
            "\t\t}",
            "\t\tDto(String name) { this(name, 0); }",
            "\t\t@Override public int compareTo(Dto o) { return Integer.compare(age, o.age); }",
            "\t\tpublic String name() { return name; }",
            "\t}",
            "",
            "\t@interface Audited {",
            "\t\tString value() default \"x\";",
            "\t\tClass<?>[] groups() default {};",
            "\t}",
            "",
            "\tabstract static class Base {",
            "\t\tabstract void hook() throws java.io.IOException;",
            "\t\tprotected abstract <E extends Exception> void fail(E e) throws E;",
            "\t}",
            "",
            "\tprivate final Runnable r = new Runnable() { public void run() { get(1, null); } };",
            "\tvoid get() { }",
            "}",
            "",
            "interface Repository<T, ID> {",
            "\tOptional<T> findById(ID id);",
            "\t@Query(\"select u from User u where u.name = ?1\")",
            "\tList<T> findByName(String name);",
            "\tdefault T getOne(ID id) { return findById(id).orElseThrow(); }",
            "}");

    @Test
    void skeletonMethodsHaveTheRangesOfTheParsersMethodDeclarations() {
        assertSkeletonAgreesWithTheParser(SAMPLE);
        assertSkeletonAgreesWithTheParser(SKELETON_SAMPLE);
        assertSkeletonAgreesWithTheParser(SKELETON_SAMPLE.replace("\n", "\r\n"));
        assertSkeletonAgreesWithTheParser(SKELETON_SAMPLE.replace("\n", "\r"));
        assertSkeletonAgreesWithTheParser(SKELETON_SAMPLE.replace("\t", "    "));

        Outline.Skeleton skeleton = Outline.skeleton(SKELETON_SAMPLE);
        assertThat(skeleton.methods()).extracting(m -> String.join(".", m.typePath()) + "#" + m.name())
                .containsExactly("UserController#get", "UserController#name", "UserController.Page#map",
                        "UserController.Page.Visitor#visit", "UserController.Page.Visitor#visitAll",
                        "UserController.Page.Visitor#noop", "UserController.Page#first",
                        "UserController.Role#canDelete", "UserController.Role#of",
                        "UserController.Dto#compareTo", "UserController.Dto#name",
                        "UserController.Base#hook", "UserController.Base#fail", "UserController#get",
                        "Repository#findById", "Repository#findByName", "Repository#getOne");
    }

    /**
     * The skeleton of {@code text} parses, keeps every declaration but methods at its place, and lists every method
     * of a named type, in order, with the path of its types, its name, and the offsets of the range the parser
     * gives it (first annotation or modifier to closing brace or semicolon); the text at those offsets parses alone
     * as that method.
     */
    private static void assertSkeletonAgreesWithTheParser(String text) {
        Outline.Skeleton skeleton = Outline.skeleton(text);
        assertThat(skeleton).as("skeleton of\n%s", text).isNotNull();
        assertThat(skeleton.text()).isEqualTo(Outline.of(text, name -> false));
        assertThat(skeleton.text().split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
        assertThat(skeleton.text().split("\r", -1)).hasSameSizeAs(text.split("\r", -1));
        CompilationUnit full = parse(text);
        CompilationUnit outlined = parse(skeleton.text());

        List<String> expected = new ArrayList<>();
        for (MethodDeclaration m : full.findAll(MethodDeclaration.class)) {
            if (m.getParentNode().filter(OutlineTest::isMemberType).isPresent()) {
                Range r = m.getRange().orElseThrow();
                expected.add(typePath(m) + "#" + m.getNameAsString() + " " + r.begin + "-" + r.end);
            }
        }
        List<String> actual = new ArrayList<>();
        for (Outline.Method m : skeleton.methods()) {
            actual.add(m.typePath() + "#" + m.name() + " " + position(text, m.start()) + "-"
                    + position(text, m.end() - 1));
            String alone = text.substring(m.start(), m.end());
            ParseResult<BodyDeclaration<?>> parsed = JavaSources.newParser().parseBodyDeclaration(alone);
            assertThat(parsed.getProblems()).as("problems parsing %s alone", alone).isEmpty();
            assertThat(parsed.getResult()).get().isInstanceOfSatisfying(MethodDeclaration.class,
                    d -> assertThat(d.getNameAsString()).isEqualTo(m.name()));
        }
        assertThat(actual).as("methods of the skeleton of\n%s", text).containsExactlyElementsOf(expected);
        assertThat(actual).isNotEmpty();

        // every other declaration at its place, no method of a named type left
        List<String> kept = new ArrayList<>();
        for (Node n : full.findAll(Node.class)) {
            boolean wanted = DECLARATIONS.contains(n.getClass()) || n instanceof AnnotationExpr;
            if (wanted && !inBody(n) && !inLeftOutMethod(n, name -> false)) {
                kept.add(describe(n));
            }
        }
        assertThat(declarations(outlined, false)).containsExactlyElementsOf(kept);
        assertThat(outlined.findAll(MethodDeclaration.class))
                .noneMatch(m -> m.getParentNode().filter(OutlineTest::isMemberType).isPresent());
    }

    /** Enclosing type names, outermost first, as the skeleton gives them ({@code [A, B]}). */
    private static String typePath(Node n) {
        List<String> names = new ArrayList<>();
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) {
                names.add(0, t.getNameAsString());
            }
        }
        return names.toString();
    }

    /** JavaParser's (line, column) of {@code offset}: lines end at '\n', "\r\n" or a lone '\r'; a tab is one column. */
    private static Position position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    /** Whether {@code n} is, or lies inside, a method of a named type whose name {@code keep} rejects. */
    private static boolean inLeftOutMethod(Node n, java.util.function.Predicate<String> keep) {
        for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof MethodDeclaration m && m.getParentNode().filter(OutlineTest::isMemberType).isPresent()
                    && !keep.test(m.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #declarations} describes one node. */
    private static String describe(Node n) {
        String name = n instanceof NodeWithSimpleName<?> named ? named.getNameAsString() + " " : "";
        String text = n instanceof FieldDeclaration || n instanceof AnnotationExpr ? " " + n : "";
        return n.getClass().getSimpleName() + " " + name + n.getRange().orElseThrow() + text;
    }
}
