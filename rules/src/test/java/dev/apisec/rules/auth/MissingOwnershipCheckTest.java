package dev.apisec.rules.auth;

import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.api.Finding;
import dev.apisec.core.model.FlowStep;
import dev.apisec.core.model.Severity;
import dev.apisec.core.report.SarifWriter;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.InlineProject;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MissingOwnershipCheckTest {

    private static final String ID = "missing-ownership-check";

    @TempDir
    Path dir;

    @Test
    void bolaFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.bola"), List.of(new MissingOwnershipCheck()));
        report.assertClean();
        long expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).count();
        assertThat(expected).isGreaterThanOrEqualTo(9);
        assertThat(report.result().findings()).hasSize((int) expected);
        for (Finding f : report.result().findings()) {
            boolean inferred = f.message().contains("recognised by name only");
            assertThat(f.severity()).as(f.message()).isEqualTo(inferred ? Severity.HIGH : Severity.CRITICAL);
            assertThat(f.flow()).as(f.message()).isNotEmpty();
            assertThat(f.related()).hasSize(1);
        }
    }

    private AnalysisResult scan(String source) throws IOException {
        return new InlineProject(dir).java("Api.java", source).run(new MissingOwnershipCheck());
    }

    private static final String APP = """
            package com.acme;

            import org.springframework.data.repository.CrudRepository;
            import org.springframework.web.bind.annotation.*;

            @jakarta.persistence.Entity
            class Note { @jakarta.persistence.Id Long id; String owner; }

            interface NoteRepository extends CrudRepository<Note, Long> { }

            class NoteService {
                private final NoteRepository notes;
                NoteService(NoteRepository notes) { this.notes = notes; }
                Note load(Long noteId) { return notes.findById(noteId).orElseThrow(); }
            }

            @RestController
            class Api {
                private final NoteService service;
                Api(NoteService service) { this.service = service; }

                @GetMapping("/notes/{id}")
                Note get(@PathVariable Long id) { return service.load(id); }
            %s
            }
            """;

    @Test
    void messageSeverityAndSarifCodeFlow() throws IOException {
        AnalysisResult result = scan(APP.formatted(""));
        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.message()).startsWith("GET /notes/{id}: 'id' reaches NoteRepository.findById without an "
                + "ownership check (through 1 call)");
        assertThat(f.endpoint()).isEqualTo("GET /notes/{id}");
        assertThat(f.location().startLine()).isEqualTo(22);
        assertThat(f.flow()).extracting(FlowStep::message).containsExactly("'id' (path) enters GET /notes/{id}",
                "passed to NoteService.load", "reaches NoteRepository.findById");

        JsonNode sarif = new ObjectMapper().readTree(new SarifWriter(null).toJson(result));
        JsonNode steps = sarif.path("runs").get(0).path("results").get(0).path("codeFlows").get(0)
                .path("threadFlows").get(0).path("locations");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("location").path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(23);
        assertThat(steps.get(2).path("location").path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(14);
        assertThat(steps.get(2).path("location").path("message").path("text").asText())
                .isEqualTo("reaches NoteRepository.findById");
    }

    @Test
    void customAccessLowersToHigh() throws IOException {
        AnalysisResult result = scan(APP.formatted("""

                    @GetMapping("/notes/{id}/checked-elsewhere")
                    Note checked(@PathVariable Long id, jakarta.servlet.http.HttpServletRequest request) {
                        if (!request.isUserInRole("reader")) { throw new IllegalStateException(); }
                        return service.load(id);
                    }
                """));
        assertThat(result.findings()).extracting(Finding::endpoint, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET /notes/{id}", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("GET /notes/{id}/checked-elsewhere", Severity.HIGH));
        assertThat(result.findings().get(1).message()).contains("decided by code apisec cannot evaluate");
    }
}
