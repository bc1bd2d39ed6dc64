package dev.apisec.rules.errors;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionLeakTest {

    @TempDir
    Path dir;

    private List<Finding> scan(String... pathAndSource) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < pathAndSource.length; i += 2) {
            files.put("src/main/java/com/acme/" + pathAndSource[i], pathAndSource[i + 1]);
        }
        return Scans.run(dir, new ExceptionLeak(), files);
    }

    private static String advice(String imports, String body) {
        return """
                package com.acme;

                import org.springframework.http.*;
                import org.springframework.web.bind.annotation.*;
                %s

                @RestControllerAdvice
                class Errors {
                %s
                }
                """.formatted(imports, body);
    }

    @Test
    void errorFixturesAgreeWithTheirMarkers() {
        MarkerReport report = ErrorsFixtures.scan(new ExceptionLeak());
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains("exception-leak"))
                .toList();
        assertThat(expected).hasSize(21);
        assertThat(report.result().findings()).hasSameSizeAs(expected);
        for (Finding f : report.result().findings()) {
            boolean medium = f.message().contains("is not written by this project");
            assertThat(f.severity()).as(f.message()).isEqualTo(medium ? Severity.MEDIUM : Severity.HIGH);
            assertThat(f.related()).as("the source is related evidence").hasSize(1);
        }
        assertThat(report.result().findings()).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(9);
        assertThat(report.notes(MarkerReport.Kind.TODO_MISS)).hasSize(1);
    }

    @Test
    void sampleAppsMapOnlyProjectMessagesAndValidationErrors() {
        MarkerReport apps = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory")), List.of(new ExceptionLeak()));
        apps.assertClean();
        assertThat(apps.result().findings()).isEmpty();
        assertThat(apps.markers()).filteredOn(m -> m.ruleIds().contains("exception-leak")).isNotEmpty();
    }

    @Test
    void libraryStackTraceHelpersAreHigh() {
        List<Finding> findings = scan("Errors.java", advice("""
                import org.apache.commons.lang3.exception.ExceptionUtils;
                import com.google.common.base.Throwables;
                """, """
                    @ExceptionHandler(IllegalStateException.class)
                    ResponseEntity<String> commons(IllegalStateException e) {
                        return ResponseEntity.status(500).body(ExceptionUtils.getStackTrace(e));
                    }

                    @ExceptionHandler(IllegalArgumentException.class)
                    String guava(IllegalArgumentException e) {
                        String trace = Throwables.getStackTraceAsString(e);
                        return "failed\\n" + trace;
                    }

                    @ExceptionHandler(UnsupportedOperationException.class)
                    String root(UnsupportedOperationException e) {
                        return ExceptionUtils.getRootCauseMessage(e);
                    }
                """));
        assertThat(findings).extracting(f -> f.location().startLine() + " " + f.severity())
                .containsExactly("13 HIGH", "19 HIGH", "24 HIGH");
        assertThat(findings.get(0).message()).isEqualTo("@ExceptionHandler Errors.commons sends the stack trace "
                + "(ExceptionUtils.getStackTrace(e)) to the client, returned as the response; stack traces reveal "
                + "class names, library versions and code paths");
        assertThat(findings.get(2).message()).contains("the message of a cause of UnsupportedOperationException");
        assertThat(findings.get(0).flow()).hasSize(2);
    }

    @Test
    void projectExceptionsAreJudgedByTheirThrowSitesAndConstructors() {
        String exceptions = """
                package com.acme;

                class OrderMissing extends RuntimeException {
                    OrderMissing(long id) { super("order " + id + " does not exist"); }
                }
                class PaymentFailed extends RuntimeException {
                    PaymentFailed(String message) { super(message); }
                }
                class Wrapped extends RuntimeException {
                    Wrapped(Throwable cause) { super(cause); }
                }
                """;
        String service = """
                package com.acme;

                class Payments {
                    void pay(long id) {
                        if (id < 0) throw new OrderMissing(id);
                        try {
                            gateway();
                        } catch (java.io.IOException e) {
                            throw new PaymentFailed("gateway said: " + e.getMessage());
                        }
                        throw new PaymentFailed("declined");
                    }
                    void gateway() throws java.io.IOException { }
                }
                """;
        List<Finding> findings = scan("Exceptions.java", exceptions, "Payments.java", service,
                "Errors.java", advice("", """
                    @ExceptionHandler(OrderMissing.class)
                    ProblemDetail missing(OrderMissing e) {
                        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
                    }

                    @ExceptionHandler
                    ProblemDetail payment(PaymentFailed e) {
                        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED, e.getMessage());
                    }

                    @ExceptionHandler(Wrapped.class)
                    ProblemDetail wrapped(Wrapped e) {
                        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
                    }
                """));
        assertThat(findings).extracting(f -> f.location().startLine() + " " + f.severity())
                .containsExactly("16 MEDIUM", "21 MEDIUM");
        assertThat(findings.get(0).message()).contains("the message of PaymentFailed (e.getMessage())");
        assertThat(findings.get(1).message()).contains("the message of Wrapped (e.getMessage())");
    }

    @Test
    void loggingValidationAndStatusCodesAreNotLeaks() {
        List<Finding> findings = scan("Errors.java", advice("""
                import org.springframework.web.bind.MethodArgumentNotValidException;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                """, """
                    private static final Logger log = LoggerFactory.getLogger(Errors.class);

                    @ExceptionHandler(Exception.class)
                    ResponseEntity<String> any(Exception e) {
                        log.error("unexpected: {}", e.getMessage(), e);
                        String id = java.util.UUID.randomUUID().toString();
                        return ResponseEntity.status(500).body("internal error, reference " + id);
                    }

                    @ExceptionHandler(MethodArgumentNotValidException.class)
                    ResponseEntity<Object> invalid(MethodArgumentNotValidException e) {
                        return ResponseEntity.badRequest().body(e.getBindingResult().getFieldErrors().stream()
                                .map(f -> f.getField() + ": " + f.getDefaultMessage()).toList());
                    }

                    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
                    ResponseEntity<Void> status(org.springframework.web.server.ResponseStatusException e) {
                        return ResponseEntity.status(e.getStatusCode()).build();
                    }
                """));
        assertThat(findings).isEmpty();
    }

    @Test
    void hibernateConstraintViolationsAreDatabaseErrorsNotValidation() {
        List<Finding> findings = scan("Errors.java", advice("""
                import org.hibernate.exception.ConstraintViolationException;
                """, """
                    @ExceptionHandler(ConstraintViolationException.class)
                    ResponseEntity<String> duplicate(ConstraintViolationException e) {
                        return ResponseEntity.status(409).body(e.getMessage());
                    }
                """));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("ConstraintViolationException covers database");
        });
    }

    @Test
    void responseWritersAndSendErrorInCatchBlocksOfHandlers() {
        List<Finding> findings = scan("ExportController.java", """
                package com.acme;

                import java.io.PrintWriter;
                import jakarta.servlet.http.HttpServletResponse;
                import org.springframework.web.bind.annotation.*;

                @RestController
                class ExportController {
                    @GetMapping("/exports/{id}")
                    void export(@PathVariable long id, HttpServletResponse response) throws Exception {
                        try {
                            render(id);
                        } catch (java.io.IOException | IllegalStateException e) {
                            PrintWriter out = response.getWriter();
                            out.println("export failed: " + e.getMessage());
                        }
                    }

                    @PostMapping("/exports")
                    void create(HttpServletResponse response) throws Exception {
                        try {
                            render(0);
                        } catch (RuntimeException e) {
                            response.sendError(500, "export failed");
                        }
                    }

                    void render(long id) throws java.io.IOException { }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.location().startLine()).isEqualTo(15);
            assertThat(f.endpoint()).isEqualTo("GET /exports/{id}");
            assertThat(f.message()).isEqualTo("catch block of GET /exports/{id} sends the message of "
                    + "IOException/IllegalStateException (e.getMessage()) to the client, written to the response; the "
                    + "message of IOException/IllegalStateException is not written by this project and can reveal "
                    + "internals");
        });
    }

    @Test
    void jaxRsMapperReturningTheExceptionEntity() {
        List<Finding> findings = scan("Mapper.java", """
                package com.acme;

                import jakarta.ws.rs.core.Response;
                import jakarta.ws.rs.ext.ExceptionMapper;
                import jakarta.ws.rs.ext.Provider;

                @Provider
                class Mapper implements ExceptionMapper<RuntimeException> {
                    @Override
                    public Response toResponse(RuntimeException exception) {
                        Response.ResponseBuilder builder = Response.serverError();
                        builder.entity(exception);
                        return builder.build();
                    }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.location().startLine()).isEqualTo(13);
            assertThat(f.message()).startsWith("ExceptionMapper Mapper.toResponse sends the exception object (exception)");
        });
    }
}
