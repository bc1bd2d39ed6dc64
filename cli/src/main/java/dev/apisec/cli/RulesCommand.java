package dev.apisec.cli;

import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** {@code apisec rules}: one line per rule, sorted by id: id, default severity, CWE, OWASP category, title. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = ApisecCommand.Version.class,
        description = "Lists the rules: id, default severity, CWE, OWASP API Security Top 10 2023 category, title.")
final class RulesCommand implements Runnable {

    private final List<Rule> rules;

    @Spec
    CommandSpec spec;

    RulesCommand(List<Rule> rules) {
        this.rules = rules;
    }

    @Override
    public void run() {
        List<RuleMetadata> all = rules.stream().map(Rule::metadata)
                .sorted(Comparator.comparing(RuleMetadata::id)).toList();
        int idWidth = all.stream().mapToInt(m -> m.id().length()).max().orElse(0);
        int cweWidth = all.stream().mapToInt(m -> cwe(m).length()).max().orElse(0);
        int owaspWidth = all.stream().mapToInt(m -> m.owasp().length()).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        for (RuleMetadata m : all) {
            out.println(pad(m.id(), idWidth) + "  " + pad(m.severity().name(), 8) + "  " + pad(cwe(m), cweWidth)
                    + "  " + pad(m.owasp(), owaspWidth) + "  " + m.title());
        }
        out.flush();
    }

    private static String cwe(RuleMetadata m) {
        return m.cwe().stream().map(c -> "CWE-" + c).collect(Collectors.joining(","));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
