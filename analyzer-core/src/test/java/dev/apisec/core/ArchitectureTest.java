package dev.apisec.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The layers of analyzer-core (docs/design.md): each package depends only on the layers below it, no cycles. */
class ArchitectureTest {

    /**
     * Lowest first. A package of a layer may use its own layer and the ones before it. The packages of the
     * frameworks layer are to move under {@code frameworks.*}; {@code analysis.*} holds facts that combine
     * frameworks (object-level access).
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("diag"),
            List.of("model"),
            List.of("source"),
            List.of("parse"),
            List.of("lang"),
            List.of("flow"),
            List.of("facts"),
            List.of("web", "security", "cors", "errors", "persistence", "frameworks.."),
            List.of("analysis.."),
            List.of("api"),
            List.of("engine"),
            List.of("report"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.apisec.core");
    }

    private static String[] packages(List<List<String>> layers) {
        return layers.stream().flatMap(List::stream).map(p -> "dev.apisec.core." + p).toArray(String[]::new);
    }

    @Test
    void everyPackageBelongsToALayer() {
        List<String> layered = Arrays.asList(packages(LAYERS));
        List<String> unlayered = new ArrayList<>();
        classes.forEach(c -> {
            String pkg = c.getPackageName();
            boolean known = layered.stream().anyMatch(l -> l.endsWith("..")
                    ? pkg.startsWith(l.substring(0, l.length() - 2)) : pkg.equals(l));
            if (!known && !unlayered.contains(pkg)) {
                unlayered.add(pkg);
            }
        });
        assertThat(unlayered).as("packages missing from LAYERS").isEmpty();
    }

    @Test
    void eachLayerDependsOnlyOnTheLayersBelowIt() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            ArchRule rule = noClasses().that().resideInAnyPackage(packages(LAYERS.subList(i, i + 1)))
                    .should().dependOnClassesThat()
                    .resideInAnyPackage(packages(LAYERS.subList(i + 1, LAYERS.size())))
                    .because("layer " + LAYERS.get(i) + " lies below " + LAYERS.subList(i + 1, LAYERS.size()));
            rule.check(classes);
        }
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.apisec.core.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheSchedulerMakesThreads() {
        noClasses().that().resideOutsideOfPackage("dev.apisec.core.diag")
                .should().callMethod(java.util.concurrent.ForkJoinPool.class, "commonPool")
                .orShould().callMethod(java.util.Collection.class, "parallelStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .because("every parallel step runs on the scan's Scheduler, sized by --threads")
                .check(classes);
    }
}
