package dev.apisec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisec.core.report.SarifSchemaValidator;
import dev.apisec.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real built-in rules on a small Spring application (nothing is built: sources are only read). */
class EndToEndTest {

    @TempDir
    Path cwd;

    @Test
    void permissiveCorsOnARestControllerIsReported() throws IOException {
        Path repo = cwd.resolve("shop");
        Files.createDirectories(repo.resolve(".git"));
        Path controller = repo.resolve("src/main/java/com/acme/shop/OrderController.java");
        Files.createDirectories(controller.getParent());
        Files.writeString(controller, """
                package com.acme.shop;

                import org.springframework.web.bind.annotation.CrossOrigin;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.PathVariable;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                @CrossOrigin(origins = "*", allowCredentials = "true")
                public class OrderController {

                    @GetMapping("/orders/{id}")
                    public String get(@PathVariable long id) {
                        return "order " + id;
                    }
                }
                """);

        ScanCommandTest.Run r = ScanCommandTest.run(BuiltInRules.all(), cwd, "scan", "--fail-on", "high", "shop");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("src/main/java/com/acme/shop/OrderController.java:")
                .contains("permissive-cors");
        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_FINDINGS);

        Path sarif = cwd.resolve("apisec.sarif");
        assertThat(SarifSchemaValidator.validate(sarif)).isEmpty();
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results");
        assertThat(results).anySatisfy(result -> {
            assertThat(result.path("ruleId").asText()).isEqualTo("permissive-cors");
            assertThat(result.path("level").asText()).isEqualTo("error");
            assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation")
                    .path("uri").asText()).isEqualTo("src/main/java/com/acme/shop/OrderController.java");
        });
    }

    @Test
    void inventoryOptionWritesJsonAndMarkdown() throws IOException {
        Path repo = cwd.resolve("api");
        Path controller = repo.resolve("src/main/java/com/acme/ItemController.java");
        Files.createDirectories(controller.getParent());
        Files.writeString(controller, """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class ItemController {
                    @GetMapping("/items/{id}")
                    String get(@PathVariable long id) { return ""; }
                }
                """);

        ScanCommandTest.Run r = ScanCommandTest.run(BuiltInRules.all(), cwd, "scan", "--fail-on", "none",
                "--inventory", "out/endpoints.json", "api");

        assertThat(r.exit()).isEqualTo(ApisecCommand.EXIT_OK);
        assertThat(r.out()).contains("endpoint inventory (1 endpoints) written to");
        JsonNode inventory = new ObjectMapper().readTree(cwd.resolve("out/endpoints.json").toFile());
        JsonNode endpoint = inventory.path("endpoints").get(0);
        assertThat(endpoint.path("method").asText()).isEqualTo("GET");
        assertThat(endpoint.path("path").asText()).isEqualTo("/items/{id}");
        assertThat(endpoint.path("access").path("level").asText()).isEqualTo("PUBLIC");
        assertThat(Files.readString(cwd.resolve("out/endpoints.md"))).contains("| GET | `/items/{id}` | PUBLIC |");
    }
}
