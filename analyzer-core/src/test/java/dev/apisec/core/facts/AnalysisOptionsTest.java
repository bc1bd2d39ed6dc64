package dev.apisec.core.facts;

import dev.apisec.core.facts.AnalysisOptions.RuleOption;
import dev.apisec.core.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisOptionsTest {

    private static final RuleOption<List<String>> WORDS =
            RuleOption.words("API-PUBLIC", "public-path-words", List.of("public", "health"));

    @Test
    void defaultsEnableEveryRuleAndOverrideNoSeverity() {
        AnalysisOptions options = AnalysisOptions.defaults();

        assertThat(options.enabled("API-PUBLIC")).isTrue();
        assertThat(options.enabled("ANY-OTHER-RULE")).isTrue();
        assertThat(options.disabledRules()).isEmpty();
        assertThat(options.severities()).isEmpty();
        assertThat(options.severity("API-PUBLIC")).isEmpty();
        assertThat(options.accessCheckers()).isEmpty();
        assertThat(options.ownershipCheckers()).isEmpty();
        assertThat(options.principalMethods()).isEmpty();
        assertThat(options.ruleOptions()).isEmpty();
    }

    @Test
    void builderRoundTripsDisabledRulesSeveritiesAndExtraRows() {
        AnalysisOptions options = AnalysisOptions.builder()
                .disableRule("RULE-B")
                .disableRule("RULE-A")
                .severity("RULE-C", Severity.LOW)
                .severity("RULE-D", Severity.CRITICAL)
                .accessChecker("gate*")
                .ownershipChecker("*.checkOwner")
                .principalMethod("currentUser")
                .ruleOption(WORDS, List.of("open"))
                .build();

        assertThat(options.enabled("RULE-A")).isFalse();
        assertThat(options.enabled("RULE-B")).isFalse();
        assertThat(options.enabled("RULE-C")).isTrue();
        assertThat(options.disabledRules()).containsExactlyInAnyOrder("RULE-A", "RULE-B");
        assertThat(options.severity("RULE-C")).contains(Severity.LOW);
        assertThat(options.severity("RULE-D")).contains(Severity.CRITICAL);
        assertThat(options.severity("RULE-A")).isEmpty();
        assertThat(options.severities()).containsOnly(Map.entry("RULE-C", Severity.LOW),
                Map.entry("RULE-D", Severity.CRITICAL));
        assertThat(options.accessCheckers()).containsExactly("gate*");
        assertThat(options.ownershipCheckers()).containsExactly("*.checkOwner");
        assertThat(options.principalMethods()).containsExactly("currentUser");
        assertThat(options.ruleOptions()).containsOnly(Map.entry("API-PUBLIC.public-path-words", List.of("open")));
    }

    @Test
    void aLaterSeverityForTheSameRuleReplacesTheEarlierOne() {
        AnalysisOptions options = AnalysisOptions.builder()
                .severity("RULE", Severity.HIGH)
                .severity("RULE", Severity.INFO)
                .build();
        assertThat(options.severity("RULE")).contains(Severity.INFO);
    }

    @Test
    void ruleOptionIsTheDefaultWhenUnset() {
        assertThat(AnalysisOptions.defaults().ruleOption(WORDS)).containsExactly("public", "health");
        AnalysisOptions other = AnalysisOptions.builder()
                .ruleOption(RuleOption.words("OTHER", "public-path-words", List.of()), List.of("x"))
                .build();
        assertThat(other.ruleOption(WORDS)).containsExactly("public", "health");
    }

    @Test
    void ruleOptionIsTheUsersListWhenSetReplacingTheDefault() {
        AnalysisOptions options = AnalysisOptions.builder().ruleOption(WORDS, List.of("open", "anon")).build();
        assertThat(options.ruleOption(WORDS)).containsExactly("open", "anon");

        AnalysisOptions empty = AnalysisOptions.builder().ruleOption(WORDS, List.of()).build();
        assertThat(empty.ruleOption(WORDS)).isEmpty(); // an explicit empty list is the user's choice too
    }

    @Test
    void typedRuleOptionsParseTheUsersValues() {
        RuleOption<Integer> depth = new RuleOption<>("RULE", "max-depth", 3, values -> Integer.parseInt(values.get(0)));
        assertThat(depth.key()).isEqualTo("RULE.max-depth");
        assertThat(AnalysisOptions.defaults().ruleOption(depth)).isEqualTo(3);
        assertThat(AnalysisOptions.builder().ruleOption(depth, List.of("7")).build().ruleOption(depth))
                .isEqualTo(7);
    }

    @Test
    void ruleOptionKeyIsRuleDotName() {
        assertThat(WORDS.key()).isEqualTo("API-PUBLIC.public-path-words");
    }

    @Test
    void wordsOptionCopiesItsDefault() {
        List<String> defaults = new ArrayList<>(List.of("a"));
        RuleOption<List<String>> option = RuleOption.words("R", "w", defaults);
        defaults.add("b");
        assertThat(AnalysisOptions.defaults().ruleOption(option)).containsExactly("a");
    }

    @Test
    void mutatingTheBuildersInputListAfterBuildDoesNotChangeTheOptions() {
        List<String> values = new ArrayList<>(List.of("one"));
        AnalysisOptions.Builder builder = AnalysisOptions.builder().ruleOption(WORDS, values);
        AnalysisOptions options = builder.build();

        values.add("two");
        assertThat(options.ruleOption(WORDS)).containsExactly("one");

        // using the builder further does not change what it built before
        builder.disableRule("LATER").accessChecker("late*").severity("LATER", Severity.HIGH);
        assertThat(options.enabled("LATER")).isTrue();
        assertThat(options.accessCheckers()).isEmpty();
        assertThat(options.severity("LATER")).isEmpty();
    }

    @Test
    void theRecordCopiesEveryInputCollection() {
        Set<String> disabled = new HashSet<>(Set.of("R1"));
        Map<String, Severity> severities = new HashMap<>(Map.of("R2", Severity.LOW));
        List<String> access = new ArrayList<>(List.of("gate*"));
        List<String> ownership = new ArrayList<>(List.of("own*"));
        List<String> principals = new ArrayList<>(List.of("me"));
        List<String> wordValues = new ArrayList<>(List.of("w"));
        Map<String, List<String>> ruleOptions = new HashMap<>(Map.of(WORDS.key(), wordValues));

        AnalysisOptions options = new AnalysisOptions(disabled, severities, access, ownership, principals,
                ruleOptions);
        disabled.add("R3");
        severities.put("R4", Severity.HIGH);
        access.add("more*");
        ownership.clear();
        principals.add("you");
        wordValues.add("x");
        ruleOptions.put("OTHER.opt", List.of("y"));

        assertThat(options.disabledRules()).containsExactly("R1");
        assertThat(options.enabled("R3")).isTrue();
        assertThat(options.severities()).containsOnlyKeys("R2");
        assertThat(options.accessCheckers()).containsExactly("gate*");
        assertThat(options.ownershipCheckers()).containsExactly("own*");
        assertThat(options.principalMethods()).containsExactly("me");
        assertThat(options.ruleOptions()).containsOnlyKeys(WORDS.key());
        assertThat(options.ruleOption(WORDS)).containsExactly("w");
    }

    @Test
    void theRecordsCollectionsAreUnmodifiable() {
        AnalysisOptions options = AnalysisOptions.builder()
                .disableRule("R").severity("R", Severity.LOW).accessChecker("a").ownershipChecker("o")
                .principalMethod("p").ruleOption(WORDS, List.of("w")).build();

        assertThatThrownBy(() -> options.disabledRules().add("X")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.severities().put("X", Severity.HIGH))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.accessCheckers().add("X")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.ownershipCheckers().add("X"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.principalMethods().add("X"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.ruleOptions().put("X", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.ruleOption(WORDS).add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalOptionsBuiltTheSameWayAreEqual() {
        AnalysisOptions a = AnalysisOptions.builder().disableRule("R").severity("S", Severity.LOW).build();
        AnalysisOptions b = AnalysisOptions.builder().disableRule("R").severity("S", Severity.LOW).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(AnalysisOptions.defaults());
    }
}
