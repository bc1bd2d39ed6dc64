package dev.apisec.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisec.core.TestProject;
import dev.apisec.core.engine.AnalysisResult;
import dev.apisec.core.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryWriterTest {

    @TempDir
    Path dir;

    private AnalysisResult scan() {
        TestProject project = new TestProject(dir.resolve("app"))
                .file("src/main/java/com/acme/OrderController.java", """
                        package com.acme;

                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        @RequestMapping("/orders")
                        class OrderController {
                            @GetMapping("/{id}")
                            String get(@PathVariable("id") long orderId) { return ""; }

                            @DeleteMapping("/{id}")
                            void delete(@PathVariable long id) { }

                            @GetMapping("/public|x")
                            String odd() { return ""; }
                        }
                        """)
                .file("src/main/java/com/acme/Security.java", """
                        package com.acme;

                        import org.springframework.context.annotation.Bean;
                        import org.springframework.http.HttpMethod;
                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.web.SecurityFilterChain;

                        class Security {
                            @Bean
                            SecurityFilterChain chain(HttpSecurity http) throws Exception {
                                return http.authorizeHttpRequests(a -> a
                                        .requestMatchers(HttpMethod.DELETE, "/orders/**").hasRole("ADMIN")
                                        .anyRequest().authenticated()).build();
                            }
                        }
                        """);
        return new Engine(List.of()).analyze(project.config());
    }

    @Test
    void jsonListsEveryEndpointWithAccessEvidenceAndParameters() throws Exception {
        AnalysisResult result = scan();
        JsonNode root = new ObjectMapper().readTree(new InventoryWriter().toJson(result));
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("tool").get("name").asText()).isEqualTo("apisec");
        JsonNode endpoints = root.get("endpoints");
        assertThat(endpoints).hasSize(3);

        // sorted by path, then method: "/orders/public|x" < "/orders/{id}"
        assertThat(endpoints.get(0).get("path").asText()).isEqualTo("/orders/public|x");
        JsonNode delete = endpoints.get(1);
        assertThat(delete.get("method").asText()).isEqualTo("DELETE");
        assertThat(delete.get("path").asText()).isEqualTo("/orders/{id}");
        assertThat(delete.get("framework").asText()).isEqualTo("SPRING_MVC");
        assertThat(delete.get("handler").asText()).isEqualTo("com.acme.OrderController#delete(long)");
        assertThat(delete.get("location").get("file").asText()).isEqualTo("src/main/java/com/acme/OrderController.java");
        assertThat(delete.get("location").get("line").asInt()).isEqualTo(11);
        JsonNode access = delete.get("access");
        assertThat(access.get("level").asText()).isEqualTo("RESTRICTED");
        assertThat(access.get("authorities").get(0).asText()).isEqualTo("ROLE_ADMIN");
        assertThat(access.get("evidence").get(0).get("description").asText())
                .isEqualTo("requestMatchers(HttpMethod.DELETE, \"/orders/**\").hasRole(\"ADMIN\")");
        assertThat(access.get("evidence").get(0).get("location").get("line").asInt()).isEqualTo(12);

        JsonNode get = endpoints.get(2);
        assertThat(get.get("access").get("summary").asText()).isEqualTo("AUTHENTICATED");
        JsonNode param = get.get("parameters").get(0);
        assertThat(param.get("name").asText()).isEqualTo("orderId");
        assertThat(param.get("source").asText()).isEqualTo("PATH");
        assertThat(param.get("boundName").asText()).isEqualTo("id");
        assertThat(param.get("type").asText()).isEqualTo("long");
        assertThat(get.get("returnType").asText()).isEqualTo("String");
    }

    @Test
    void markdownTableAndFilesAreDeterministic() throws Exception {
        AnalysisResult result = scan();
        InventoryWriter writer = new InventoryWriter();
        String md = writer.toMarkdown(result);
        assertThat(md).contains("| Method | Path | Access | Decided by | Handler |")
                .contains("| DELETE | `/orders/{id}` | RESTRICTED(ROLE_ADMIN) | requestMatchers(HttpMethod.DELETE, \"/orders/**\").hasRole(\"ADMIN\") (src/main/java/com/acme/Security.java:12:18) | com.acme.OrderController#delete(long) (src/main/java/com/acme/OrderController.java:11:5) |")
                .contains("| GET | `/orders/public\\|x` | AUTHENTICATED |");

        Path json = dir.resolve("out/apisec/endpoints.json");
        Path markdown = dir.resolve("out/apisec/endpoints.md");
        writer.write(result, json, markdown);
        byte[] first = Files.readAllBytes(json);
        writer.write(scan(), json, markdown);
        assertThat(Files.readAllBytes(json)).isEqualTo(first);
        assertThat(Files.readString(markdown)).isEqualTo(md);
        assertThat(Files.list(dir.resolve("out/apisec")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("endpoints.json", "endpoints.md");
    }
}
