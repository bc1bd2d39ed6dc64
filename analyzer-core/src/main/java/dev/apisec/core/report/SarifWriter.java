package dev.apisec.core.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import dev.apisec.core.model.FlowStep;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.ApisecVersion;
import dev.apisec.core.api.Finding;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.api.RuleMetadata;
import dev.apisec.core.model.Severity;
import dev.apisec.core.model.SourceLocation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link AnalysisResult} as SARIF 2.1.0 (one run). The output is deterministic: same result, same bytes
 * (pretty printed with {@code \n} line ends, schema property order, sorted property bags, no timestamps or
 * durations). The only machine-specific value is {@code originalUriBaseIds["%SRCROOT%"]}, the base directory
 * every result URI is relative to.
 *
 * <p>The mapping from apisec severities to SARIF {@code level} and {@code security-severity} lives here and
 * nowhere else.
 */
public final class SarifWriter {

    /** The uriBaseId of every result location; resolved through {@code run.originalUriBaseIds}. */
    static final String SRCROOT = "%SRCROOT%";
    /** Key of the apisec fingerprint in {@code result.partialFingerprints}. */
    static final String FINGERPRINT_KEY = "apisecFingerprint/v1";

    private static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String INFORMATION_URI = "https://github.com/apisec/apisec";
    private static final String DEFAULT_AUTOMATION_ID = "apisec/";

    private static final ObjectWriter JSON = createWriter();

    private final String automationId;

    /**
     * @param automationId {@code run.automationDetails.id}, e.g. {@code apisec/my-artifact/} (a trailing slash
     *                     makes it a category for GitHub code scanning); null means {@code apisec/}
     */
    public SarifWriter(String automationId) {
        this.automationId = automationId == null ? DEFAULT_AUTOMATION_ID : automationId;
    }

    /** The SARIF document as pretty-printed JSON, ending with a newline. */
    public String toJson(AnalysisResult result) {
        try {
            return JSON.writeValueAsString(toSarif(result)) + "\n";
        } catch (JsonProcessingException e) {
            // only our own model objects are serialized, so this is a programming error
            throw new IllegalStateException("cannot serialize SARIF", e);
        }
    }

    /**
     * Writes the SARIF document to {@code file}, creating parent directories. The file is replaced atomically
     * (a temporary file in the same directory, then a move), so readers never see a half-written report.
     */
    public void write(AnalysisResult result, Path file) throws IOException {
        AtomicFiles.write(file, toJson(result).getBytes(StandardCharsets.UTF_8));
    }

    // ---- severity mapping (the only place) ----

