package dev.apisec.core.web;

import dev.apisec.core.TestProject;
import dev.apisec.core.model.BindingSource;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.EndpointParameter;
import dev.apisec.core.model.Framework;
import dev.apisec.core.api.ProjectModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.apisec.core.TestProject.routes;
import static org.assertj.core.api.Assertions.assertThat;

class SpringEndpointModelTest {

    @TempDir
    Path dir;

    private static Endpoint route(ProjectModel model, String route) {
        return model.endpoints().stream().filter(e -> e.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError(route + " not in " + routes(model)));
    }

    private static Map<String, EndpointParameter> params(Endpoint e) {
        return e.parameters().stream().collect(Collectors.toMap(EndpointParameter::name, Function.identity()));
    }

    @Test
    void combinesClassAndMethodPathsMethodsAndMediaTypes() {
        ProjectModel model = new TestProject(dir).file("src/main/java/com/acme/OrderController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;
                import java.util.List;

                @RestController
                @RequestMapping(path = "/orders/", produces = "application/json")
                public class OrderController {
                    @GetMapping
                    public List<String> list() { return List.of(); }

                    @GetMapping({"/{id}", "by-id/{id}"})
                    public String get(@PathVariable("id") long orderId) { return ""; }

                    @RequestMapping(value = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH},
                                    consumes = "application/merge-patch+json")
                    public void update(@PathVariable long id, @RequestBody String body) { }

                    @RequestMapping("/search")
                    public List<String> search(@RequestParam String q) { return List.of(); }

                    @DeleteMapping(path = "/{id}")
                    public void delete(@PathVariable long id) { }

                    public void notAHandler() { }
                }
                """).model();

        assertThat(routes(model)).containsExactly(
                "* /orders/search",
                "DELETE /orders/{id}",
                "GET /orders",
                "GET /orders/by-id/{id}",
                "GET /orders/{id}",
                "PATCH /orders/{id}",
                "PUT /orders/{id}");
        Endpoint get = route(model, "GET /orders/{id}");
        assertThat(get.framework()).isEqualTo(Framework.SPRING_MVC);
        assertThat(get.controllerType()).isEqualTo("com.acme.OrderController");
        assertThat(get.handler().name()).isEqualTo("get");
        assertThat(get.produces()).containsExactly("application/json");
        assertThat(get.location().file()).isEqualTo("src/main/java/com/acme/OrderController.java");
        assertThat(get.location().startLine()).isEqualTo(12);
        EndpointParameter id = get.parameters().get(0);
        assertThat(id.source()).isEqualTo(BindingSource.PATH);
        assertThat(id.boundName()).isEqualTo("id");
        assertThat(id.name()).isEqualTo("orderId");

        Endpoint put = route(model, "PUT /orders/{id}");
        assertThat(put.consumes()).containsExactly("application/merge-patch+json");
        assertThat(put.produces()).containsExactly("application/json");
        assertThat(params(put).get("body").source()).isEqualTo(BindingSource.BODY);
        assertThat(route(model, "GET /orders").returnType().text()).isEqualTo("List<String>");
    }

    @Test
    void mappingsDeclaredOnGeneratedInterfacesAndAbstractSuperclasses() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/api/PetsApi.java", """
                        package com.acme.api;

                        import org.springframework.http.ResponseEntity;
                        import org.springframework.web.bind.annotation.*;

                        @RequestMapping("${openapi.base-path:/v1}")
                        public interface PetsApi {
                            @GetMapping(value = "/pets/{petId}", produces = { "application/json" })
                            default ResponseEntity<Pet> showPetById(@PathVariable("petId") String petId) {
                                return ResponseEntity.ok().build();
                            }

                            @PostMapping("/pets")
                            ResponseEntity<Void> createPets(@RequestBody Pet pet);
                        }
                        """)
                .file("src/main/java/com/acme/api/Pet.java", "package com.acme.api; public record Pet(String id) {}")
                .file("src/main/java/com/acme/web/PetsController.java", """
                        package com.acme.web;

                        import com.acme.api.Pet;
                        import com.acme.api.PetsApi;
                        import org.springframework.http.ResponseEntity;
                        import org.springframework.web.bind.annotation.RestController;

                        @RestController
                        public class PetsController implements PetsApi {
                            @Override
                            public ResponseEntity<Pet> showPetById(String id) {
                                return ResponseEntity.ok(new Pet(id));
                            }

                            @Override
                            public ResponseEntity<Void> createPets(Pet pet) {
                                return ResponseEntity.ok().build();
                            }
                        }
                        """)
                .file("src/main/java/com/acme/web/BaseCrud.java", """
                        package com.acme.web;

                        import org.springframework.web.bind.annotation.*;

                        public abstract class BaseCrud<T> {
                            @GetMapping("/{id}")
                            public String find(@PathVariable String id) { return id; }
                        }
                        """)
                .file("src/main/java/com/acme/web/TagController.java", """
                        package com.acme.web;

                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        @RequestMapping("/tags")
                        public class TagController extends BaseCrud<String> {
                        }
                        """)
                .model();

        // ${openapi.base-path:/v1} resolves to its default: application.properties does not set it
        assertThat(routes(model)).contains("GET /tags/{id}", "POST /v1/pets", "GET /v1/pets/{petId}");
        Endpoint show = route(model, "GET /v1/pets/{petId}");
        assertThat(show.controllerType()).isEqualTo("com.acme.web.PetsController");
        assertThat(show.handler().declaringType()).isEqualTo("com.acme.web.PetsController");
        assertThat(show.mappingSource().declaringType()).isEqualTo("com.acme.api.PetsApi");
        // parameter annotations come from the interface, the name from the implementation
        EndpointParameter id = show.parameters().get(0);
        assertThat(id.name()).isEqualTo("id");
        assertThat(id.source()).isEqualTo(BindingSource.PATH);
        assertThat(id.boundName()).isEqualTo("petId");
        assertThat(show.returnType().arguments().get(0).qualifiedName()).isEqualTo("com.acme.api.Pet");

        Endpoint create = route(model, "POST /v1/pets");
        assertThat(create.parameters().get(0).source()).isEqualTo(BindingSource.BODY);
        assertThat(create.parameters().get(0).type().qualifiedName()).isEqualTo("com.acme.api.Pet");

        Endpoint inherited = route(model, "GET /tags/{id}");
        assertThat(inherited.controllerType()).isEqualTo("com.acme.web.TagController");
        assertThat(inherited.handler().declaringType()).isEqualTo("com.acme.web.BaseCrud");
    }

    @Test
    void placeholdersInPathsResolveFromApplicationProperties() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/resources/application.properties", "api.prefix=/api/v2\n")
                .file("src/main/resources/application-dev.properties", "api.prefix=/dev\nother=/x\n")
                .file("src/main/java/com/acme/P.java", """
                        package com.acme;

                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        @RequestMapping("${api.prefix}")
                        class P {
                            @GetMapping("/a") String a() { return ""; }
                            @GetMapping("${other}/b") String b() { return ""; }
                            @GetMapping("${missing}/c") String c() { return ""; }
                        }
                        """)
                .model();
        assertThat(routes(model)).containsExactly("GET /api/v2/${missing}/c", "GET /api/v2/a", "GET /api/v2/x/b");
    }

    @Test
    void customStereotypesComposedMappingsAndAliasFor() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/ApiController.java", """
                        package com.acme.web;

                        import java.lang.annotation.*;
                        import org.springframework.web.bind.annotation.RequestMapping;
                        import org.springframework.web.bind.annotation.RestController;

                        @Target(ElementType.TYPE)
                        @Retention(RetentionPolicy.RUNTIME)
                        @RestController
                        @RequestMapping("/api")
                        public @interface ApiController {
                        }
                        """)
                .file("src/main/java/com/acme/web/JsonPost.java", """
                        package com.acme.web;

                        import java.lang.annotation.*;
                        import org.springframework.core.annotation.AliasFor;
                        import org.springframework.web.bind.annotation.PostMapping;

                        @Retention(RetentionPolicy.RUNTIME)
                        @PostMapping(consumes = "application/json")
                        public @interface JsonPost {
                            @AliasFor(annotation = PostMapping.class, attribute = "path")
                            String[] value() default {};
                        }
                        """)
                .file("src/main/java/com/acme/web/CurrentUser.java", """
                        package com.acme.web;

                        import org.springframework.security.core.annotation.AuthenticationPrincipal;

                        @AuthenticationPrincipal
                        public @interface CurrentUser {
                        }
                        """)
                .file("src/main/java/com/acme/web/InvoiceController.java", """
                        package com.acme.web;

                        import org.springframework.web.bind.annotation.*;

                        @ApiController
                        public class InvoiceController {
                            @JsonPost("/invoices")
                            public String create(@RequestBody String invoice, @CurrentUser Object me) { return ""; }
                        }
                        """)
                .model();

        assertThat(routes(model)).containsExactly("POST /api/invoices");
        Endpoint e = model.endpoints().get(0);
        assertThat(e.consumes()).containsExactly("application/json");
        assertThat(e.parameters().get(1).source()).isEqualTo(BindingSource.PRINCIPAL);
    }

    @Test
    void resolvesPathConstantsAcrossClassesAndConcatenation() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/ApiPaths.java", """
                        package com.acme;

                        public final class ApiPaths {
                            public static final String API = "/api";
                            public static final String V1 = API + "/v1";
                            public static final String USERS = V1 + "/users";
                            private ApiPaths() { }
                        }
                        """)
                .file("src/main/java/com/acme/Routes.java", """
                        package com.acme;

                        public interface Routes {
                            String BY_ID = "/{" + Params.ID + "}";
                            interface Params { String ID = "userId"; }
                        }
                        """)
                .file("src/main/java/com/acme/web/UserController.java", """
                        package com.acme.web;

                        import static com.acme.ApiPaths.USERS;
                        import com.acme.ApiPaths;
                        import com.acme.Routes;
                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        @RequestMapping(USERS)
                        public class UserController {
                            private static final String ME = "/me";

                            @GetMapping(Routes.BY_ID)
                            public String get(@PathVariable String userId) { return userId; }

                            @GetMapping(ME)
                            public String me() { return ""; }

                            @PostMapping(ApiPaths.API + "/legacy")
                            public String legacy() { return ""; }

                            @GetMapping(SomewhereElse.UNKNOWN)
                            public String unknown() { return ""; }
                        }
                        """)
                .model();

        assertThat(routes(model)).containsExactly(
                "GET /api/v1/users/me",
                "GET /api/v1/users/{?}",
                "GET /api/v1/users/{userId}",
                "POST /api/v1/users/api/legacy");
    }

    @Test
    void bindsHandlerParametersToTheirSources() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/Kind.java", "package com.acme; public enum Kind { A, B }")
                .file("src/main/java/com/acme/Filter.java", "package com.acme; public class Filter { String name; }")
                .file("src/main/java/com/acme/BindController.java", """
                        package com.acme;

                        import java.security.Principal;
                        import java.util.List;
                        import java.util.UUID;
                        import jakarta.servlet.http.HttpServletRequest;
                        import org.springframework.security.core.Authentication;
                        import org.springframework.ui.Model;
                        import org.springframework.web.bind.annotation.*;

                        @Controller
                        class BindController {
                            @PostMapping("/bind/{id}")
                            String all(@PathVariable UUID id, @RequestParam(name = "page") int p, @RequestHeader("X-Trace") String trace,
                                       @CookieValue("sid") String sid, @ModelAttribute Filter filter, Filter implicitFilter,
                                       String implicitQuery, Kind kind, List<Long> ids, Principal principal,
                                       Authentication auth, HttpServletRequest request, Model model) {
                                return "view";
                            }
                        }
                        """)
                .model();

        Map<String, EndpointParameter> p = params(model.endpoints().get(0));
        assertThat(p.get("id").source()).isEqualTo(BindingSource.PATH);
        assertThat(p.get("p").source()).isEqualTo(BindingSource.QUERY);
        assertThat(p.get("p").boundName()).isEqualTo("page");
        assertThat(p.get("trace").source()).isEqualTo(BindingSource.HEADER);
        assertThat(p.get("trace").boundName()).isEqualTo("X-Trace");
        assertThat(p.get("sid").source()).isEqualTo(BindingSource.COOKIE);
        assertThat(p.get("filter").source()).isEqualTo(BindingSource.MODEL_ATTRIBUTE);
        assertThat(p.get("implicitFilter").source()).isEqualTo(BindingSource.MODEL_ATTRIBUTE);
        assertThat(p.get("implicitQuery").source()).isEqualTo(BindingSource.QUERY);
        assertThat(p.get("kind").source()).isEqualTo(BindingSource.QUERY);
        assertThat(p.get("ids").source()).isEqualTo(BindingSource.QUERY);
        assertThat(p.get("principal").source()).isEqualTo(BindingSource.PRINCIPAL);
        assertThat(p.get("auth").source()).isEqualTo(BindingSource.PRINCIPAL);
        assertThat(p.get("request").source()).isEqualTo(BindingSource.REQUEST);
        assertThat(p.get("model").source()).isEqualTo(BindingSource.OTHER);
    }

    @Test
    void classesWithoutControllerStereotypeAreNotEndpoints() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/Client.java", """
                        package com.acme;

                        import org.springframework.web.bind.annotation.*;

                        // a declarative HTTP client interface, or a plain class: not served by this app
                        @RequestMapping("/remote")
                        public interface Client {
                            @GetMapping("/x") String x();
                        }
                        """)
                .file("src/main/java/com/acme/Plain.java", """
                        package com.acme;

                        import org.springframework.web.bind.annotation.*;

                        public class Plain {
                            @GetMapping("/y") public String y() { return ""; }
                        }
                        """)
                .model();
        assertThat(model.endpoints()).isEmpty();
    }

    @Test
    void webfluxAnnotatedControllersUseTheSameModel() {
        ProjectModel model = new TestProject(dir).file("src/main/java/com/acme/ReactiveController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;
                import reactor.core.publisher.Flux;
                import reactor.core.publisher.Mono;

                @RestController
                @RequestMapping("/reactive")
                record ReactiveController(String name) {
                }

                @RestController
                @RequestMapping("/stream")
                class StreamController {
                    @GetMapping(value = "/{id}", produces = "text/event-stream")
                    Flux<String> stream(@PathVariable String id) { return Flux.empty(); }

                    @PostMapping
                    Mono<String> post(@RequestBody Mono<String> body) {
                        return switch (body.hashCode()) { case 1 -> Mono.empty(); default -> body; };
                    }
                }
                """).model();
        assertThat(routes(model)).containsExactly("GET /stream/{id}", "POST /stream");
        assertThat(route(model, "GET /stream/{id}").returnType().qualifiedName()).isEqualTo("reactor.core.publisher.Flux");
        assertThat(route(model, "GET /stream/{id}").produces()).containsExactly("text/event-stream");
        assertThat(route(model, "POST /stream").returnType().qualifiedName()).isEqualTo("reactor.core.publisher.Mono");
    }
}
