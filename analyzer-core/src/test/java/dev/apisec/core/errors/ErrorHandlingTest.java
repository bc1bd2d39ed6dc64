package dev.apisec.core.errors;

import dev.apisec.core.engine.Engine;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.security.AccessLevel;
import dev.apisec.core.security.PathAccess;
import dev.apisec.core.source.ScanConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTest {

    @TempDir
    Path dir;

    private ProjectModel model(String... pathAndSource) throws IOException {
        for (int i = 0; i < pathAndSource.length; i += 2) {
            Path file = dir.resolve("com/acme/" + pathAndSource[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathAndSource[i + 1]);
        }
        return Engine.model(ScanConfig.builder(dir).sourceRoot(dir).threads(1).build(), new Notifications());
    }

    @Test
    void discoversHandlersMappersAndOverridesWithTheirTypes() throws IOException {
        ProjectModel model = model("Errors.java", """
                package com.acme;

                import java.sql.SQLException;
                import org.springframework.http.*;
                import org.springframework.web.bind.annotation.*;
                import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
                import org.springframework.http.converter.HttpMessageNotReadableException;
                import org.springframework.web.context.request.WebRequest;

                @RestControllerAdvice
                class Errors extends ResponseEntityExceptionHandler {
                    @ExceptionHandler({SQLException.class, IllegalStateException.class})
                    String data(Exception e) { return "x"; }

                    @ExceptionHandler
                    String missing(OrderMissing missing) { return "x"; }

                    @Override
                    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                            HttpHeaders headers, HttpStatusCode status, WebRequest request) { return null; }

                    String helper(Exception e) { return "x"; }
                }
                """, "OrderMissing.java", """
                package com.acme;

                class OrderMissing extends RuntimeException {
                    OrderMissing(long id) { super("order " + id + " not found"); }
                }
                """, "Mapper.java", """
                package com.acme;

                import jakarta.ws.rs.core.Response;
                import jakarta.ws.rs.ext.ExceptionMapper;

                class Mapper implements ExceptionMapper<OrderMissing> {
                    public Response toResponse(OrderMissing exception) { return null; }
                }
                """);
        ErrorHandling errors = model.errorHandling();
        assertThat(errors.handlers()).extracting(h -> h.kind() + " " + h.displayName() + " " + h.handledTypes()
                        + " " + h.exceptionParameter())
                .containsExactlyInAnyOrder(
                        "EXCEPTION_HANDLER Errors.data [java.sql.SQLException, java.lang.IllegalStateException] e",
                        "EXCEPTION_HANDLER Errors.missing [com.acme.OrderMissing] missing",
                        "RESPONSE_ENTITY_EXCEPTION_HANDLER Errors.handleHttpMessageNotReadable "
                                + "[org.springframework.http.converter.HttpMessageNotReadableException] ex",
                        "EXCEPTION_MAPPER Mapper.toResponse [com.acme.OrderMissing] exception");
        assertThat(errors.hasProjectWrittenMessages("com.acme.OrderMissing")).isTrue();
        assertThat(errors.hasProjectWrittenMessages("java.lang.IllegalStateException")).isFalse();
    }

    @Test
    void aThrowSiteWithAnotherExceptionsMessageOrASuperCauseMakesMessagesForeign() throws IOException {
        ProjectModel model = model("Failures.java", """
                package com.acme;

                class Base extends RuntimeException {
                    Base(String m) { super(m); }
                }
                class Sub extends Base {
                    Sub(String m) { super(m); }
                }
                class Wrapping extends RuntimeException {
                    Wrapping(Throwable cause) { super(cause); }
                }
                class Service {
                    void run() {
                        try {
                            throw new Base("fixed text");
                        } catch (RuntimeException e) {
                            throw new Sub("failed: " + e);
                        }
                    }
                }
                """);
        ErrorHandling errors = model.errorHandling();
        assertThat(errors.hasProjectWrittenMessages("com.acme.Sub")).isFalse();
        assertThat(errors.hasProjectWrittenMessages("com.acme.Base")).as("a subclass carries foreign text").isFalse();
        assertThat(errors.hasProjectWrittenMessages("com.acme.Wrapping")).isFalse();
    }

    @Test
    void actuatorPathsFollowTheChainsAndEndpointRequestFollowsTheBasePath() throws IOException {
        ProjectModel model = model("Security.java", """
                package com.acme;

                import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class Security {
                    @Bean
                    SecurityFilterChain chain(HttpSecurity http) throws Exception {
                        http.authorizeHttpRequests(a -> a
                                .requestMatchers(EndpointRequest.to("health")).permitAll()
                                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("OPS")
                                .anyRequest().authenticated());
                        return http.build();
                    }
                }
                """);
        assertThat(PathAccess.ofActuator(model.security(), "GET", "/actuator", "env").level())
                .isEqualTo(AccessLevel.RESTRICTED);
        assertThat(PathAccess.ofActuator(model.security(), "GET", "/manage", "env").level())
                .isEqualTo(AccessLevel.RESTRICTED);
        assertThat(PathAccess.ofActuator(model.security(), "GET", "/manage", "health").level())
                .isEqualTo(AccessLevel.PUBLIC);
        assertThat(PathAccess.of(model.security(), "GET", "/manage/env").level())
                .as("a plain path outside the rules").isEqualTo(AccessLevel.AUTHENTICATED);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ProjectModel none = Engine.model(ScanConfig.builder(empty).sourceRoot(empty).threads(1).build(),
                new Notifications());
        assertThat(PathAccess.of(none.security(), "GET", "/actuator/env").level()).isEqualTo(AccessLevel.PUBLIC);
    }
}