    /** SARIF {@code level} of a severity: CRITICAL/HIGH error, MEDIUM warning, LOW/INFO note. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's {@code security-severity} score of a severity, or null for INFO. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> null;
        };
    }

    // ---- building the document ----

    private SarifSchema210 toSarif(AnalysisResult result) {
        List<RuleMetadata> rules = new ArrayList<>(result.rules());
        rules.sort(Comparator.comparing(RuleMetadata::id));
        Map<String, Integer> ruleIndex = new HashMap<>();
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        for (RuleMetadata rule : rules) {
            if (ruleIndex.putIfAbsent(rule.id(), ruleIndex.size()) == null) {
                descriptors.add(descriptor(rule));
            }
        }

        String version = ApisecVersion.get();
        ToolComponent driver = new ToolComponent()
                .withName("apisec")
                .withVersion(version)
                .withSemanticVersion(version)
                .withInformationUri(URI.create(INFORMATION_URI))
                .withRules(descriptors);

        List<Result> results = new ArrayList<>();
        for (Finding finding : result.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId())));
        }

        Invocation invocation = new Invocation().withExecutionSuccessful(result.executionSuccessful());
        if (!result.notifications().isEmpty()) {
            List<com.contrastsecurity.sarif.Notification> notes = new ArrayList<>();
            for (Notification n : result.notifications()) {
                notes.add(notification(n));
            }
            invocation.setToolExecutionNotifications(notes);
        }

        OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
        baseIds.setAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(baseUri(result.baseDirectory())));

        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withAutomationDetails(new RunAutomationDetails().withId(automationId))
                .withInvocations(List.of(invocation))
                .withOriginalUriBaseIds(baseIds)
                .withResults(results)
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);

        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private static ReportingDescriptor descriptor(RuleMetadata rule) {
        MultiformatMessageString help = rule.helpMarkdown().isBlank()
                ? new MultiformatMessageString().withText(rule.description())
                : new MultiformatMessageString().withText(rule.helpMarkdown()).withMarkdown(rule.helpMarkdown());
        PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(rule.sarifTags()));
        properties.setAdditionalProperty("precision", rule.precision().sarifName());
        String score = securitySeverity(rule.severity());
        if (score != null) {
            properties.setAdditionalProperty("security-severity", score);
        }
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.name())
                .withShortDescription(new MultiformatMessageString().withText(rule.title()))
                .withFullDescription(new MultiformatMessageString().withText(rule.description()))
                .withHelp(help)
                .withDefaultConfiguration(new ReportingConfiguration()
                        .withLevel(ReportingConfiguration.Level.fromValue(level(rule.severity()))))
                .withProperties(properties);
    }

    private static Result result(Finding finding, Integer ruleIndex) {
        Result r = new Result()
                .withRuleId(finding.ruleId())
                .withLevel(Result.Level.fromValue(level(finding.severity())))
                .withMessage(new Message().withText(finding.message()))
                .withLocations(List.of(new Location().withPhysicalLocation(physical(finding.location()))));
        if (ruleIndex != null) {
            r.setRuleIndex(ruleIndex);
        }
        if (finding.fingerprint() != null && !finding.fingerprint().isEmpty()) {
            PartialFingerprints fp = new PartialFingerprints();
            fp.setAdditionalProperty(FINGERPRINT_KEY, finding.fingerprint());
            r.setPartialFingerprints(fp);
        }
        if (!finding.related().isEmpty()) {
            Set<Location> related = new LinkedHashSet<>();
            int id = 1;
            for (SourceLocation loc : finding.related()) {
                related.add(new Location().withId(id++).withPhysicalLocation(physical(loc)));
            }
            r.setRelatedLocations(related);
        }
        if (!finding.flow().isEmpty()) {
            List<ThreadFlowLocation> steps = new ArrayList<>();
            for (FlowStep step : finding.flow()) {
                steps.add(new ThreadFlowLocation().withLocation(new Location()
                        .withPhysicalLocation(physical(step.location()))
                        .withMessage(new Message().withText(step.message()))));
            }
            r.setCodeFlows(List.of(new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)))));
        }
        PropertyBag properties = new PropertyBag();
        properties.setAdditionalProperty("severity", finding.severity().name());
        String score = securitySeverity(finding.severity());
        if (score != null) {
            properties.setAdditionalProperty("security-severity", score);
        }
        if (finding.endpoint() != null) {
            properties.setAdditionalProperty("endpoint", finding.endpoint());
        }
        r.setProperties(properties);
        return r;
    }

    private static PhysicalLocation physical(SourceLocation loc) {
        Region region = new Region()
                .withStartLine(Math.max(1, loc.startLine()))
                .withStartColumn(Math.max(1, loc.startColumn()))
                .withEndLine(Math.max(1, loc.endLine()))
                .withEndColumn(Math.max(1, loc.endColumn()));
        return new PhysicalLocation().withArtifactLocation(artifact(loc.file())).withRegion(region);
    }

    private static ArtifactLocation artifact(String relativeFile) {
        return new ArtifactLocation().withUri(uriReference(relativeFile)).withUriBaseId(SRCROOT);
    }

    private static com.contrastsecurity.sarif.Notification notification(Notification n) {
        com.contrastsecurity.sarif.Notification out = new com.contrastsecurity.sarif.Notification()
                .withLevel(switch (n.level()) {
                    case ERROR -> com.contrastsecurity.sarif.Notification.Level.ERROR;
                    case WARNING -> com.contrastsecurity.sarif.Notification.Level.WARNING;
                    case NOTE -> com.contrastsecurity.sarif.Notification.Level.NOTE;
                })
                .withMessage(new Message().withText(n.message()));
        if (n.file() != null && !n.file().isEmpty()) {
            PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifact(n.file()));
            if (n.line() > 0) {
                physical.setRegion(new Region().withStartLine(n.line()));
            }
            Set<Location> locations = new LinkedHashSet<>();
            locations.add(new Location().withPhysicalLocation(physical));
            out.setLocations(locations);
        }
        return out;
    }

    // ---- URIs ----

    /** {@code file:} URI of the base directory, always ending in "/". */
    static String baseUri(Path baseDirectory) {
        String uri = baseDirectory.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /**
     * A relative path as a URI reference: backslashes become "/", and every byte outside the unreserved and
     * path-safe characters is percent-encoded (UTF-8), including ':' so that the first segment never reads as a
     * scheme.
     */
    static String uriReference(String relativePath) {
        String path = relativePath.replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isPathSafe(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isPathSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
    }

    // ---- Jackson ----

    private static ObjectWriter createWriter() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setAnnotationIntrospector(new LevelAlwaysWritten());
        mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return mapper.writer(printer);
    }

    /**
     * The java-sarif classes are {@code @JsonInclude(NON_DEFAULT)}, and their default {@code level} is "warning",
     * so a warning level would silently disappear. Every {@code level} is written explicitly instead.
     */
    private static final class LevelAlwaysWritten extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated a) {
            JsonInclude.Value value = super.findPropertyInclusion(a);
            if (a instanceof AnnotatedMember member
                    && member.getDeclaringClass().getPackageName().equals("com.contrastsecurity.sarif")
                    && (member.getName().equals("level") || member.getName().equals("getLevel"))) {
                return JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
            }
            return value;
        }
    }
}
