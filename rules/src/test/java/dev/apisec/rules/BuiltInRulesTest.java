package dev.apisec.rules;

import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the registry and every rule's metadata against the project conventions (docs/STYLE.md): id, class name
 * and doc file agree; metadata is complete.
 */
class BuiltInRulesTest {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern OWASP_API_2023 = Pattern.compile("API([1-9]|10)");
    private static final Set<String> NON_RULE_DOCS = Set.of("README.md", "index.md");

    private static final List<Rule> RULES = BuiltInRules.all();

    @Test
    void registryIsNotEmpty() {
        assertThat(RULES).isNotEmpty();
    }

    @Test
    void idsAreUnique() {
        List<String> ids = ids();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void listIsSortedById() {
        List<String> sorted = new ArrayList<>(ids());
        sorted.sort(null);
        assertThat(ids()).containsExactlyElementsOf(sorted);
    }

    @Test
    void idsAreKebabCase() {
        assertThat(ids()).allSatisfy(id -> assertThat(id).matches(KEBAB_CASE));
    }

    @Test
    void classIsFinalAndNamedAfterTheId() {
        assertThat(RULES).allSatisfy(rule -> {
            String id = rule.metadata().id();
            assertThat(rule.getClass().getSimpleName()).as("class of %s", id).isEqualTo(camelCase(id));
            assertThat(Modifier.isFinal(rule.getClass().getModifiers())).as("%s is final", id).isTrue();
            assertThat(rule.getClass().getPackageName()).as("package of %s", id).startsWith("dev.apisec.rules");
        });
    }

    @Test
    void allReturnsFreshInstances() {
        List<Rule> again = BuiltInRules.all();
        for (int i = 0; i < RULES.size(); i++) {
            assertThat(again.get(i)).isNotSameAs(RULES.get(i));
        }
    }

    @Test
    void metadataIsComplete() {
        assertThat(RULES).allSatisfy(rule -> {
            RuleMetadata m = rule.metadata();
            assertThat(m.title()).as("title of %s", m.id()).isNotBlank().doesNotEndWith(".")
                    .isEqualTo(m.title().strip());
            assertThat(m.description()).as("description of %s", m.id()).isNotBlank();
            assertThat(m.severity()).as("severity of %s", m.id()).isNotNull();
            assertThat(m.precision()).as("precision of %s", m.id()).isNotNull();
            assertThat(m.cwe()).as("CWE of %s", m.id()).isNotEmpty().allSatisfy(c -> assertThat(c).isPositive());
            assertThat(m.owasp()).as("OWASP category of %s", m.id()).matches(OWASP_API_2023);
            assertThat(m.sarifTags()).as("tags of %s", m.id()).hasSizeLessThanOrEqualTo(20)
                    .doesNotHaveDuplicates()
                    .contains("security", "owasp-api-2023/" + m.owasp().toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void everyRuleHasItsDoc() {
        Path docs = docsDirectory();
        assertThat(ids()).allSatisfy(id ->
                assertThat(docs.resolve(id + ".md")).as("docs/rules/%s.md", id).isRegularFile());
    }

    @Test
    void everyDocHasItsRule() throws IOException {
        List<String> documented;
        try (Stream<Path> files = Files.list(docsDirectory())) {
            documented = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !NON_RULE_DOCS.contains(name))
                    .map(name -> name.substring(0, name.length() - ".md".length()))
                    .sorted()
                    .toList();
        }
        assertThat(ids()).as("registered rules").containsAll(documented);
    }

    @Test
    void helpMarkdownIsTheBundledDoc() {
        Path docs = docsDirectory();
        assertThat(RULES).allSatisfy(rule -> {
            RuleMetadata m = rule.metadata();
            assertThat(m.helpMarkdown()).as("help of %s", m.id()).isNotBlank();
            Path doc = docs.resolve(m.id() + ".md");
            if (Files.isRegularFile(doc)) {
                assertThat(m.helpMarkdown()).as("help of %s", m.id())
                        .isEqualTo(Files.readString(doc, StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void docReferencesTheRulesCweAndOwaspCategory() {
        Path docs = docsDirectory();
        assertThat(RULES).allSatisfy(rule -> {
            RuleMetadata m = rule.metadata();
            Path doc = docs.resolve(m.id() + ".md");
            assertThat(doc).as("docs/rules/%s.md", m.id()).isRegularFile();
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            for (int cwe : m.cwe()) {
                assertThat(text).as("docs/rules/%s.md", m.id()).contains("CWE-" + cwe);
            }
            assertThat(text).as("docs/rules/%s.md", m.id()).contains(m.owasp());
        });
    }

    private static List<String> ids() {
        return RULES.stream().map(r -> r.metadata().id()).toList();
    }

    /** {@code missing-ownership-check} to {@code MissingOwnershipCheck}, written independently of the code. */
    private static String camelCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }

    /** {@code docs/rules} of the repository; surefire runs with the rules module as working directory. */
    private static Path docsDirectory() {
        Path docs = Path.of("..", "docs", "rules").toAbsolutePath().normalize();
        assertThat(docs).as("docs/rules next to the rules module").isDirectory();
        return docs;
    }
}
