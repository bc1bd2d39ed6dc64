package dev.apisec.core.facts;

import dev.apisec.core.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What to analyse and how, the same for every entry point: the CLI and the Maven plugin build one and pass it to
 * the engine, which hands it to the fact providers and the rules. Defaults come first; each entry point overrides
 * what its user set.
 *
 * @param disabledRules      rule ids not run
 * @param severities         rule id → severity that replaces the rule's own
 * @param accessCheckers     extra glob patterns of project methods whose call in a handler is a programmatic access
 *                           check ({@code gate*}), added to the built-in ones
 * @param ownershipCheckers  extra glob patterns of project methods that check ownership of the object they receive
 * @param principalMethods   extra names of project methods that return the current user
 * @param ruleOptions        {@code <rule-id>.<option>} → values, read through {@link RuleOption}s
 */
public record AnalysisOptions(Set<String> disabledRules, Map<String, Severity> severities,
                              List<String> accessCheckers, List<String> ownershipCheckers,
                              List<String> principalMethods, Map<String, List<String>> ruleOptions) {

    public AnalysisOptions {
        disabledRules = Set.copyOf(new TreeSet<>(disabledRules));
        severities = Map.copyOf(severities);
        accessCheckers = List.copyOf(accessCheckers);
        ownershipCheckers = List.copyOf(ownershipCheckers);
        principalMethods = List.copyOf(principalMethods);
        Map<String, List<String>> copy = new TreeMap<>();
        ruleOptions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        ruleOptions = Map.copyOf(copy);
    }

    /** Every rule enabled at its own severity, no extra rows. */
    public static AnalysisOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean enabled(String ruleId) {
        return !disabledRules.contains(ruleId);
    }

    /** The severity that replaces {@code ruleId}'s own, if the user set one. */
    public Optional<Severity> severity(String ruleId) {
        return Optional.ofNullable(severities.get(ruleId));
    }

    /** The value of a rule's option: the user's when set, else the option's default. */
    public <T> T ruleOption(RuleOption<T> option) {
        List<String> raw = ruleOptions.get(option.key());
        return raw == null ? option.defaultValue() : option.parse(raw);
    }

    /**
     * A typed option of one rule, declared as a constant next to the rule.
     *
     * @param rule         the rule id
     * @param name         the option's name ({@code public-path-words})
     * @param defaultValue used when the user sets nothing
     * @param parser       from the values the user wrote
     */
    public record RuleOption<T>(String rule, String name, T defaultValue,
                                java.util.function.Function<List<String>, T> parser) {

        /** An option holding a list of words or patterns; the user's list replaces the default. */
        public static RuleOption<List<String>> words(String rule, String name, List<String> defaultValue) {
            return new RuleOption<>(rule, name, List.copyOf(defaultValue), List::copyOf);
        }

        public String key() {
            return rule + "." + name;
        }

        T parse(List<String> values) {
            return parser.apply(values);
        }
    }

    /** Mutable builder. */
    public static final class Builder {
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private final List<String> accessCheckers = new ArrayList<>();
        private final List<String> ownershipCheckers = new ArrayList<>();
        private final List<String> principalMethods = new ArrayList<>();
        private final Map<String, List<String>> ruleOptions = new LinkedHashMap<>();

        public Builder disableRule(String ruleId) {
            disabledRules.add(ruleId);
            return this;
        }

        public Builder severity(String ruleId, Severity severity) {
            severities.put(ruleId, severity);
            return this;
        }

        public Builder accessChecker(String pattern) {
            accessCheckers.add(pattern);
            return this;
        }

        public Builder ownershipChecker(String pattern) {
            ownershipCheckers.add(pattern);
            return this;
        }

        public Builder principalMethod(String name) {
            principalMethods.add(name);
            return this;
        }

        public Builder ruleOption(RuleOption<?> option, List<String> values) {
            ruleOptions.put(option.key(), List.copyOf(values));
            return this;
        }

        public AnalysisOptions build() {
            return new AnalysisOptions(disabledRules, severities, accessCheckers, ownershipCheckers,
                    principalMethods, ruleOptions);
        }
    }
}
