package dev.apisec.rules;

import dev.apisec.core.api.Finding;
import dev.apisec.core.facts.AnalysisOptions;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.InlineProject;
import dev.apisec.rules.auth.MissingAuthentication;
import dev.apisec.rules.auth.MissingOwnershipCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The options the CLI and the plugin pass reach the engine, the fact providers and the rules. */
class AnalysisOptionsThroughTheEngineTest {

    @TempDir
    Path dir;

    private InlineProject project;

    @BeforeEach
    void app() {
        project = new InlineProject(dir)
                .java("domain/Invoice.java", """
                        package com.acme.domain;

                        import jakarta.persistence.*;

                        @Entity
                        public class Invoice {
                            @Id Long id;
                            String owner;
                            public String getOwner() { return owner; }
                        }
                        """)
                .java("domain/InvoiceRepository.java", """
                        package com.acme.domain;

                        import org.springframework.data.jpa.repository.JpaRepository;

                        public interface InvoiceRepository extends JpaRepository<Invoice, Long> {
                        }
                        """)
                .java("web/InvoiceController.java", """
                        package com.acme.web;

                        import com.acme.domain.*;
                        import java.security.Principal;
                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        class InvoiceController {
                            private final InvoiceRepository invoices;
                            private final Gatekeeper gate;

                            InvoiceController(InvoiceRepository invoices, Gatekeeper gate) {
                                this.invoices = invoices;
                                this.gate = gate;
                            }

                            @GetMapping("/invoices/{id}")
                            Invoice get(@PathVariable Long id, Principal me) {
                                Invoice invoice = invoices.findById(id).orElseThrow();
                                gate.vouchFor(invoice, me);
                                return invoice;
                            }

                            @GetMapping("/status")
                            String status() { return "ok"; }
                        }
                        """)
                .java("web/Gatekeeper.java", """
                        package com.acme.web;

                        import com.acme.domain.Invoice;
                        import java.security.Principal;
                        import org.springframework.stereotype.Component;

                        @Component
                        class Gatekeeper {
                            void vouchFor(Invoice invoice, Principal me) {
                                if (!invoice.getOwner().equals(me.getName())) {
                                    throw new IllegalStateException("forbidden");
                                }
                            }
                        }
                        """);
    }

    private List<String> ids(AnalysisOptions options) {
        return project.run(options, new MissingAuthentication(), new MissingOwnershipCheck()).findings().stream()
                .map(f -> f.ruleId() + " " + f.endpoint() + " " + f.severity()).toList();
    }

    @Test
    void defaultsReportBothRules() {
        assertThat(ids(AnalysisOptions.defaults())).contains(
                "missing-ownership-check GET /invoices/{id} CRITICAL", "missing-authentication GET /status HIGH")
                .anySatisfy(s -> assertThat(s).startsWith("missing-authentication GET /invoices/{id}"));
    }

    @Test
    void anExtraOwnershipCheckerPatternReachesTheOwnershipAnalysis() {
        assertThat(ids(AnalysisOptions.builder().ownershipChecker("vouchFor").build()))
                .noneSatisfy(s -> assertThat(s).startsWith("missing-ownership-check"))
                .anySatisfy(s -> assertThat(s).startsWith("missing-authentication GET /status"));
    }

    @Test
    void aDisabledRuleDoesNotRunAndASeverityOverrideReplacesTheRulesOwn() {
        List<Finding> findings = project.run(AnalysisOptions.builder().disableRule("missing-ownership-check")
                        .severity("missing-authentication", Severity.LOW).build(),
                new MissingAuthentication(), new MissingOwnershipCheck()).findings();
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("missing-authentication");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
        });
    }

    @Test
    void aRuleOptionReachesTheRule() {
        List<String> words = new java.util.ArrayList<>(MissingAuthentication.DEFAULT_PUBLIC_PATH_WORDS);
        words.add("status");
        assertThat(ids(AnalysisOptions.builder().ruleOption(MissingAuthentication.PUBLIC_PATH_WORDS, words).build()))
                .noneSatisfy(s -> assertThat(s).startsWith("missing-authentication GET /status"))
                .anySatisfy(s -> assertThat(s).startsWith("missing-authentication GET /invoices/{id}"));
    }
}
