package dev.apisec.cli;

import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleMetadata;
import dev.apisec.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    @TempDir
    Path cwd;

    @Test
    void listsTheBuiltInRulesOnePerLine() {
        ScanCommandTest.Run r = ScanCommandTest.run(BuiltInRules.all(), cwd, "rules");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(BuiltInRules.all().size());
        // the CORS rule's metadata belongs to its author: compare with it rather than copying it here
        RuleMetadata cors = BuiltInRules.all().stream().map(Rule::metadata)
                .filter(m -> m.id().equals("permissive-cors")).findFirst().orElseThrow();
        String cwes = String.join(",", cors.cwe().stream().map(c -> "CWE-" + c).toList());
        assertThat(cwes).contains("CWE-942");
        assertThat(lines).anySatisfy(line -> assertThat(line.split("\\s{2,}")).containsExactly("permissive-cors",
                cors.severity().name(), cwes, cors.owasp(), cors.title()));
    }

    @Test
    void listsInjectedRulesSortedById() {
        ScanCommandTest.Run r = ScanCommandTest.run(List.of(new FlaggedFileRule(), BuiltInRules.all().get(0)),
                cwd, "rules");
        List<String> ids = r.out().lines().map(l -> l.split("\\s+")[0]).toList();
        assertThat(ids).isSorted().contains(FlaggedFileRule.ID);
        assertThat(r.out()).contains("CWE-1 ");
    }
}
