package dev.apisec.rules.config;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.InlineProject;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnrestrictedRequestMappingTest {

    private static final String ID = "unrestricted-request-mapping";

    @TempDir
    Path dir;

    @Test
    void fixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.securityconfig"),
                List.of(new UnrestrictedRequestMapping()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(3);
        assertThat(report.result().findings()).hasSameSizeAs(expected)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void sampleAppsMapEveryHandlerToAMethod() {
        MarkerReport apps = MarkerHarness.scan(List.of(Fixtures.source("com.example.shop"),
                Fixtures.source("com.example.inventory"), Fixtures.source("com.example.cors")),
                List.of(new UnrestrictedRequestMapping()));
        assertThat(apps.result().findings()).isEmpty();
    }

    private List<Finding> scan(String path, String source) throws IOException {
        return new InlineProject(dir).java(path, source).findings(new UnrestrictedRequestMapping());
    }

    @Test
    void oneFindingPerHandlerAtItsRequestMappingLine() throws IOException {
        List<Finding> findings = scan("OrderController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/orders")
                class OrderController {
                    @ResponseBody
                    @RequestMapping({"/{id}/cancel", "/{id}/abort"})
                    String cancel(@PathVariable long id) { return ""; }

                    @RequestMapping(value = "/{id}", method = RequestMethod.DELETE)
                    void delete(@PathVariable long id) { }

                    @RequestMapping(value = "/{id}", method = {})
                    void odd(@PathVariable long id) { }

                    @GetMapping
                    String list() { return ""; }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ID);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            // the @RequestMapping line, not the handler's first annotation (@ResponseBody, line 8)
            assertThat(f.location().startLine()).isEqualTo(9);
            assertThat(f.endpoint()).isEqualTo("* /orders/{id}/abort");
            assertThat(f.message()).isEqualTo("OrderController.cancel(long) is mapped with @RequestMapping without "
                    + "a method, so each of /orders/{id}/abort, /orders/{id}/cancel answers every HTTP method, GET "
                    + "included: a cross-site link or image can trigger it, and CSRF protection does not check GET "
                    + "requests; use @GetMapping, @PostMapping, ... or set method");
        });
    }

    @Test
    void interfaceMappingSharedByTwoControllersIsOneFindingOnTheInterface() throws IOException {
        scan("TransferApi.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                public interface TransferApi {
                    @RequestMapping("/transfers")
                    String transfer(@RequestParam("to") String to);
                }
                """);
        scan("RetailTransfers.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/retail")
                class RetailTransfers implements TransferApi {
                    public String transfer(String to) { return to; }
                }
                """);
        List<Finding> findings = scan("BusinessTransfers.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/business")
                class BusinessTransfers implements TransferApi {
                    public String transfer(String to) { return to; }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("src/main/java/com/acme/TransferApi.java");
            assertThat(f.location().startLine()).isEqualTo(6);
            assertThat(f.message()).startsWith("BusinessTransfers.transfer(String), RetailTransfers.transfer(String) "
                    + "(mapping declared on TransferApi.transfer(String)) is mapped with @RequestMapping without a "
                    + "method, so each of /business/transfers, /retail/transfers answers every HTTP method");
        });
    }

    @Test
    void composedAnnotationsAndJaxRsAreNotReported() throws IOException {
        scan("PostJson.java", """
                package com.acme;

                import java.lang.annotation.*;
                import org.springframework.web.bind.annotation.*;

                @Retention(RetentionPolicy.RUNTIME)
                @Target(ElementType.METHOD)
                @RequestMapping(method = RequestMethod.POST, consumes = "application/json")
                @interface PostJson {
                    @org.springframework.core.annotation.AliasFor(annotation = RequestMapping.class, attribute = "path")
                    String[] value() default {};
                }
                """);
        scan("Resource.java", """
                package com.acme;

                import jakarta.ws.rs.*;

                @Path("/things")
                public class Resource {
                    @POST
                    public String create() { return ""; }
                }
                """);
        List<Finding> findings = scan("JsonController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class JsonController {
                    @PostJson("/json")
                    String post() { return ""; }
                }
                """);
        assertThat(findings).isEmpty();
    }
}
