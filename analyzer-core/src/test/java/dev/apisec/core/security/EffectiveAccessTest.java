package dev.apisec.core.security;

import dev.apisec.core.TestProject;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.api.ProjectModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveAccessTest {

    @TempDir
    Path dir;

    private static Map<String, String> access(ProjectModel model) {
        Map<String, String> out = new TreeMap<>();
        for (Endpoint e : model.endpoints()) {
            out.put(e.route(), model.access(e).summary());
        }
        return out;
    }

    private static final String ADMIN_CONTROLLER = """
            package com.acme.web;

            import org.springframework.web.bind.annotation.*;

            @RestController
            class AppController {
                @GetMapping("/public/info") String info() { return ""; }
                @GetMapping("/api/orders/{id}") String order(@PathVariable long id) { return ""; }
                @DeleteMapping("/api/orders/{id}") void delete(@PathVariable long id) { }
                @GetMapping("/api/admin/users") String users() { return ""; }
                @PostMapping("/api/reports") String report() { return ""; }
                @GetMapping("/other") String other() { return ""; }
            }
            """;

    @Test
    void lambdaDslFirstMatchWinsWithMethodsConstantsAndUnmatchedDenied() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/AppController.java", ADMIN_CONTROLLER)
                .file("src/main/java/com/acme/config/Paths.java", """
                        package com.acme.config;
                        public interface Paths {
                            String[] PUBLIC = { "/public/**", "/login" };
                            String ADMIN = "/api/admin/**";
                        }
                        """)
                .file("src/main/java/com/acme/config/SecurityConfig.java", """
                        package com.acme.config;

                        import org.springframework.context.annotation.Bean;
                        import org.springframework.http.HttpMethod;
                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.web.SecurityFilterChain;

                        class SecurityConfig {
                            @Bean
                            SecurityFilterChain api(HttpSecurity http) throws Exception {
                                http.authorizeHttpRequests(auth -> auth
                                        .requestMatchers(Paths.PUBLIC).permitAll()
                                        .requestMatchers(Paths.ADMIN).hasRole("ADMIN")
                                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasAnyAuthority("orders:delete", "ROLE_OPS")
                                        .requestMatchers("/api/**").authenticated());
                                return http.build();
                            }
                        }
                        """)
                .model();
        assertThat(access(model)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "GET /public/info", "PUBLIC",
                "GET /api/orders/{id}", "AUTHENTICATED",
                "DELETE /api/orders/{id}", "RESTRICTED(ROLE_OPS, orders:delete)",
                "GET /api/admin/users", "RESTRICTED(ROLE_ADMIN)",
                "POST /api/reports", "AUTHENTICATED",
                "GET /other", "DENIED")));
        SecurityModel security = model.security();
        assertThat(security.chains()).hasSize(1);
        assertThat(security.chains().get(0).rules()).hasSize(4);
        Endpoint admin = model.endpoints().stream().filter(e -> e.route().equals("GET /api/admin/users")).findFirst().orElseThrow();
        Evidence evidence = model.access(admin).evidence().get(0);
        assertThat(evidence.description()).isEqualTo("requestMatchers(Paths.ADMIN).hasRole(\"ADMIN\")");
        assertThat(evidence.location().file()).isEqualTo("src/main/java/com/acme/config/SecurityConfig.java");
        assertThat(evidence.location().startLine()).isEqualTo(13);
    }

    @Test
    void legacyAdapterLetsUnmatchedRequestsThroughAndReadsCsrfAndSessions() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/AppController.java", ADMIN_CONTROLLER)
                .file("src/main/java/com/acme/config/LegacyConfig.java", """
                        package com.acme.config;

                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

                        public class LegacyConfig extends WebSecurityConfigurerAdapter {
                            @Override
                            protected void configure(HttpSecurity http) throws Exception {
                                http.csrf().disable()
                                    .authorizeRequests()
                                    .antMatchers("/api/admin/**").hasRole("ADMIN")
                                    .antMatchers("/api/**").authenticated()
                                    .and().formLogin();
                            }
                        }
                        """)
                .model();
        assertThat(access(model)).containsEntry("GET /api/admin/users", "RESTRICTED(ROLE_ADMIN)")
                .containsEntry("GET /api/orders/{id}", "AUTHENTICATED")
                .containsEntry("GET /other", "PUBLIC")
                .containsEntry("GET /public/info", "PUBLIC");
        SecurityChain chain = model.security().chains().get(0);
        assertThat(chain.legacyDsl()).isTrue();
        assertThat(chain.order()).isEqualTo(100);
        assertThat(chain.csrfDisabled()).isNotNull();
        assertThat(chain.csrfDisabled().startLine()).isEqualTo(9);
        assertThat(chain.sessionLogins()).isTrue();
        assertThat(chain.stateless()).isFalse();
    }

    @Test
    void severalChainsScopedBySecurityMatcherAndOrderedAndIgnoring() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/AppController.java", ADMIN_CONTROLLER)
                .file("src/main/java/com/acme/config/Chains.java", """
                        package com.acme.config;

                        import org.springframework.context.annotation.Bean;
                        import org.springframework.core.annotation.Order;
                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
                        import org.springframework.security.config.http.SessionCreationPolicy;
                        import org.springframework.security.web.SecurityFilterChain;

                        class Chains {
                            @Bean
                            @Order(2)
                            SecurityFilterChain web(HttpSecurity http) throws Exception {
                                return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                            }

                            @Bean
                            @Order(1)
                            SecurityFilterChain api(HttpSecurity http) throws Exception {
                                return http.securityMatcher("/api/**")
                                        .csrf(c -> c.disable())
                                        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                                        .oauth2ResourceServer(o -> o.jwt(j -> {}))
                                        .authorizeHttpRequests(a -> a
                                                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                                                .anyRequest().authenticated())
                                        .build();
                            }

                            @Bean
                            WebSecurityCustomizer ignore() {
                                return web -> web.ignoring().requestMatchers("/public/**");
                            }
                        }
                        """)
                .model();
        assertThat(access(model)).containsEntry("GET /api/admin/users", "RESTRICTED(ROLE_ADMIN)")
                .containsEntry("GET /api/orders/{id}", "AUTHENTICATED")
                .containsEntry("GET /other", "PUBLIC")
                .containsEntry("GET /public/info", "PUBLIC");
        assertThat(model.security().chains()).extracting(SecurityChain::name)
                .containsExactly("com.acme.config.Chains#api", "com.acme.config.Chains#web");
        SecurityChain api = model.security().chains().get(0);
        assertThat(api.scope()).hasSize(1);
        assertThat(api.stateless()).isTrue();
        assertThat(api.bearerTokens()).isTrue();
        assertThat(api.csrfDisabled()).isNotNull();
        Endpoint info = model.endpoints().stream().filter(e -> e.path().equals("/public/info")).findFirst().orElseThrow();
        assertThat(model.access(info).evidence().get(0).description()).startsWith("ignored by Spring Security");
    }

    @Test
    void methodSecurityOnClassInterfaceAndMetaAnnotationOnlyWhenEnabled() {
        TestProject project = new TestProject(dir)
                .file("src/main/java/com/acme/web/IsAdmin.java", """
                        package com.acme.web;

                        import java.lang.annotation.*;
                        import org.springframework.security.access.prepost.PreAuthorize;

                        @Retention(RetentionPolicy.RUNTIME)
                        @PreAuthorize("hasRole('ADMIN')")
                        public @interface IsAdmin { }
                        """)
                .file("src/main/java/com/acme/web/ReportsApi.java", """
                        package com.acme.web;

                        import org.springframework.security.access.prepost.PreAuthorize;
                        import org.springframework.web.bind.annotation.*;

                        public interface ReportsApi {
                            @PreAuthorize("hasAuthority('reports:read')")
                            @GetMapping("/reports")
                            String reports();
                        }
                        """)
                .file("src/main/java/com/acme/web/ReportsController.java", """
                        package com.acme.web;

                        import jakarta.annotation.security.PermitAll;
                        import org.springframework.security.access.annotation.Secured;
                        import org.springframework.security.access.prepost.PreAuthorize;
                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        @PreAuthorize("isAuthenticated()")
                        class ReportsController implements ReportsApi {
                            public String reports() { return ""; }

                            @IsAdmin
                            @DeleteMapping("/reports/{id}") void delete(@PathVariable long id) { }

                            @GetMapping("/reports/summary") String summary() { return ""; }

                            @Secured("ROLE_AUDITOR")
                            @GetMapping("/reports/audit") String audit() { return ""; }

                            @PreAuthorize("#id == authentication.principal.id")
                            @GetMapping("/reports/{id}") String one(@PathVariable long id) { return ""; }
                        }
                        """)
                .file("src/main/java/com/acme/config/Security.java", """
                        package com.acme.config;

                        import org.springframework.context.annotation.Bean;
                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.web.SecurityFilterChain;

                        class Security {
                            @Bean
                            SecurityFilterChain chain(HttpSecurity http) throws Exception {
                                return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                            }
                        }
                        """);
        // no @EnableMethodSecurity: the annotations do nothing
        assertThat(access(project.model())).containsEntry("GET /reports", "PUBLIC")
                .containsEntry("DELETE /reports/{id}", "PUBLIC")
                .containsEntry("GET /reports/audit", "PUBLIC");

        project.file("src/main/java/com/acme/config/MethodSecurityConfig.java", """
                package com.acme.config;

                import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

                @EnableMethodSecurity
                class MethodSecurityConfig { }
                """);
        ProjectModel enabled = project.model();
        assertThat(enabled.security().methodSecurity().prePost()).isTrue();
        assertThat(enabled.security().methodSecurity().secured()).isFalse();
        assertThat(access(enabled)).containsEntry("GET /reports", "RESTRICTED(reports:read)")
                .containsEntry("DELETE /reports/{id}", "RESTRICTED(ROLE_ADMIN)")
                .containsEntry("GET /reports/summary", "AUTHENTICATED")
                .containsEntry("GET /reports/audit", "AUTHENTICATED")
                .containsEntry("GET /reports/{id}", "CUSTOM(#id == authentication.principal.id)");

        project.file("src/main/java/com/acme/config/MethodSecurityConfig.java", """
                package com.acme.config;

                import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

                @EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
                class MethodSecurityConfig { }
                """);
        assertThat(access(project.model())).containsEntry("GET /reports/audit", "RESTRICTED(ROLE_AUDITOR)");
    }

    @Test
    void jaxRsRolesMethodOverridesClass() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/rs/Accounts.java", """
                        package com.acme.rs;

                        import jakarta.annotation.security.*;
                        import jakarta.ws.rs.*;

                        @Path("/accounts")
                        @RolesAllowed({"admin", "support"})
                        public class Accounts {
                            @GET public String list() { return ""; }
                            @GET @Path("/health") @PermitAll public String health() { return ""; }
                            @DELETE @Path("/{id}") @DenyAll public void delete(@PathParam("id") long id) { }
                        }
                        """)
                .file("src/main/java/com/acme/rs/Open.java", """
                        package com.acme.rs;

                        import jakarta.ws.rs.*;

                        @Path("/open")
                        public class Open {
                            @GET public String get() { return ""; }
                        }
                        """)
                .model();
        assertThat(access(model)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "GET /accounts", "RESTRICTED(admin, support)",
                "GET /accounts/health", "PUBLIC",
                "DELETE /accounts/{id}", "DENIED",
                "GET /open", "PUBLIC")));
    }

    @Test
    void webXmlConstraints() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/rs/Res.java", """
                        package com.acme.rs;

                        import jakarta.ws.rs.*;

                        @Path("/")
                        public class Res {
                            @GET @Path("admin/stats") public String stats() { return ""; }
                            @GET @Path("api/items") public String items() { return ""; }
                            @POST @Path("api/items") public void add(String body) { }
                            @GET @Path("pub") public String pub() { return ""; }
                        }
                        """)
                .file("src/main/webapp/WEB-INF/web.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>admin</web-resource-name>
                              <url-pattern>/admin/*</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>admin</role-name></auth-constraint>
                          </security-constraint>
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>api writes</web-resource-name>
                              <url-pattern>/api/*</url-pattern>
                              <http-method>POST</http-method>
                            </web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                        </web-app>
                        """)
                .model();
        assertThat(access(model)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "GET /admin/stats", "RESTRICTED(admin)",
                "GET /api/items", "PUBLIC",
                "POST /api/items", "AUTHENTICATED",
                "GET /pub", "PUBLIC")));
    }

    @Test
    void noSecurityAnywhereIsPublicUnlessAFilterChecksAuthentication() {
        TestProject project = new TestProject(dir).file("src/main/java/com/acme/web/AppController.java",
                ADMIN_CONTROLLER);
        assertThat(access(project.model())).allSatisfy((route, access) -> assertThat(access).isEqualTo("PUBLIC"));

        project.file("src/main/java/com/acme/web/TokenFilter.java", """
                package com.acme.web;

                import jakarta.servlet.*;
                import jakarta.servlet.http.*;
                import java.io.IOException;

                public class TokenFilter implements Filter {
                    @Override
                    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                            throws IOException, ServletException {
                        String header = ((HttpServletRequest) req).getHeader("Authorization");
                        if (header == null) {
                            ((HttpServletResponse) res).sendError(HttpServletResponse.SC_UNAUTHORIZED);
                            return;
                        }
                        chain.doFilter(req, res);
                    }
                }
                """);
        ProjectModel model = project.model();
        assertThat(access(model)).allSatisfy((route, access) -> assertThat(access).isEqualTo("CUSTOM(authentication filter)"));
        assertThat(model.security().authenticationFilters()).hasSize(1);
    }

    @Test
    void springBootDefaultSecurityWhenNoChainIsDeclared() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/AppController.java", ADMIN_CONTROLLER)
                .file("src/main/java/com/acme/web/Me.java", """
                        package com.acme.web;

                        import org.springframework.security.core.context.SecurityContextHolder;

                        class Me {
                            String name() { return SecurityContextHolder.getContext().getAuthentication().getName(); }
                        }
                        """)
                .model();
        assertThat(access(model)).allSatisfy((route, access) -> assertThat(access).isEqualTo("AUTHENTICATED"));
    }

    @Test
    void programmaticChecksMakeAccessCustomAndOpaqueRulesAreNotGuessed() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/Guard.java", """
                        package com.acme.web;

                        public class Guard {
                            public void requireAdminRole(String user) { }
                        }
                        """)
                .file("src/main/java/com/acme/web/Service.java", """
                        package com.acme.web;

                        public class Service {
                            private final Guard guard = new Guard();
                            public void purge() { guard.requireAdminRole("x"); }
                            public void checkOwnerPermission(long id) { }
                        }
                        """)
                .file("src/main/java/com/acme/web/Ctl.java", """
                        package com.acme.web;

                        import jakarta.servlet.http.HttpServletRequest;
                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        class Ctl {
                            private final Service service = new Service();

                            @GetMapping("/a") String a(HttpServletRequest request) {
                                if (!request.isUserInRole("ADMIN")) { throw new IllegalStateException(); }
                                return "";
                            }

                            @GetMapping("/b") String b(@RequestParam long id) { service.checkOwnerPermission(id); return ""; }

                            @GetMapping("/c") String c() { return ""; }

                            @GetMapping("/d") String d() { return ""; }
                        }
                        """)
                .file("src/main/java/com/acme/config/Sec.java", """
                        package com.acme.config;

                        import org.springframework.context.annotation.Bean;
                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.web.SecurityFilterChain;

                        class Sec {
                            @Bean
                            SecurityFilterChain chain(HttpSecurity http, Object manager) throws Exception {
                                return http.authorizeHttpRequests(a -> a
                                        .requestMatchers("/c").access(manager)
                                        .requestMatchers("/d").access("hasRole('X') and #oops")
                                        .anyRequest().permitAll()).build();
                            }
                        }
                        """)
                .model();
        Map<String, String> access = access(model);
        assertThat(access.get("GET /a")).isEqualTo("CUSTOM(programmatic check request.isUserInRole(\"ADMIN\"))");
        assertThat(access.get("GET /b")).isEqualTo("CUSTOM(programmatic check service.checkOwnerPermission(id))");
        assertThat(access.get("GET /c")).isEqualTo("CUSTOM(access(manager))");
        assertThat(access.get("GET /d")).isEqualTo("CUSTOM(hasRole('X') and #oops)");
    }

    @Test
    void unresolvableMatcherMakesLaterDecisionsUncertain() {
        ProjectModel model = new TestProject(dir)
                .file("src/main/java/com/acme/web/AppController.java", ADMIN_CONTROLLER)
                .file("src/main/java/com/acme/config/Sec.java", """
                        package com.acme.config;

                        import org.springframework.context.annotation.Bean;
                        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                        import org.springframework.security.web.SecurityFilterChain;

                        class Sec {
                            @Bean
                            SecurityFilterChain chain(HttpSecurity http, String[] fromConfig) throws Exception {
                                return http.authorizeHttpRequests(a -> a
                                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                                        .requestMatchers(fromConfig).permitAll()
                                        .anyRequest().authenticated()).build();
                            }
                        }
                        """)
                .model();
        assertThat(access(model)).containsEntry("GET /api/admin/users", "RESTRICTED(ROLE_ADMIN)")
                .containsEntry("GET /other", "CUSTOM(requestMatchers(fromConfig).permitAll())");
    }
}
