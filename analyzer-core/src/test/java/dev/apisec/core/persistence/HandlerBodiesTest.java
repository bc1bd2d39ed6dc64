package dev.apisec.core.persistence;

import dev.apisec.core.TestProject;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.TypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerBodiesTest {

    @TempDir
    Path dir;

    private static final String USER = """
            package com.acme;
            import jakarta.persistence.Entity;
            @Entity public class User { private String role; public void setRole(String r) { role = r; } }
            """;
    private static final String REPO = """
            package com.acme;
            import java.util.Optional;
            import org.springframework.data.repository.CrudRepository;
            public interface UserRepository extends CrudRepository<User, Long> {
                Optional<User> findByName(String name);
            }
            """;

    private ProjectModel model(String controller, String... more) {
        TestProject project = new TestProject(dir);
        project.file("src/main/java/com/acme/User.java", USER);
        project.file("src/main/java/com/acme/UserRepository.java", REPO);
        project.file("src/main/java/com/acme/Api.java", controller);
        for (int i = 0; i + 1 < more.length; i += 2) {
            project.file("src/main/java/com/acme/" + more[i] + ".java", more[i + 1]);
        }
        return project.model();
    }

    private static MethodInfo method(ProjectModel m, String type, String name) {
        TypeInfo t = m.types().type("com.acme." + type).orElseThrow();
        return t.methods().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> returned(ProjectModel m, String name) {
        HandlerBodies bodies = new HandlerBodies(m.types(), m.persistence());
        return bodies.returnedValues(method(m, "Api", name)).stream()
                .map(v -> v.type().qualifiedName() + " " + v.expression()).toList();
    }

    @Test
    void returnedBodiesThroughBuildersLocalsAndRepositories() {
        ProjectModel m = model("""
                package com.acme;
                import java.util.function.Supplier;
                import org.springframework.http.*;
                import jakarta.ws.rs.core.Response;
                class Api {
                    private final UserRepository users;
                    Api(UserRepository users) { this.users = users; }
                    ResponseEntity<?> ok(long id) {
                        User u = users.findById(id).orElseThrow();
                        return ResponseEntity.ok(u);
                    }
                    Object inferred(String name) {
                        var found = users.findByName(name).orElseThrow();
                        return found;
                    }
                    Response jaxrs(long id) {
                        return Response.status(201).entity(users.findById(id).get()).header("X", "y").build();
                    }
                    ResponseEntity<Object> created(User body) {
                        return new ResponseEntity<>(users.save(body), HttpStatus.CREATED);
                    }
                    Object lambdaOnly() {
                        Supplier<Object> s = () -> { return new User(); };
                        return "ok";
                    }
                    Object helper(long id) {
                        return load(id);
                    }
                    private User load(long id) { return users.findById(id).orElse(null); }
                }
                """);
        assertThat(returned(m, "ok")).containsExactly("com.acme.User u");
        assertThat(returned(m, "inferred")).containsExactly("com.acme.User found");
        assertThat(returned(m, "jaxrs")).containsExactly("com.acme.User users.findById(id).get()");
        assertThat(returned(m, "created")).containsExactly("com.acme.User users.save(body)");
        assertThat(returned(m, "lambdaOnly")).isEmpty();
        assertThat(returned(m, "helper")).containsExactly("com.acme.User load(id)");
    }

    @Test
    void propertyCopiesInTheHandlerAndInCalledServices() {
        ProjectModel m = model("""
                package com.acme;
                import org.springframework.beans.BeanUtils;
                import org.modelmapper.ModelMapper;
                class Api {
                    private final UserRepository users;
                    private final UserService service;
                    private final ModelMapper mapper = new ModelMapper();
                    Api(UserRepository users, UserService service) { this.users = users; this.service = service; }
                    void copy(long id, Form form) {
                        User u = users.findById(id).orElseThrow();
                        BeanUtils.copyProperties(form, u);
                    }
                    void restricted(long id, Form form) {
                        User u = users.findById(id).orElseThrow();
                        BeanUtils.copyProperties(form, u, "role");
                    }
                    void reversed(long id, Form form) {
                        User u = users.findById(id).orElseThrow();
                        BeanUtils.copyProperties(u, form);
                    }
                    void mapped(Form form) {
                        users.save(mapper.map(form, User.class));
                    }
                    void delegated(Form form) {
                        service.apply(form);
                    }
                }
                """, "Form", "package com.acme; public class Form { String role; }", "UserService", """
                package com.acme;
                import org.springframework.beans.BeanUtils;
                public class UserService {
                    void apply(Form f) {
                        User target = new User();
                        BeanUtils.copyProperties(f, target);
                    }
                }
                """);
        HandlerBodies bodies = new HandlerBodies(m.types(), m.persistence());
        assertThat(bodies.propertyCopies(method(m, "Api", "copy"), 1))
                .extracting(HandlerBodies.PropertyCopy::call, HandlerBodies.PropertyCopy::targetType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BeanUtils.copyProperties(form, u)", "com.acme.User"));
        assertThat(bodies.propertyCopies(method(m, "Api", "restricted"), 1)).isEmpty();
        assertThat(bodies.propertyCopies(method(m, "Api", "reversed"), 1)).isEmpty();
        assertThat(bodies.propertyCopies(method(m, "Api", "mapped"), 0))
                .extracting(HandlerBodies.PropertyCopy::call).containsExactly("mapper.map(form, User.class)");
        assertThat(bodies.propertyCopies(method(m, "Api", "delegated"), 0))
                .extracting(c -> c.location().file() + " " + c.call())
                .containsExactly("src/main/java/com/acme/UserService.java BeanUtils.copyProperties(f, target)");
    }
}
