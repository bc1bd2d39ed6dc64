package dev.apisec.core.cors;

import dev.apisec.core.TestProject;
import dev.apisec.core.cors.CorsPolicy.Form;
import dev.apisec.core.cors.CorsPolicy.OriginKind;
import dev.apisec.core.diag.Notification;
import dev.apisec.core.api.ProjectModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class CorsExtractorTest {

    @TempDir
    Path dir;

    private List<CorsPolicy> policies(String... files) {
        TestProject project = new TestProject(dir);
        for (int i = 0; i + 1 < files.length; i += 2) {
            project.file("src/main/java/com/acme/" + files[i] + ".java", files[i + 1]);
        }
        return project.model().corsPolicies();
    }

    /** The policy whose location starts on {@code line}. */
    private static CorsPolicy at(List<CorsPolicy> policies, int line) {
        List<CorsPolicy> here = policies.stream().filter(p -> p.location().startLine() == line).toList();
        assertThat(here).as("policies on line %d of %s", line, policies).hasSize(1);
        return here.get(0);
    }

    private static List<Integer> lines(List<CorsPolicy> policies) {
        return policies.stream().map(p -> p.location().startLine()).toList();
    }

    @Test
    void crossOriginAnnotationsOnClassAndMethods() {
        List<CorsPolicy> policies = policies("OrderController", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @CrossOrigin
                @RequestMapping("/orders")
                class OrderController {
                    @GetMapping
                    String list() { return ""; }

                    @CrossOrigin(origins = "*", allowCredentials = "true")
                    @GetMapping("/{id}")
                    String get(@PathVariable long id) { return ""; }

                    @CrossOrigin(origins = {"https://app.example.com", "https://admin.example.com"})
                    @PostMapping
                    String create() { return ""; }

                    @CrossOrigin(originPatterns = "https://*.example.com")
                    @PutMapping
                    String update() { return ""; }

                    @CrossOrigin("${cors.allowed-origins}")
                    @DeleteMapping
                    String delete() { return ""; }

                    @CrossOrigin(origins = Origins.ALL)
                    @PatchMapping
                    String patch() { return ""; }
                }
                """, "Origins", """
                package com.acme;

                final class Origins {
                    static final String ALL = "*";
                }
                """);

        CorsPolicy onClass = at(policies, 6);
        assertThat(onClass.form()).isEqualTo(Form.ANNOTATION);
        assertThat(onClass.origin()).isEqualTo(OriginKind.ANY);
        assertThat(onClass.defaultOrigins()).isTrue();
        assertThat(onClass.originText()).isEmpty();
        assertThat(onClass.enclosingType()).isEqualTo("com.acme.OrderController");
        assertThat(onClass.enclosingMethod()).isNull();
        // a handler of the class allows credentials; with the class-level wildcard that is the dangerous pair
        assertThat(onClass.credentialsAllowed()).isTrue();

        CorsPolicy star = at(policies, 12);
        assertThat(star.origin()).isEqualTo(OriginKind.ANY);
        assertThat(star.defaultOrigins()).isFalse();
        assertThat(star.credentialsAllowed()).isTrue();
        assertThat(star.originText()).isEqualTo("origins = \"*\"");
        assertThat(star.enclosingMethod()).isEqualTo("get(long)");
        assertThat(star.api()).isEqualTo("@CrossOrigin");

        CorsPolicy list = at(policies, 16);
        assertThat(list.origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(list.resolvedOrigins()).containsExactly("https://app.example.com", "https://admin.example.com");
        assertThat(list.credentialsAllowed()).isFalse();

        assertThat(at(policies, 20).origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(at(policies, 24).origin()).isEqualTo(OriginKind.CONFIGURED);
        CorsPolicy constant = at(policies, 28);
        assertThat(constant.origin()).isEqualTo(OriginKind.ANY);
        assertThat(constant.resolvedOrigins()).containsExactly("*");
        assertThat(constant.originText()).isEqualTo("origins = Origins.ALL");
        assertThat(policies).hasSize(6);
    }

    @Test
    void methodAnnotationWithoutOriginsInheritsTheClassOrigins() {
        List<CorsPolicy> policies = policies("A", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @CrossOrigin(origins = "https://app.example.com")
                class A {
                    @CrossOrigin(maxAge = 60)
                    @GetMapping("/a")
                    String a() { return ""; }
                }
                """, "B", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                @CrossOrigin
                class B {
                    @CrossOrigin(origins = "https://app.example.com")
                    @GetMapping("/b")
                    String b() { return ""; }
                }
                """, "C", """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class C {
                    @CrossOrigin(allowCredentials = "true")
                    @GetMapping("/c")
                    String c() { return ""; }
                }
                """);
        // A: only the class annotation (explicit); B: the bare class annotation is unused by its only handler
        assertThat(policies).extracting(p -> p.enclosingType() + ":" + p.location().startLine() + ":" + p.origin())
                .containsExactly("com.acme.A:6:EXPLICIT", "com.acme.B:8:EXPLICIT", "com.acme.C:7:ANY");
        CorsPolicy c = policies.get(2);
        assertThat(c.defaultOrigins()).isTrue();
        assertThat(c.credentialsAllowed()).isTrue();
        assertThat(c.enclosingMethod()).isEqualTo("c()");
    }

    @Test
    void registryChainsWithDefaultsPatternsAndCredentials() {
        List<CorsPolicy> policies = policies("WebConfig", """
                package com.acme;

                import org.springframework.beans.factory.annotation.Value;
                import org.springframework.web.servlet.config.annotation.*;

                class WebConfig implements WebMvcConfigurer {
                    @Value("${cors.origins}")
                    private String origins;

                    @Override
                    public void addCorsMappings(CorsRegistry registry) {
                        registry.addMapping("/api/**")
                                .allowedOrigins("*")
                                .allowedMethods("GET", "POST")
                                .allowCredentials(true);
                        registry.addMapping("/public/**");
                        registry.addMapping("/partners/**").allowedOriginPatterns("https://*.partner.example");
                        registry.addMapping("/config/**").allowedOrigins(origins.split(","));
                        CorsRegistration reg = registry.addMapping("/split/**");
                        reg.allowedOriginPatterns("*");
                        reg.allowCredentials(true);
                    }
                }
                """);
        CorsPolicy api = at(policies, 12);
        assertThat(api.form()).isEqualTo(Form.REGISTRY);
        assertThat(api.origin()).isEqualTo(OriginKind.ANY);
        assertThat(api.mapping()).isEqualTo("/api/**");
        assertThat(api.api()).isEqualTo("allowedOrigins");
        assertThat(api.originText()).isEqualTo("\"*\"");
        assertThat(api.credentialsAllowed()).isTrue();
        assertThat(api.credentialsLocation()).isNotNull();
        assertThat(api.enclosingMethod()).isEqualTo("addCorsMappings(CorsRegistry)");

        CorsPolicy bare = at(policies, 16);
        assertThat(bare.origin()).isEqualTo(OriginKind.ANY);
        assertThat(bare.defaultOrigins()).isTrue();
        assertThat(bare.api()).isEqualTo("addMapping");
        assertThat(bare.mapping()).isEqualTo("/public/**");
        assertThat(bare.credentialsAllowed()).isFalse();

        CorsPolicy partners = at(policies, 17);
        assertThat(partners.origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(partners.api()).isEqualTo("allowedOriginPatterns");

        assertThat(at(policies, 18).origin()).isEqualTo(OriginKind.CONFIGURED);

        CorsPolicy split = at(policies, 20);
        assertThat(split.origin()).isEqualTo(OriginKind.ANY);
        assertThat(split.mapping()).isEqualTo("/split/**");
        assertThat(split.credentialsAllowed()).isTrue();
        assertThat(split.credentialsLocation().startLine()).isEqualTo(21);
        assertThat(policies).hasSize(5);
    }

    @Test
    void corsConfigurationObjectsReplayedInSourceOrder() {
        List<CorsPolicy> policies = policies("SecurityCors", """
                package com.acme;

                import java.util.List;
                import org.springframework.web.cors.*;

                class SecurityCors {
                    private static final String WILDCARD = "*";

                    CorsConfigurationSource wildcardWithCredentials() {
                        CorsConfiguration config = new CorsConfiguration();
                        config.addAllowedOrigin(WILDCARD);
                        config.setAllowCredentials(true);
                        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
                        source.registerCorsConfiguration("/**", config);
                        return source;
                    }

                    CorsConfiguration explicitAfterDefaults() {
                        CorsConfiguration config = new CorsConfiguration().applyPermitDefaultValues();
                        config.setAllowedOrigins(List.of("https://app.example.com"));
                        return config;
                    }

                    CorsConfiguration defaultsKeptByAdd() {
                        CorsConfiguration config = new CorsConfiguration();
                        config.applyPermitDefaultValues();
                        config.addAllowedOrigin("https://app.example.com");
                        return config;
                    }

                    CorsConfiguration overwritten() {
                        CorsConfiguration config = new CorsConfiguration();
                        config.setAllowedOrigins(List.of("*"));
                        config.setAllowedOrigins(List.of("https://" + "app.example.com"));
                        return config;
                    }

                    CorsConfiguration chained() {
                        return new CorsConfiguration().applyPermitDefaultValues();
                    }

                    CorsConfiguration patterns() {
                        CorsConfiguration config = new CorsConfiguration();
                        config.addAllowedOriginPattern(CorsConfiguration.ALL);
                        config.setAllowCredentials(Boolean.TRUE);
                        return config;
                    }
                }
                """);
        CorsPolicy wildcard = at(policies, 11);
        assertThat(wildcard.form()).isEqualTo(Form.CONFIGURATION);
        assertThat(wildcard.origin()).isEqualTo(OriginKind.ANY);
        assertThat(wildcard.originText()).isEqualTo("WILDCARD");
        assertThat(wildcard.resolvedOrigins()).containsExactly("*");
        assertThat(wildcard.credentialsAllowed()).isTrue();
        assertThat(wildcard.credentialsLocation().startLine()).isEqualTo(12);
        assertThat(wildcard.enclosingMethod()).isEqualTo("wildcardWithCredentials()");

        CorsPolicy explicit = at(policies, 20);
        assertThat(explicit.origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(explicit.api()).isEqualTo("setAllowedOrigins");

        // Spring keeps "*" when an origin is added to the permit-all defaults
        CorsPolicy kept = at(policies, 26);
        assertThat(kept.origin()).isEqualTo(OriginKind.ANY);
        assertThat(kept.api()).isEqualTo("applyPermitDefaultValues");
        assertThat(kept.defaultOrigins()).isTrue();
        assertThat(at(policies, 27).origin()).isEqualTo(OriginKind.EXPLICIT);

        CorsPolicy replaced = at(policies, 34);
        assertThat(replaced.origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(replaced.resolvedOrigins()).containsExactly("https://app.example.com");

        CorsPolicy chained = at(policies, 39);
        assertThat(chained.origin()).isEqualTo(OriginKind.ANY);
        assertThat(chained.defaultOrigins()).isTrue();

        CorsPolicy patterns = at(policies, 44);
        assertThat(patterns.origin()).isEqualTo(OriginKind.ANY);
        assertThat(patterns.api()).isEqualTo("addAllowedOriginPattern");
        assertThat(patterns.credentialsAllowed()).isTrue();
        // lines 19 (defaults replaced) and 33 (overwritten "*") yield nothing
        assertThat(lines(policies)).containsExactly(11, 20, 26, 27, 34, 39, 44);
    }

    @Test
    void originValuesThroughLocalsConstantsOfOtherClassesAndUnresolvableValues() {
        List<CorsPolicy> policies = policies("Cfg", """
                package com.acme;

                import java.util.List;
                import org.springframework.core.env.Environment;
                import org.springframework.web.cors.CorsConfiguration;

                class Cfg {
                    private final CorsProperties props;
                    private final Environment env;
                    private String mutable = "*";

                    Cfg(CorsProperties props, Environment env) { this.props = props; this.env = env; }

                    CorsConfiguration local() {
                        String origin = "*";
                        CorsConfiguration c = new CorsConfiguration();
                        c.addAllowedOrigin(origin);
                        return c;
                    }

                    CorsConfiguration otherClass() {
                        CorsConfiguration c = new CorsConfiguration();
                        c.setAllowedOrigins(List.of(Hosts.APP, Hosts.ADMIN));
                        return c;
                    }

                    CorsConfiguration unresolvable(String fromCaller) {
                        CorsConfiguration c = new CorsConfiguration();
                        c.setAllowedOrigins(props.getAllowedOrigins());
                        c.addAllowedOrigin(fromCaller);
                        c.addAllowedOrigin(mutable);
                        c.addAllowedOrigin(env.getProperty("cors.origin"));
                        String reassigned = "https://x.example.com";
                        reassigned = props.other();
                        c.addAllowedOrigin(reassigned);
                        return c;
                    }
                }
                """, "Hosts", """
                package com.acme;

                public interface Hosts {
                    String BASE = "example.com";
                    String APP = "https://app." + BASE;
                    String ADMIN = "https://admin." + BASE;
                }
                """);
        CorsPolicy local = at(policies, 17);
        assertThat(local.origin()).isEqualTo(OriginKind.ANY);
        assertThat(local.originText()).isEqualTo("origin");

        CorsPolicy other = at(policies, 23);
        assertThat(other.origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(other.resolvedOrigins()).containsExactly("https://app.example.com", "https://admin.example.com");

        // later calls on the same object (addAllowedOrigin) add to the list: one policy per contributing call
        assertThat(at(policies, 29).origin()).isEqualTo(OriginKind.UNRESOLVED);
        assertThat(at(policies, 30).origin()).isEqualTo(OriginKind.UNRESOLVED);
        assertThat(at(policies, 31).origin()).as("non-final field").isEqualTo(OriginKind.UNRESOLVED);
        assertThat(at(policies, 32).origin()).isEqualTo(OriginKind.CONFIGURED);
        assertThat(at(policies, 35).origin()).as("reassigned local").isEqualTo(OriginKind.UNRESOLVED);
        assertThat(policies).noneMatch(p -> p.isPermissive() && p.location().startLine() > 17).hasSize(7);
    }

    @Test
    void responseHeadersWildcardNullReflectedAndChecked() {
        List<CorsPolicy> policies = policies("CorsFilter", """
                package com.acme;

                import jakarta.servlet.*;
                import jakarta.servlet.http.*;
                import java.io.IOException;
                import java.util.Set;
                import org.springframework.http.HttpHeaders;
                import org.springframework.http.ResponseEntity;

                class CorsFilter implements Filter {
                    private static final Set<String> ALLOWED = Set.of("https://app.example.com");

                    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                            throws IOException, ServletException {
                        HttpServletRequest request = (HttpServletRequest) req;
                        HttpServletResponse response = (HttpServletResponse) res;
                        String origin = request.getHeader("Origin");
                        if (origin != null) {
                            response.setHeader("Access-Control-Allow-Origin", origin);
                            response.setHeader("Access-Control-Allow-Credentials", "true");
                        }
                        chain.doFilter(req, res);
                    }

                    void checked(HttpServletRequest request, HttpServletResponse response) {
                        String origin = request.getHeader(HttpHeaders.ORIGIN);
                        if (origin != null && ALLOWED.contains(origin)) {
                            response.addHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                        }
                    }

                    void star(HttpServletResponse response) {
                        response.setHeader("access-control-allow-origin", "*");
                    }

                    ResponseEntity<String> nullOrigin() {
                        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "null").body("");
                    }

                    void typed(HttpHeaders headers) {
                        headers.setAccessControlAllowOrigin("*");
                    }

                    void ternary(HttpServletRequest request, HttpServletResponse response) {
                        String origin = request.getHeader("Origin");
                        response.setHeader("Access-Control-Allow-Origin",
                                ALLOWED.contains(origin) ? origin : "https://app.example.com");
                    }

                    void fixed(HttpServletResponse response) {
                        response.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
                    }
                }
                """);
        CorsPolicy reflected = at(policies, 19);
        assertThat(reflected.form()).isEqualTo(Form.RESPONSE_HEADER);
        assertThat(reflected.origin()).isEqualTo(OriginKind.REFLECTED);
        assertThat(reflected.credentialsAllowed()).isTrue();
        assertThat(reflected.credentialsLocation().startLine()).isEqualTo(20);
        assertThat(reflected.api()).isEqualTo("setHeader");
        assertThat(reflected.enclosingMethod()).isEqualTo("doFilter(ServletRequest,ServletResponse,FilterChain)");

        assertThat(at(policies, 28).origin()).isEqualTo(OriginKind.VALIDATED);
        CorsPolicy star = at(policies, 33);
        assertThat(star.origin()).isEqualTo(OriginKind.ANY);
        assertThat(star.credentialsAllowed()).isFalse();
        CorsPolicy nullOrigin = at(policies, 37);
        assertThat(nullOrigin.origin()).isEqualTo(OriginKind.NULL);
        assertThat(nullOrigin.api()).isEqualTo("header");
        CorsPolicy typed = at(policies, 41);
        assertThat(typed.origin()).isEqualTo(OriginKind.ANY);
        assertThat(typed.api()).isEqualTo("setAccessControlAllowOrigin");
        assertThat(at(policies, 46).origin()).isEqualTo(OriginKind.VALIDATED);
        assertThat(at(policies, 51).origin()).isEqualTo(OriginKind.EXPLICIT);
        assertThat(policies).hasSize(7);
    }

    @Test
    void jaxRsResponseFilterAndHeaderParams() {
        List<CorsPolicy> policies = policies("CorsResponseFilter", """
                package com.acme;

                import jakarta.ws.rs.*;
                import jakarta.ws.rs.container.*;
                import jakarta.ws.rs.core.Response;
                import jakarta.ws.rs.ext.Provider;

                @Provider
                class CorsResponseFilter implements ContainerResponseFilter {
                    @Override
                    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
                        response.getHeaders().putSingle("Access-Control-Allow-Origin",
                                request.getHeaderString("Origin"));
                        response.getHeaders().add("Access-Control-Allow-Credentials", true);
                    }

                    @GET
                    public Response get(@HeaderParam("Origin") String origin) {
                        return Response.ok().header("Access-Control-Allow-Origin", origin).build();
                    }

                    @GET
                    public Response star() {
                        return Response.ok().header("Access-Control-Allow-Origin", "*").build();
                    }
                }
                """);
        CorsPolicy filter = at(policies, 12);
        assertThat(filter.origin()).isEqualTo(OriginKind.REFLECTED);
        assertThat(filter.api()).isEqualTo("putSingle");
        assertThat(filter.credentialsAllowed()).isTrue();
        CorsPolicy param = at(policies, 19);
        assertThat(param.origin()).isEqualTo(OriginKind.REFLECTED);
        assertThat(param.credentialsAllowed()).isFalse();
        assertThat(at(policies, 24).origin()).isEqualTo(OriginKind.ANY);
        assertThat(policies).hasSize(3);
    }

    @Test
    void configurationSubclassAndLambdaSources() {
        List<CorsPolicy> policies = policies("OpenCors", """
                package com.acme;

                import java.util.Collections;
                import org.springframework.web.cors.CorsConfiguration;

                class OpenCors extends CorsConfiguration {
                    OpenCors() {
                        setAllowedOriginPatterns(Collections.singletonList(CorsConfiguration.ALL));
                        setAllowCredentials(true);
                    }
                }
                """, "Sec", """
                package com.acme;

                import java.util.List;
                import org.springframework.web.cors.*;

                class Sec {
                    CorsConfigurationSource source() {
                        return request -> {
                            CorsConfiguration cfg = new CorsConfiguration();
                            cfg.setAllowedOrigins(List.of("null"));
                            return cfg;
                        };
                    }
                }
                """);
        CorsPolicy subclass = at(policies.stream().filter(p -> p.enclosingType().endsWith("OpenCors")).toList(), 8);
        assertThat(subclass.origin()).isEqualTo(OriginKind.ANY);
        assertThat(subclass.credentialsAllowed()).isTrue();
        assertThat(subclass.enclosingMethod()).isEqualTo("OpenCors()");
        CorsPolicy lambda = at(policies.stream().filter(p -> p.enclosingType().endsWith("Sec")).toList(), 10);
        assertThat(lambda.origin()).isEqualTo(OriginKind.NULL);
        assertThat(lambda.enclosingMethod()).isEqualTo("source()");
    }

    @Test
    void oddCodeNeverThrowsAndUnrelatedMethodsAreIgnored() {
        TestProject project = new TestProject(dir)
                .file("src/main/java/com/acme/Odd.java", """
                        package com.acme;

                        import org.springframework.web.cors.CorsConfiguration;

                        class Odd {
                            static final String A = B;
                            static final String B = A;
                            CorsConfiguration c = new CorsConfiguration();
                            { c.addAllowedOrigin(A); }

                            void cycle(CorsConfiguration x) {
                                String p = q;
                                String q = p;
                                x.addAllowedOrigin(p);
                                x.setAllowedOrigins(null);
                                builder().allowedOrigins("*").allowCredentials(true);
                                set("Access-Control-Allow-Origin");
                                header("X-Other", "*");
                                x.addAllowedOrigin(((String) (("*"))));
                            }
                            Object builder() { return null; }
                            void set(String s) { }
                            void header(String a, String b) { }
                        }
                        """)
                .file("src/main/java/com/acme/Broken.java", """
                        package com.acme;
                        class Broken { void f() { CorsConfiguration c = ; c.addAllowedOrigin("*") } }
                        """);
        ProjectModel model = project.model();
        assertThatCode(model::corsPolicies).doesNotThrowAnyException();
        List<CorsPolicy> policies = model.corsPolicies();
        // the field initializer block's self-referential constant is unresolved; the cast "*" is found;
        // builder().allowedOrigins(..) without addMapping, set(..) with one argument and X-Other are ignored
        assertThat(policies).extracting(p -> p.location().startLine() + ":" + p.origin())
                .containsExactly("9:UNRESOLVED", "19:ANY");
        assertThat(project.notifications().sorted()).extracting(Notification::file)
                .contains("src/main/java/com/acme/Broken.java");
        // memoized and deterministic
        assertThat(model.corsPolicies()).isSameAs(policies);
        assertThat(new TestProject(dir).model().corsPolicies()).isEqualTo(policies);
    }

    @Test
    void classifiesOriginStrings() {
        assertThat(CorsExtractor.classifyString("*")).isEqualTo(OriginKind.ANY);
        assertThat(CorsExtractor.classifyString("https://*")).isEqualTo(OriginKind.ANY);
        assertThat(CorsExtractor.classifyString("https://*:[*]")).isEqualTo(OriginKind.ANY);
        assertThat(CorsExtractor.classifyString("https://a.example.com, *")).isEqualTo(OriginKind.ANY);
        assertThat(CorsExtractor.classifyString("null")).isEqualTo(OriginKind.NULL);
        assertThat(CorsExtractor.classifyString("https://*.example.com")).isEqualTo(OriginKind.EXPLICIT);
        assertThat(CorsExtractor.classifyString("http://localhost:[*]")).isEqualTo(OriginKind.EXPLICIT);
        assertThat(CorsExtractor.classifyString("${app.origins}")).isEqualTo(OriginKind.CONFIGURED);
    }
}
