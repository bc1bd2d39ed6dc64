package dev.apisec.core.security;

import dev.apisec.core.facts.FactKey;
import dev.apisec.core.facts.FactProvider;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.lang.AnnotationLookup;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.Framework;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.facts.Facts;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.parse.ParsedFile;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Computes the effective access of every endpoint from all security layers: Spring Security URL rules (first
 * matching chain, first matching rule), {@code web.ignoring()}, method security when enabled, JAX-RS role
 * annotations, {@code web.xml} constraints, and programmatic checks in the handler (one call level deep). Layers
 * combine with {@link Access#and}: a request must pass all of them.
 */
public final class EffectiveAccessResolver {

    /** The security layers of the project and the effective access of every endpoint. */
    public static final FactKey<SecurityModel> SECURITY = FactKey.named("security.model");

    public static FactProvider<SecurityModel> provider() {
        return FactProvider.of(SECURITY, List.of(), facts -> new EffectiveAccessResolver(facts).resolve());
    }

    private static final List<String> CONCRETE_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final String PREPOST = "org.springframework.security.access.prepost.";
    private static final Set<String> PREPOST_ANNOTATIONS = Set.of(PREPOST + "PreAuthorize", PREPOST + "PostAuthorize",
            PREPOST + "PreFilter", PREPOST + "PostFilter");
    private static final String SECURED = "org.springframework.security.access.annotation.Secured";
    private static final Set<String> JSR250 = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll",
            "javax.annotation.security.RolesAllowed", "javax.annotation.security.PermitAll",
            "javax.annotation.security.DenyAll");
    private static final Set<String> QUARKUS_AUTHENTICATED = Set.of("io.quarkus.security.Authenticated");

    /** Default checker-method patterns: a call to one of them in a handler is a programmatic access check. */
    public static final List<String> DEFAULT_CHECKER_PATTERNS = List.of("check*Permission", "check*Permissions",
            "assert*Access", "authorize*", "require*Role", "require*Roles", "verify*Access", "check*Access");
    private static final Set<String> PROGRAMMATIC_CALLS = Set.of("isUserInRole", "hasRole", "hasAnyRole",
            "hasAuthority", "hasAnyAuthority", "getAuthorities");

    private final Facts facts;
    private final TypeIndex index;
    private final AnnotationLookup annotations;
    private final ConstantResolver constants;
    private final List<Pattern> checkerPatterns;
    private final dev.apisec.core.flow.CallTargets callTargets;

    public EffectiveAccessResolver(Facts facts) {
        this(facts, java.util.stream.Stream.concat(DEFAULT_CHECKER_PATTERNS.stream(),
                facts.options().accessCheckers().stream()).toList());
    }

    public EffectiveAccessResolver(Facts facts, List<String> checkerPatterns) {
        this.facts = facts;
        this.index = facts.types();
        this.annotations = facts.annotations();
        this.constants = facts.constants();
        this.callTargets = new dev.apisec.core.flow.CallTargets(facts.types());
        this.checkerPatterns = checkerPatterns.stream()
                .map(g -> Pattern.compile(g.replace("*", "[A-Za-z0-9_]*"))).toList();
    }

    public SecurityModel resolve() {
        SpringSecurityReader.Result spring = new SpringSecurityReader(index, facts.notifications()).read();
        boolean springSecurity = !spring.chains().isEmpty() || spring.webSecurityEnabled()
                || !facts.filesWith(Marker.SPRING_SECURITY).isEmpty();
        List<WebXmlConstraint> webXml = WebXmlReader.read(facts.configFiles(), facts.notifications());
        List<Evidence> filters = authenticationFilters();
        boolean jaxRsRoles = false;
        Map<Endpoint, Access> result = new java.util.IdentityHashMap<>();
        Context ctx = new Context(spring, springSecurity, webXml, filters);
        // endpoints are independent: resolve them in parallel (handler bodies are parsed on the way)
        List<Access> resolved = facts.scheduler().map(facts.endpoints(), e -> {
            try {
                return resolve(e, ctx);
            } catch (RuntimeException | StackOverflowError ex) {
                facts.notifications().warning(e.location().file(), e.location().startLine(),
                        "access of " + e.route() + " not analysed: " + ex);
                return Access.custom("analysis failed", new Evidence("access not analysed: " + ex, e.location()));
            }
        });
        for (int i = 0; i < resolved.size(); i++) {
            result.put(facts.endpoints().get(i), resolved.get(i));
        }
        return new SecurityModel(springSecurity, spring.chains(), spring.ignored(), spring.methodSecurity(), webXml,
                filters, result);
    }

    private record Context(SpringSecurityReader.Result spring, boolean springSecurity,
                           List<WebXmlConstraint> webXml, List<Evidence> filters) {
    }

    private Access resolve(Endpoint e, Context ctx) {
        List<String> methods = e.httpMethod().equals("*") ? CONCRETE_METHODS : List.of(e.httpMethod());
        Access weakest = null;
        for (String method : methods) {
            Access a = resolve(e, method, ctx);
            if (weakest == null || openness(a) > openness(weakest)) {
                weakest = a;
            }
        }
        return weakest;
    }

    /** Higher = more open; an endpoint serving all verbs is as open as its most open verb. */
    private static int openness(Access a) {
        return switch (a.level()) {
            case PUBLIC -> 4;
            case AUTHENTICATED -> 3;
            case CUSTOM -> 2;
            case RESTRICTED -> 1;
            case DENIED -> 0;
        };
    }

    private Access resolve(Endpoint e, String method, Context ctx) {
        List<Access> layers = new ArrayList<>();
        boolean anySecurity = false;

        if (ctx.springSecurity()) {
            anySecurity = true;
            layers.add(urlAccess(e, method, ctx.spring()));
            methodSecurity(e, ctx.spring().methodSecurity()).ifPresent(layers::add);
        }
        Optional<Access> jaxrs = e.framework() == Framework.JAX_RS ? jaxRsRoles(e) : Optional.empty();
        if (jaxrs.isPresent()) {
            anySecurity = true;
            layers.add(jaxrs.get());
        }
        if (!ctx.webXml().isEmpty()) {
            anySecurity = true;
            layers.add(webXmlAccess(e, method, ctx.webXml()));
        }
        if (!anySecurity && projectUsesJaxRsRoles()) {
            anySecurity = true;
        }
        Access combined;
        if (layers.isEmpty()) {
            combined = Access.of(AccessLevel.PUBLIC, new Evidence(anySecurity
                    ? "no security rule, annotation or constraint applies to this endpoint"
                    : "the project has no Spring Security, no JAX-RS role annotations and no web.xml constraints",
                    null));
        } else {
            combined = layers.get(0);
            for (int i = 1; i < layers.size(); i++) {
                combined = combined.and(layers.get(i));
            }
        }
        if (combined.level() == AccessLevel.PUBLIC && !ctx.springSecurity() && !ctx.filters().isEmpty()) {
            // a project filter checks authentication itself: apisec cannot tell which paths it covers
            combined = combined.and(new Access(AccessLevel.CUSTOM, Set.of(), "authentication filter",
                    ctx.filters()));
        }
        if (combined.level() == AccessLevel.PUBLIC || combined.level() == AccessLevel.AUTHENTICATED) {
            Optional<Access> programmatic = programmaticCheck(e);
            if (programmatic.isPresent()) {
                combined = combined.and(programmatic.get());
            }
        }
        return combined;
    }

    // ---------------------------------------------------------------- Spring Security URL rules

    private Access urlAccess(Endpoint e, String method, SpringSecurityReader.Result spring) {
        return urlAccess(spring.ignored(), spring.chains(), method, e.path());
    }

    /** The URL-rule access of a request to {@code path}: ignoring first, then the first chain that applies. */
    static Access urlAccess(List<IgnoredPath> ignoredPaths, List<SecurityChain> chains, String method, String path) {
        for (IgnoredPath ignored : ignoredPaths) {
            if (ignored.matcher().matches(method, path)) {
                return Access.of(AccessLevel.PUBLIC, new Evidence("ignored by Spring Security: web.ignoring()."
                        + ignored.matcher().text(), ignored.location()));
            }
        }
        if (chains.isEmpty()) {
            return Access.of(AccessLevel.AUTHENTICATED, new Evidence(
                    "Spring Boot's default security (the project declares no SecurityFilterChain): every request "
                            + "must be authenticated", null));
        }
        for (SecurityChain chain : chains) {
            boolean scopeUncertain = chain.scope().stream()
                    .anyMatch(m -> m.kind() == RequestMatcherSpec.Kind.UNRESOLVED);
            if (scopeUncertain && !chain.appliesTo(method, path)) {
                return Access.custom("securityMatcher of " + chain.name(), new Evidence(
                        "cannot evaluate the securityMatcher of " + chain.name(), chain.location()));
            }
            if (!chain.appliesTo(method, path)) {
                continue;
            }
            if (!chain.authorizationConfigured()) {
                return Access.of(AccessLevel.PUBLIC, new Evidence("security chain " + chain.name()
                        + " configures no authorization rules", chain.location()));
            }
            UrlRule uncertain = null;
            for (UrlRule rule : chain.rules()) {
                if (rule.isUncertain() && uncertain == null) {
                    uncertain = rule;
                }
                if (rule.matches(method, path)) {
                    if (uncertain != null && uncertain != rule) {
                        return Access.custom(uncertain.text(), new Evidence("an earlier rule cannot be evaluated: "
                                + uncertain.text(), uncertain.location()));
                    }
                    return rule.decision();
                }
            }
            if (uncertain != null) {
                return Access.custom(uncertain.text(), new Evidence("rule cannot be evaluated: " + uncertain.text(),
                        uncertain.location()));
            }
            if (chain.legacyDsl()) {
                return Access.of(AccessLevel.PUBLIC, new Evidence("no rule of " + chain.name()
                        + " matches; authorizeRequests() lets unmatched requests through", chain.location()));
            }
            return Access.of(AccessLevel.DENIED, new Evidence("no rule of " + chain.name()
                    + " matches; authorizeHttpRequests() denies unmatched requests", chain.location()));
        }
        return Access.of(AccessLevel.PUBLIC, new Evidence("no security filter chain matches this path", null));
    }

    // ---------------------------------------------------------------- method security

    private List<List<AnnotationInfo>> methodLevels(Endpoint e) {
        List<List<AnnotationInfo>> levels = new ArrayList<>();
        levels.add(e.handler().annotations());
        if (e.mappingSource() != e.handler()) {
            levels.add(e.mappingSource().annotations());
        }
        return levels;
    }

    private List<List<AnnotationInfo>> classLevels(Endpoint e) {
        List<List<AnnotationInfo>> levels = new ArrayList<>();
        Optional<TypeInfo> controller = index.type(e.controllerType());
        if (controller.isPresent()) {
            levels.add(controller.get().annotations());
            for (TypeInfo sup : index.allSupertypes(controller.get())) {
                levels.add(sup.annotations());
            }
        }
        if (!e.handler().declaringType().equals(e.controllerType())) {
            index.type(e.handler().declaringType()).ifPresent(t -> levels.add(t.annotations()));
        }
        return levels;
    }

    /** The nearest annotation of a family: method level first (handler, then the declaration it implements), then class. */
    private Optional<AnnotationLookup.Found> nearest(Endpoint e, Predicate<String> family) {
        for (List<AnnotationInfo> level : methodLevels(e)) {
            Optional<AnnotationLookup.Found> f = annotations.find(level, family);
            if (f.isPresent()) {
                return f;
            }
        }
        for (List<AnnotationInfo> level : classLevels(e)) {
            Optional<AnnotationLookup.Found> f = annotations.find(level, family);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private Optional<Access> methodSecurity(Endpoint e, MethodSecuritySettings settings) {
        Access combined = null;
        if (settings.prePost()) {
            // @PreAuthorize and @PostAuthorize are separate checks; both apply when present
            for (String name : List.of(PREPOST + "PreAuthorize", PREPOST + "PostAuthorize")) {
                Optional<AnnotationLookup.Found> f = nearest(e, name::equals);
                if (f.isPresent()) {
                    combined = and(combined, prePost(f.get()));
                }
            }
            for (String name : List.of(PREPOST + "PreFilter", PREPOST + "PostFilter")) {
                Optional<AnnotationLookup.Found> f = nearest(e, name::equals);
                if (f.isPresent()) {
                    String expr = string(f.get().annotation(), "value").orElse("?");
                    combined = and(combined, Access.custom(expr, evidence(f.get())));
                }
            }
        }
        if (settings.secured()) {
            Optional<AnnotationLookup.Found> f = nearest(e, SECURED::equals);
            if (f.isPresent()) {
                combined = and(combined, secured(f.get()));
            }
        }
        if (settings.jsr250()) {
            Optional<AnnotationLookup.Found> f = nearest(e, JSR250::contains);
            if (f.isPresent()) {
                combined = and(combined, jsr250(f.get(), true));
            }
        }
        return Optional.ofNullable(combined);
    }

    private static Access and(Access a, Access b) {
        return a == null ? b : a.and(b);
    }

    private Evidence evidence(AnnotationLookup.Found f) {
        AnnotationInfo declared = f.declared();
        String text = "@" + declared.simpleName() + (f.isDirect() ? attributesText(declared)
                : " (carries @" + f.annotation().simpleName() + attributesText(f.annotation()) + ")");
        return new Evidence(text, declared.location());
    }

    private String attributesText(AnnotationInfo a) {
        Optional<String> v = string(a, "value");
        if (v.isPresent()) {
            return "(\"" + v.get() + "\")";
        }
        List<String> values = a.attribute("value") == null ? List.of() : constants.strings(a.attribute("value"));
        // written as in source: @RolesAllowed({"clerk", "manager"})
        List<String> quoted = values.stream().map(x -> "\"" + x + "\"").toList();
        return values.isEmpty() ? "" : "({" + String.join(", ", quoted) + "})";
    }

    private Optional<String> string(AnnotationInfo a, String attribute) {
        ValueExpr v = a.attribute(attribute);
        return v == null ? Optional.empty() : constants.string(v);
    }

    private Access prePost(AnnotationLookup.Found f) {
        Optional<String> expr = string(f.annotation(), "value");
        if (expr.isEmpty()) {
            return Access.custom("unresolved expression", evidence(f));
        }
        return SpelAccess.parse(expr.get(), evidence(f));
    }

    private Access secured(AnnotationLookup.Found f) {
        List<String> values = f.annotation().attribute("value") == null ? List.of()
                : constants.strings(f.annotation().attribute("value"));
        if (values.isEmpty()) {
            return Access.custom("@Secured", evidence(f));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String v : values) {
            switch (v) {
                case "IS_AUTHENTICATED_ANONYMOUSLY" -> {
                    return Access.of(AccessLevel.PUBLIC, evidence(f));
                }
                case "IS_AUTHENTICATED_FULLY", "IS_AUTHENTICATED_REMEMBERED" -> {
                    return Access.of(AccessLevel.AUTHENTICATED, evidence(f));
                }
                default -> roles.add(v);
            }
        }
        return Access.restricted(roles, evidence(f));
    }

    private Access jsr250(AnnotationLookup.Found f, boolean springPrefix) {
        String simple = f.annotation().simpleName();
        return switch (simple) {
            case "PermitAll" -> Access.of(AccessLevel.PUBLIC, evidence(f));
            case "DenyAll" -> Access.of(AccessLevel.DENIED, evidence(f));
            default -> {
                List<String> roles = f.annotation().attribute("value") == null ? List.of()
                        : constants.strings(f.annotation().attribute("value"));
                if (roles.isEmpty()) {
                    yield Access.custom("@RolesAllowed", evidence(f));
                }
                Set<String> out = new LinkedHashSet<>();
                for (String r : roles) {
                    out.add(springPrefix ? SpelAccess.rolePrefix(r) : r);
                }
                yield Access.restricted(out, evidence(f));
            }
        };
    }

    // ---------------------------------------------------------------- JAX-RS

    private Optional<Access> jaxRsRoles(Endpoint e) {
        Predicate<String> family = n -> JSR250.contains(n) || QUARKUS_AUTHENTICATED.contains(n);
        Optional<AnnotationLookup.Found> f = nearest(e, family);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (QUARKUS_AUTHENTICATED.contains(f.get().annotation().name())) {
            return Optional.of(Access.of(AccessLevel.AUTHENTICATED, evidence(f.get())));
        }
        return Optional.of(jsr250(f.get(), false));
    }

    private Boolean jaxRsRolesUsed;

    private synchronized boolean projectUsesJaxRsRoles() {
        if (jaxRsRolesUsed == null) {
            jaxRsRolesUsed = facts.endpoints().stream().filter(x -> x.framework() == Framework.JAX_RS)
                    .anyMatch(x -> nearest(x, n -> JSR250.contains(n) || QUARKUS_AUTHENTICATED.contains(n)).isPresent());
        }
        return jaxRsRolesUsed;
    }

    // ---------------------------------------------------------------- web.xml

    private Access webXmlAccess(Endpoint e, String method, List<WebXmlConstraint> constraints) {
        int[] best = {-1, -1};
        List<WebXmlConstraint> winners = new ArrayList<>();
        for (WebXmlConstraint c : constraints) {
            if (!c.coversMethod(method)) {
                continue;
            }
            for (String p : c.urlPatterns()) {
                int[] m = WebXmlConstraint.match(p, e.path());
                if (m[0] < 0) {
                    continue;
                }
                if (m[0] > best[0] || (m[0] == best[0] && m[1] > best[1])) {
                    best = m;
                    winners.clear();
                    winners.add(c);
                } else if (m[0] == best[0] && m[1] == best[1] && !winners.contains(c)) {
                    winners.add(c);
                }
            }
        }
        if (winners.isEmpty()) {
            return Access.of(AccessLevel.PUBLIC, new Evidence("no web.xml security-constraint covers this path", null));
        }
        // several constraints on the same pattern: the least restrictive wins (servlet spec, section 13.8.1)
        Access result = null;
        for (WebXmlConstraint c : winners) {
            Evidence ev = new Evidence("web.xml security-constraint " + c.urlPatterns(), c.location());
            Access a;
            if (c.roles() == null) {
                a = Access.of(AccessLevel.PUBLIC, ev);
            } else if (c.roles().isEmpty()) {
                a = Access.of(AccessLevel.DENIED, ev);
            } else if (c.roles().contains("*") || c.roles().contains("**")) {
                a = Access.of(AccessLevel.AUTHENTICATED, ev);
            } else {
                a = Access.restricted(new LinkedHashSet<>(c.roles()), ev);
            }
            result = result == null || openness(a) > openness(result) ? a : result;
        }
        return result;
    }

    // ---------------------------------------------------------------- programmatic checks

    private Optional<Access> programmaticCheck(Endpoint e) {
        Optional<TypeInfo> declaring = index.type(e.handler().declaringType());
        if (declaring.isEmpty()) {
            return Optional.empty();
        }
        Optional<TypeIndex.MethodSyntax> syntax = index.syntax(e.handler());
        if (syntax.isEmpty()) {
            return Optional.empty();
        }
        Optional<MethodDeclaration> decl = syntax.map(TypeIndex.MethodSyntax::declaration);
        Optional<ParsedFile> parsed = syntax.map(TypeIndex.MethodSyntax::file);
        Optional<Access> direct = checkIn(decl.get(), parsed.get());
        if (direct.isPresent()) {
            return direct;
        }
        // one call level into project methods: same class, or a field's project type (and its implementations)
        Map<String, dev.apisec.core.model.TypeRef> localTypes = callTargets.localTypes(decl.get(), declaring.get());
        for (MethodCallExpr call : decl.get().findAll(MethodCallExpr.class)) {
            for (MethodInfo target : callTargets.of(call, declaring.get(), localTypes, this::mayCheckAccess)) {
                Optional<TypeIndex.MethodSyntax> body = index.syntax(target);
                if (body.isPresent()) {
                    Optional<Access> found = checkIn(body.get().declaration(), body.get().file());
                    if (found.isPresent()) {
                        Access a = found.get();
                        List<Evidence> ev = new ArrayList<>(a.evidence());
                        ev.add(0, new Evidence("handler calls " + target.declaringType() + "#" + target.name(),
                                Locations.of(parsed.get(), call)));
                        return Optional.of(new Access(a.level(), a.authorities(), a.expression(), ev));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Access> checkIn(MethodDeclaration method, ParsedFile file) {
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            boolean check = PROGRAMMATIC_CALLS.contains(name)
                    || checkerPatterns.stream().anyMatch(p -> p.matcher(name).matches())
                    || (name.equals("check") || name.equals("verify") || name.equals("authorize"))
                    && call.getScope().map(s -> s.toString().toLowerCase(Locale.ROOT).contains("authoriz")).orElse(false);
            if (check) {
                String text = call.toString();
                if (text.length() > 120) {
                    text = text.substring(0, 117) + "...";
                }
                SourceLocation loc = Locations.of(file, call);
                return Optional.of(Access.custom("programmatic check " + text,
                        new Evidence("programmatic check: " + text, loc)));
            }
        }
        return Optional.empty();
    }


    /**
     * Whether a project type (or a class implementing it) can contain a programmatic check, from the pre-scan
     * alone: checking this first keeps the one-level call following from parsing every service.
     */
    private boolean mayCheckAccess(String qualifiedName) {
        Optional<SourceFile> file = index.fileOf(qualifiedName);
        if (file.isEmpty()) {
            return false;
        }
        if (index.facts(file.get()).markers().contains(Marker.ACCESS_CHECK)) {
            return true;
        }
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return index.filesNamingSupertype(simple).stream()
                .anyMatch(f -> index.facts(f).markers().contains(Marker.ACCESS_CHECK));
    }

    // ---------------------------------------------------------------- authentication filters

    private static final List<String> FILTER_TYPES = List.of("Filter", "OncePerRequestFilter", "GenericFilterBean",
            "HandlerInterceptor", "HandlerInterceptorAdapter", "ContainerRequestFilter", "WebFilter",
            "AsyncHandlerInterceptor", "HttpFilter");
    private static final List<String> AUTH_HINTS = List.of("Authorization", "getUserPrincipal", "SC_UNAUTHORIZED",
            "UNAUTHORIZED", "Bearer", "abortWith", "SecurityContext", "getRemoteUser", "401", "403", "SC_FORBIDDEN");

    private List<Evidence> authenticationFilters() {
        List<Evidence> out = new ArrayList<>();
        for (SourceFile f : facts.filesWith(Marker.REQUEST_FILTER)) {
            for (TypeInfo t : index.typesIn(f)) {
                Set<String> supers = new java.util.HashSet<>();
                for (String s : index.allSupertypeNames(t)) {
                    supers.add(s.substring(s.lastIndexOf('.') + 1));
                }
                if (FILTER_TYPES.stream().noneMatch(supers::contains)) {
                    continue;
                }
                Optional<ParsedFile> parsed = index.parse(f);
                if (parsed.isEmpty()) {
                    continue;
                }
                String text = parsed.get().text();
                if (AUTH_HINTS.stream().anyMatch(text::contains)) {
                    out.add(new Evidence("request filter " + t.qualifiedName() + " appears to check authentication",
                            t.location()));
                }
            }
        }
        return out;
    }

}
