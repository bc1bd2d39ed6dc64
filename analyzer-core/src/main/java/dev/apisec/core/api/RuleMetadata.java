package dev.apisec.core.api;

import dev.apisec.core.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A rule's metadata as the reporters need it: the {@link RuleDescriptor} plus its help text, read from the
 * bundled {@code docs/rules/<id>.md} (resource {@code apisec/rules/<id>.md} next to the rule class).
 */
public record RuleMetadata(
        String id,
        String title,
        String description,
        Severity severity,
        List<Integer> cwe,
        String owasp,
        Precision precision,
        List<String> extraTags,
        String helpMarkdown) {

    public RuleMetadata {
        cwe = List.copyOf(cwe);
        extraTags = List.copyOf(extraTags);
        helpMarkdown = helpMarkdown == null ? "" : helpMarkdown;
    }

    /** Reads the descriptor of {@code ruleClass}; fails when the class has none. */
    public static RuleMetadata of(Class<?> ruleClass) {
        RuleDescriptor d = ruleClass.getAnnotation(RuleDescriptor.class);
        if (d == null) {
            throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleDescriptor");
        }
        List<Integer> cwes = Arrays.stream(d.cwe()).boxed().toList();
        return new RuleMetadata(d.id(), d.title(), d.description(), d.severity(), cwes, d.owasp(), d.precision(),
                Arrays.asList(d.tags()), readHelp(ruleClass, d.id()));
    }

    private static String readHelp(Class<?> ruleClass, String id) {
        String resource = "/apisec/rules/" + id + ".md";
        try (InputStream in = ruleClass.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** All tags in SARIF form: security, external/cwe/cwe-N, owasp-api-2023/apiN, then the extra tags. */
    public List<String> sarifTags() {
        List<String> tags = new ArrayList<>();
        tags.add("security");
        for (int c : cwe) {
            tags.add("external/cwe/cwe-" + c);
        }
        if (owasp != null && !owasp.isBlank()) {
            tags.add("owasp-api-2023/" + owasp.toLowerCase(Locale.ROOT));
        }
        for (String t : extraTags) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        return tags;
    }

    /** CamelCase name derived from the id, e.g. {@code PermissiveCors}. */
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
