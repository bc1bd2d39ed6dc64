package dev.apisec.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.ApisecVersion;
import dev.apisec.core.api.Finding;
import dev.apisec.core.model.FlowStep;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.api.RuleMetadata;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SarifWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DOC_RULE = "test-documented-rule";
    private static final String NODOC_RULE = "a-undocumented-rule";

    @TempDir
    Path base;

    /** One finding per severity (file order = result order), plus notifications of every kind. */
    private AnalysisResult sample() {
        List<RuleMetadata> rules = List.of(RuleMetadata.of(ReportTestRules.Documented.class),
                RuleMetadata.of(ReportTestRules.Undocumented.class));
        String file = "src/main/java/com/acme/My App/Orders\u00e9.java";
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(DOC_RULE, Severity.CRITICAL, "critical one", loc(file, 10, 5, 12, 20), null,
                List.of(), "fp-critical:1"));
        findings.add(new Finding(DOC_RULE, Severity.HIGH, "high one", loc(file, 20, 3, 20, 40),
                "GET /orders/{id}", List.of(loc("src/main/java/com/acme/Config.java", 7, 1, 9, 2),
                        loc("src/main/resources/application.properties", 3, 1, 3, 30)), "fp-high:1"));
        findings.add(new Finding(DOC_RULE, Severity.MEDIUM, "medium one", loc(file, 30, 1, 30, 10), null,
                List.of(), "fp-medium:1", List.of(
                        new FlowStep(loc(file, 30, 20, 30, 27), "'id' enters the handler"),
                        new FlowStep(loc("src/main/java/com/acme/Service.java", 12, 9, 12, 40), "passed to Service.load"),
                        new FlowStep(loc("src/main/java/com/acme/Service.java", 13, 16, 13, 45), "reaches Repo.findById"))));
        findings.add(new Finding(NODOC_RULE, Severity.LOW, "low one", loc(file, 40, 1, 40, 10), null,
                List.of(), "fp-low:1"));
        findings.add(new Finding(NODOC_RULE, Severity.INFO, "info one", loc(file, 50, 1, 50, 10), null,
                List.of(), "fp-info:1"));
        List<Notification> notes = List.of(
                new Notification(Notification.Level.NOTE, null, 0, "rule something was slow"),
                new Notification(Notification.Level.ERROR, "src/main/java/Broken.java", 14, "cannot parse"),
                new Notification(Notification.Level.WARNING, "src/main/java/Latin1.java", 0,
                        "file is not valid UTF-8; read as ISO-8859-1"));
        return new AnalysisResult(base, rules, findings, notes, List.of(),
                new AnalysisResult.Stats(3, 2, 1000, 1234), true);
    }

    private static SourceLocation loc(String file, int sl, int sc, int el, int ec) {
        return new SourceLocation(file, sl, sc, el, ec, "com.acme.X#m()", "snippet");
    }

    private static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    private JsonNode sampleRun(SarifWriter writer) throws IOException {
        String json = writer.toJson(sample());
        assertThat(SarifSchemaValidator.validate(json)).isEmpty();
        JsonNode doc = parse(json);
        assertThat(doc.path("runs")).hasSize(1);
        return doc.path("runs").get(0);
    }

    @Test
    void documentHeaderAndDriver() throws IOException {
        String json = new SarifWriter("apisec/my-artifact/").toJson(sample());
        assertThat(SarifSchemaValidator.validate(json)).isEmpty();
        JsonNode doc = parse(json);
        assertThat(doc.path("version").asText()).isEqualTo("2.1.0");
        assertThat(doc.path("$schema").asText()).startsWith("https://");
        JsonNode run = doc.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("apisec");
        assertThat(driver.path("version").asText()).isEqualTo(ApisecVersion.get());
        assertThat(driver.path("semanticVersion").asText()).isEqualTo(ApisecVersion.get());
        assertThat(driver.path("informationUri").asText()).isEqualTo("https://github.com/apisec/apisec");
        assertThat(run.path("columnKind").asText()).isEqualTo("utf16CodeUnits");
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("apisec/my-artifact/");
        assertThat(json).doesNotContain("\r").endsWith("}\n");
        // no durations or timestamps
        assertThat(json).doesNotContain("1234").doesNotContain("TimeUtc");
    }

    @Test
    void nullAutomationIdDefaultsToApisec() throws IOException {
        assertThat(sampleRun(new SarifWriter(null)).path("automationDetails").path("id").asText())
                .isEqualTo("apisec/");
    }

    @Test
    void rulesAreSortedWithMetadataHelpAndSeverityProperties() throws IOException {
        JsonNode rules = sampleRun(new SarifWriter(null)).path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(2);
        JsonNode undocumented = rules.get(0);
        JsonNode documented = rules.get(1);
        assertThat(undocumented.path("id").asText()).isEqualTo(NODOC_RULE);
        assertThat(documented.path("id").asText()).isEqualTo(DOC_RULE);

        assertThat(documented.path("name").asText()).isEqualTo("TestDocumentedRule");
        assertThat(documented.path("shortDescription").path("text").asText()).isEqualTo("Documented test rule");
        assertThat(documented.path("fullDescription").path("text").asText())
                .isEqualTo("A rule with a help document.");
        String doc = resource("/apisec/rules/test-documented-rule.md");
        assertThat(doc).contains("**Markdown**");
        assertThat(documented.path("help").path("markdown").asText()).isEqualTo(doc);
        assertThat(documented.path("help").path("text").asText()).isEqualTo(doc);
        assertThat(documented.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        JsonNode props = documented.path("properties");
        assertThat(props.path("security-severity").asText()).isEqualTo("8.0");
        assertThat(props.path("precision").asText()).isEqualTo("high");
        assertThat(texts(props.path("tags")))
                .containsExactly("security", "external/cwe/cwe-942", "owasp-api-2023/api8", "cors");

        // no doc: help falls back to the description, INFO has no security-severity
        assertThat(undocumented.path("name").asText()).isEqualTo("AUndocumentedRule");
        assertThat(undocumented.path("help").path("text").asText()).isEqualTo("A rule without a help document.");
        assertThat(undocumented.path("help").has("markdown")).isFalse();
        assertThat(undocumented.path("defaultConfiguration").path("level").asText()).isEqualTo("note");
        assertThat(undocumented.path("properties").has("security-severity")).isFalse();
        assertThat(undocumented.path("properties").path("precision").asText()).isEqualTo("medium");
        assertThat(texts(undocumented.path("properties").path("tags")))
                .containsExactly("security", "external/cwe/cwe-200", "external/cwe/cwe-359", "owasp-api-2023/api3");
    }

    @Test
    void resultLevelsAndSecuritySeverityPerSeverity() throws IOException {
        JsonNode results = sampleRun(new SarifWriter(null)).path("results");
        assertThat(results).hasSize(5);
        String[][] expected = {
                {"critical one", "error", "9.5", "CRITICAL"},
                {"high one", "error", "8.0", "HIGH"},
                {"medium one", "warning", "5.5", "MEDIUM"},
                {"low one", "note", "3.0", "LOW"},
                {"info one", "note", null, "INFO"},
        };
        for (int i = 0; i < expected.length; i++) {
            JsonNode r = results.get(i);
            assertThat(r.path("message").path("text").asText()).isEqualTo(expected[i][0]);
            assertThat(r.path("level").asText()).as("level of %s", expected[i][0]).isEqualTo(expected[i][1]);
            if (expected[i][2] == null) {
                assertThat(r.path("properties").has("security-severity")).isFalse();
            } else {
                assertThat(r.path("properties").path("security-severity").asText()).isEqualTo(expected[i][2]);
            }
            assertThat(r.path("properties").path("severity").asText()).isEqualTo(expected[i][3]);
        }
    }

    @Test
    void ruleIndexPointsAtTheRuleInTheDriver() throws IOException {
        JsonNode run = sampleRun(new SarifWriter(null));
        JsonNode rules = run.path("tool").path("driver").path("rules");
        for (JsonNode r : run.path("results")) {
            assertThat(r.has("ruleIndex")).isTrue();
            assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText())
                    .isEqualTo(r.path("ruleId").asText());
        }
        assertThat(run.path("results").get(0).path("ruleIndex").asInt()).isEqualTo(1);
        assertThat(run.path("results").get(4).path("ruleIndex").asInt()).isEqualTo(0);
    }

    @Test
    void locationsAreRelativeUriReferencesUnderSrcRoot() throws IOException {
        JsonNode run = sampleRun(new SarifWriter(null));
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("locations")).hasSize(1);
        JsonNode physical = first.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText())
                .isEqualTo("src/main/java/com/acme/My%20App/Orders%C3%A9.java");
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        JsonNode region = physical.path("region");
        assertThat(region.path("startLine").asInt()).isEqualTo(10);
        assertThat(region.path("startColumn").asInt()).isEqualTo(5);
        assertThat(region.path("endLine").asInt()).isEqualTo(12);
        assertThat(region.path("endColumn").asInt()).isEqualTo(20);

        JsonNode srcRoot = run.path("originalUriBaseIds").path("%SRCROOT%").path("uri");
        assertThat(srcRoot.asText()).startsWith("file:/").endsWith("/");
        assertThat(Path.of(java.net.URI.create(srcRoot.asText()))).isEqualTo(base.toAbsolutePath());
    }

    @Test
    void uriReferencesEscapeWhatAUriPathCannotHold() {
        assertThat(SarifWriter.uriReference("a b/c#d?e%f.java")).isEqualTo("a%20b/c%23d%3Fe%25f.java");
        assertThat(SarifWriter.uriReference("dir\\Win.java")).isEqualTo("dir/Win.java");
        // a colon in the first segment must not read as a scheme
        assertThat(SarifWriter.uriReference("c:x/A.java")).isEqualTo("c%3Ax/A.java");
        assertThat(SarifWriter.uriReference("src/main/java/A-b_c.~java")).isEqualTo("src/main/java/A-b_c.~java");
    }

    @Test
    void codeFlowsCarryTheStepsInOrder() throws IOException {
        JsonNode results = sampleRun(new SarifWriter(null)).path("results");
        assertThat(results.get(0).has("codeFlows")).isFalse();
        JsonNode flows = results.get(2).path("codeFlows");
        assertThat(flows).hasSize(1);
        JsonNode steps = flows.get(0).path("threadFlows").get(0).path("locations");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("location").path("message").path("text").asText())
                .isEqualTo("'id' enters the handler");
        assertThat(steps.get(2).path("location").path("physicalLocation").path("artifactLocation").path("uri")
                .asText()).isEqualTo("src/main/java/com/acme/Service.java");
        assertThat(steps.get(2).path("location").path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(13);
    }

    @Test
    void fingerprintsEndpointAndRelatedLocations() throws IOException {
        JsonNode results = sampleRun(new SarifWriter(null)).path("results");
        assertThat(results.get(0).path("partialFingerprints").path("apisecFingerprint/v1").asText())
                .isEqualTo("fp-critical:1");
        assertThat(results.get(3).path("partialFingerprints").path("apisecFingerprint/v1").asText())
                .isEqualTo("fp-low:1");

        JsonNode high = results.get(1);
        assertThat(high.path("properties").path("endpoint").asText()).isEqualTo("GET /orders/{id}");
        assertThat(results.get(0).path("properties").has("endpoint")).isFalse();
        assertThat(results.get(0).has("relatedLocations")).isFalse();

        JsonNode related = high.path("relatedLocations");
        assertThat(related).hasSize(2);
        assertThat(related.get(0).path("id").asInt()).isEqualTo(1);
        assertThat(related.get(1).path("id").asInt()).isEqualTo(2);
        assertThat(related.get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("src/main/java/com/acme/Config.java");
        assertThat(related.get(1).path("physicalLocation").path("artifactLocation").path("uriBaseId").asText())
                .isEqualTo("%SRCROOT%");
        assertThat(related.get(1).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(3);
    }

    @Test
    void invocationCarriesSuccessAndNotifications() throws IOException {
        JsonNode invocations = sampleRun(new SarifWriter(null)).path("invocations");
        assertThat(invocations).hasSize(1);
        JsonNode inv = invocations.get(0);
        assertThat(inv.path("executionSuccessful").isBoolean()).isTrue();
        assertThat(inv.path("executionSuccessful").asBoolean()).isTrue();
        JsonNode notes = inv.path("toolExecutionNotifications");
        assertThat(notes).hasSize(3);

        JsonNode noFile = notes.get(0);
        assertThat(noFile.path("level").asText()).isEqualTo("note");
        assertThat(noFile.path("message").path("text").asText()).isEqualTo("rule something was slow");
        assertThat(noFile.has("locations")).isFalse();

        JsonNode withLine = notes.get(1);
        assertThat(withLine.path("level").asText()).isEqualTo("error");
        JsonNode physical = withLine.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("src/main/java/Broken.java");
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(14);

        JsonNode withoutLine = notes.get(2);
        assertThat(withoutLine.path("level").asText()).isEqualTo("warning");
        JsonNode physical2 = withoutLine.path("locations").get(0).path("physicalLocation");
        assertThat(physical2.path("artifactLocation").path("uri").asText()).isEqualTo("src/main/java/Latin1.java");
        assertThat(physical2.has("region")).isFalse();
    }

    @Test
    void failedRunAndEmptyRunAreValid() throws IOException {
        AnalysisResult empty = new AnalysisResult(base, List.of(), List.of(), List.of(), List.of(),
                new AnalysisResult.Stats(0, 0, 0, 0), false);
        String json = new SarifWriter(null).toJson(empty);
        assertThat(SarifSchemaValidator.validate(json)).isEmpty();
        JsonNode run = parse(json).path("runs").get(0);
        assertThat(run.path("results").isArray()).isTrue();
        assertThat(run.path("results")).isEmpty();
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean(true)).isFalse();
        assertThat(run.path("invocations").get(0).has("toolExecutionNotifications")).isFalse();
    }

    @Test
    void sameInputGivesSameBytes() {
        String a = new SarifWriter("x/").toJson(sample());
        String b = new SarifWriter("x/").toJson(sample());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void writeCreatesParentDirectoriesAndLeavesNoTemporaryFiles(@TempDir Path out) throws IOException {
        Path file = out.resolve("deeply/nested/dir/apisec.sarif");
        SarifWriter writer = new SarifWriter("apisec/");
        writer.write(sample(), file);
        byte[] first = Files.readAllBytes(file);
        writer.write(sample(), file); // replaces the existing file
        byte[] second = Files.readAllBytes(file);

        assertThat(second).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(writer.toJson(sample()));
        assertThat(SarifSchemaValidator.validate(file)).isEmpty();
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("apisec.sarif");
        }
    }

    @Test
    void writeReplacesAnExistingLargerFileCompletely(@TempDir Path out) throws IOException {
        Path file = out.resolve("apisec.sarif");
        Files.writeString(file, "x".repeat(200_000));
        new SarifWriter(null).write(sample(), file);
        assertThat(SarifSchemaValidator.validate(file)).isEmpty();
    }

    @Test
    void writtenFileGetsTheUsualPermissionsOfANewFile(@TempDir Path out) throws IOException {
        assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(out.resolve("reference.txt"));
        Path file = out.resolve("apisec.sarif");
        new SarifWriter(null).write(sample(), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SarifWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
