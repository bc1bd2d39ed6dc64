package dev.apisec.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules are queries over facts: they never walk syntax themselves (docs/conventions.md). */
class RulesReadFactsTest {

    @Test
    void noRuleImportsTheParser() {
        JavaClasses rules = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.apisec.rules");
        noClasses().should().dependOnClassesThat().resideInAPackage("com.github.javaparser..")
                .because("a rule that needs a fact adds a provider in analyzer-core").check(rules);
    }
}
