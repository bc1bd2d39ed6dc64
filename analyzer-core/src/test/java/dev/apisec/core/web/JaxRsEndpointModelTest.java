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
import java.util.List;

import static dev.apisec.core.TestProject.routes;
import static org.assertj.core.api.Assertions.assertThat;

class JaxRsEndpointModelTest {

    @TempDir
    Path dir;

    private static Endpoint route(ProjectModel model, String route) {
        return model.endpoints().stream().filter(e -> e.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError(route + " not in " + routes(model)));
    }

    @Test
    void resourcesWithApplicationPathParamsAndMediaTypes() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/RestApp.java", """
                        package com.acme;

                        import jakarta.ws.rs.ApplicationPath;
                        import jakarta.ws.rs.core.Application;

                        @ApplicationPath("/rest")
                        public class RestApp extends Application { }
                        """)
                .file("src/main/java/com/acme/ItemResource.java", """
                        package com.acme;

                        import jakarta.ws.rs.*;
                        import jakarta.ws.rs.core.*;

                        @Path("items")
                        @Produces(MediaType.APPLICATION_JSON)
                        public class ItemResource {
                            @GET
                            public String list(@QueryParam("q") String query, @DefaultValue("10") @QueryParam("size") int size) { return ""; }

                            @GET
                            @Path("{id}")
                            public String get(@PathParam("id") long itemId, @Context SecurityContext security,
                                              @HeaderParam("X-Tenant") String tenant) { return ""; }

                            @POST
                            @Consumes({"application/json", "application/xml"})
                            public Response create(Item item) { return Response.ok(item).build(); }

                            @DELETE
                            @Path("/{id}/")
                            public void delete(@PathParam("id") long id) { }

                            public String helper() { return ""; }
                        }
                        """)
                .file("src/main/java/com/acme/Item.java", "package com.acme; public class Item { public String name; }")
                .model();

        assertThat(routes(model)).containsExactly("DELETE /rest/items/{id}", "GET /rest/items",
                "GET /rest/items/{id}", "POST /rest/items");
        Endpoint get = route(model, "GET /rest/items/{id}");
        assertThat(get.framework()).isEqualTo(Framework.JAX_RS);
        assertThat(get.produces()).containsExactly("application/json");
        List<EndpointParameter> p = get.parameters();
        assertThat(p.get(0).source()).isEqualTo(BindingSource.PATH);
        assertThat(p.get(0).boundName()).isEqualTo("id");
        assertThat(p.get(1).source()).isEqualTo(BindingSource.SECURITY_CONTEXT);
        assertThat(p.get(2).source()).isEqualTo(BindingSource.HEADER);
        Endpoint create = route(model, "POST /rest/items");
        assertThat(create.consumes()).containsExactly("application/json", "application/xml");
        assertThat(create.parameters().get(0).source()).isEqualTo(BindingSource.BODY);
        assertThat(create.parameters().get(0).type().qualifiedName()).isEqualTo("com.acme.Item");
        assertThat(route(model, "GET /rest/items").parameters()).extracting(EndpointParameter::source)
                .containsExactly(BindingSource.QUERY, BindingSource.QUERY);
    }

    @Test
    void annotationsOnInterfacesLocatorsAndCustomHttpMethods() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/org/acme/api/PATCH.java", """
                        package org.acme.api;

                        import java.lang.annotation.*;
                        import javax.ws.rs.HttpMethod;

                        @Target(ElementType.METHOD)
                        @Retention(RetentionPolicy.RUNTIME)
                        @HttpMethod("PATCH")
                        public @interface PATCH { }
                        """)
                .file("src/main/java/org/acme/api/UserService.java", """
                        package org.acme.api;

                        import javax.ws.rs.*;

                        @Path("/users")
                        public interface UserService {
                            @GET
                            @Path("/{key}")
                            String read(@PathParam("key") String key);

                            @PATCH
                            @Path("/{key}")
                            void patch(@PathParam("key") String key, String patch);

                            @Path("/{key}/settings")
                            SettingsResource settings(@PathParam("key") String key);
                        }
                        """)
                .file("src/main/java/org/acme/api/SettingsResource.java", """
                        package org.acme.api;

                        import javax.ws.rs.*;

                        public class SettingsResource {
                            @GET
                            public String all() { return ""; }

                            @PUT
                            @Path("{name}")
                            public void put(@PathParam("name") String name, String value) { }
                        }
                        """)
                .file("src/main/java/org/acme/impl/UserServiceImpl.java", """
                        package org.acme.impl;

                        import org.acme.api.SettingsResource;
                        import org.acme.api.UserService;

                        public class UserServiceImpl implements UserService {
                            @Override
                            public String read(final String key) { return key; }

                            @Override
                            public void patch(final String key, final String patch) { }

                            @Override
                            public SettingsResource settings(final String key) { return new SettingsResource(); }
                        }
                        """)
                .model();

        assertThat(routes(model)).containsExactly("GET /users/{key}", "GET /users/{key}/settings",
                "PATCH /users/{key}", "PUT /users/{key}/settings/{name}");
        Endpoint read = route(model, "GET /users/{key}");
        assertThat(read.controllerType()).isEqualTo("org.acme.impl.UserServiceImpl");
        assertThat(read.handler().declaringType()).isEqualTo("org.acme.impl.UserServiceImpl");
        assertThat(read.mappingSource().declaringType()).isEqualTo("org.acme.api.UserService");
        assertThat(read.parameters().get(0).source()).isEqualTo(BindingSource.PATH);
        Endpoint patch = route(model, "PATCH /users/{key}");
        assertThat(patch.parameters().get(1).source()).isEqualTo(BindingSource.BODY);
        assertThat(route(model, "PUT /users/{key}/settings/{name}").controllerType())
                .isEqualTo("org.acme.api.SettingsResource");
    }

    @Test
    void interfaceWithoutImplementationIsAClientNotAnEndpoint() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/RemoteApi.java", """
                        package com.acme;

                        import jakarta.ws.rs.*;

                        @Path("/remote")
                        public interface RemoteApi {
                            @GET String get();
                        }
                        """)
                .model();
        assertThat(model.endpoints()).isEmpty();
    }

    @Test
    void recursiveLocatorsStop() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/Node.java", """
                        package com.acme;

                        import jakarta.ws.rs.*;

                        @Path("/node")
                        public class Node {
                            @GET public String get() { return ""; }
                            @Path("child") public Node child() { return this; }
                        }
                        """)
                .model();
        assertThat(routes(model)).containsExactly("GET /node");
    }
}
