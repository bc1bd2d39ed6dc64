package dev.apisec.rules.data;

import dev.apisec.core.api.Finding;
import dev.apisec.core.model.Severity;
import dev.apisec.fixtures.ExpectationMarker;
import dev.apisec.fixtures.Fixtures;
import dev.apisec.fixtures.MarkerHarness;
import dev.apisec.fixtures.MarkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MassAssignmentTest {

    private static final String ID = "mass-assignment";

    @TempDir
    Path dir;

    private static final String MEMBER = """
            package com.acme;
            import com.fasterxml.jackson.annotation.JsonProperty;
            import jakarta.persistence.*;
            @Entity
            public class Member {
                @Id private Long id;
                private String name;
                private String role;
                @JsonProperty(access = JsonProperty.Access.READ_ONLY) private boolean admin;
                public void setName(String n) { name = n; }
                public void setRole(String r) { role = r; }
                public void setAdmin(boolean a) { admin = a; }
            }
            """;

    private List<Finding> scan(String controller, String... more) {
        DataScan scan = new DataScan(dir).java("Member", MEMBER).java("Api", controller);
        for (int i = 0; i + 1 < more.length; i += 2) {
            scan.java(more[i], more[i + 1]);
        }
        return scan.findings(new MassAssignment());
    }

    @Test
    void dataFixturesAgreeWithTheirMarkers() {
        MarkerReport report = MarkerHarness.scan(Fixtures.source("com.example.data"), List.of(new MassAssignment()));
        report.assertClean();
        List<ExpectationMarker> expected = report.markers().stream()
                .filter(m -> m.kind() == ExpectationMarker.Kind.RULEID && m.ruleIds().contains(ID)).toList();
        assertThat(expected).hasSize(6);
        List<Finding> findings = report.result().findings();
        assertThat(findings).hasSize(6);
        assertThat(findings).extracting(Finding::severity).containsOnly(Severity.CRITICAL, Severity.MEDIUM);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("wholesale onto the persistent type"));
    }

    @Test
    void requestBodyEntityWithWritablePrivilegeFieldIsCritical() {
        List<Finding> findings = scan("""
                package com.acme;
                import org.springframework.web.bind.annotation.*;
                @RestController
                class Api {
                    @PostMapping("/members")
                    void create(@RequestBody Member member) { }
                }
                """);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.location().startLine()).isEqualTo(5);
        // admin is READ_ONLY: not named
        assertThat(f.message()).isEqualTo("POST /members binds the request body to the persistent type Member "
                + "(@Entity) through parameter 'member': a client can set the privilege or ownership fields role by "
                + "adding them to the request; bind a request DTO with only the editable fields and copy them "
                + "explicitly");
    }

    @Test
    void pathAndQueryConversionDtosAndInitBinderAreSilent() {
        List<Finding> findings = scan("""
                package com.acme;
                import org.springframework.stereotype.Controller;
                import org.springframework.web.bind.WebDataBinder;
                import org.springframework.web.bind.annotation.*;
                @Controller
                class Api {
                    @GetMapping("/members/{id}")
                    String show(@PathVariable("id") Member member) { return "member"; }

                    @GetMapping("/members")
                    String byParam(@RequestParam("id") Member member) { return "member"; }

                    @PostMapping("/members/{id}")
                    String edit(@ModelAttribute Member member) { return "redirect:/"; }

                    @PostMapping(path = "/forms", consumes = "application/json")
                    @ResponseBody
                    String dto(@RequestBody MemberForm form) { return "ok"; }
                }
                """, "MemberForm", "package com.acme; public record MemberForm(String name) { }",
                "Binding", """
                package com.acme;
                import org.springframework.web.bind.WebDataBinder;
                import org.springframework.web.bind.annotation.*;
                @ControllerAdvice
                class Binding {
                    @InitBinder
                    void allow(WebDataBinder binder) { binder.setAllowedFields("name"); }
                }
                """);
        assertThat(findings).isEmpty();
    }

    @Test
    void initBinderForAnotherAttributeOrPackageDoesNotCover() {
        List<Finding> findings = scan("""
                package com.acme;
                import org.springframework.stereotype.Controller;
                import org.springframework.web.bind.WebDataBinder;
                import org.springframework.web.bind.annotation.*;
                @Controller
                class Api {
                    @InitBinder("other")
                    void allow(WebDataBinder binder) { binder.setAllowedFields("name"); }

                    @PostMapping("/members")
                    String save(Member member) { return "redirect:/"; }
                }
                """, "Binding", """
                package com.acme;
                import org.springframework.web.bind.WebDataBinder;
                import org.springframework.web.bind.annotation.*;
                @ControllerAdvice(basePackages = "com.elsewhere")
                class Binding {
                    @InitBinder
                    void allow(WebDataBinder binder) { binder.setAllowedFields("name"); }
                }
                """);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message()).contains("the request parameters (implicit model attribute)");
    }

    @Test
    void jaxRsEntityParameterAndModelMapperCopy() {
        List<Finding> findings = scan("""
                package com.acme;
                import jakarta.ws.rs.*;
                import org.modelmapper.ModelMapper;
                @Path("/members")
                public class Api {
                    private final ModelMapper mapper = new ModelMapper();

                    @POST
                    public void create(Member member) { }

                    @PUT
                    public void update(MemberForm form) {
                        Member m = mapper.map(form, Member.class);
                    }

                    @GET
                    public String find(@QueryParam("id") Member member) { return ""; }
                }
                """, "MemberForm", "package com.acme; public class MemberForm { String name; String role; }");
        assertThat(findings).extracting(Finding::endpoint, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST /members", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("PUT /members", Severity.MEDIUM));
        assertThat(findings.get(1).message()).contains("with mapper.map(form, Member.class) (Api.java:13)")
                .contains("the request type carries the privilege fields role");
    }
}
