package dev.apisec.core.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import dev.apisec.core.diag.Notifications;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.lang.Locations;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.lang.ValueExprs;
import dev.apisec.core.parse.ParsedFile;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Spring Security configuration from source: {@code SecurityFilterChain}/{@code SecurityWebFilterChain}
 * beans (lambda DSL) and {@code WebSecurityConfigurerAdapter.configure(HttpSecurity)} (chained DSL), their
 * authorization rules, scope, CSRF and session settings; {@code WebSecurityCustomizer}/{@code configure(WebSecurity)}
 * ignoring; and the method-security switches. Both DSL styles are read the same way: a decision call
 * ({@code permitAll()}, {@code hasRole(..)}) whose receiver is a matcher call ({@code requestMatchers(..)},
 * {@code anyRequest()}) is one rule, in source order.
 */
public final class SpringSecurityReader {

    static final Set<String> DECISIONS = Set.of("permitAll", "denyAll", "authenticated", "fullyAuthenticated",
            "anonymous", "rememberMe", "hasRole", "hasAnyRole", "hasAuthority", "hasAnyAuthority", "access",
            "hasIpAddress", "hasAllAuthorities", "hasAllRoles");
    static final Set<String> RULE_MATCHERS = Set.of("requestMatchers", "antMatchers", "mvcMatchers", "regexMatchers",
            "anyRequest", "pathMatchers", "anyExchange", "matchers", "dispatcherTypeMatchers");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "TRACE");
    private static final List<String> STATIC_LOCATIONS = List.of("/css/**", "/js/**", "/images/**", "/webjars/**",
            "/favicon.*", "/*/icon-*");

    private final TypeIndex index;
    private final ConstantResolver constants;
    private final Notifications notes;

    public SpringSecurityReader(TypeIndex index, Notifications notes) {
        this.index = index;
        this.constants = new ConstantResolver(index);
        this.notes = notes;
    }

    /** What was read. */
    public record Result(List<SecurityChain> chains, List<IgnoredPath> ignored, MethodSecuritySettings methodSecurity,
                         boolean webSecurityEnabled) {
    }

    public Result read() {
        List<SecurityChain> chains = new ArrayList<>();
        List<IgnoredPath> ignored = new ArrayList<>();
        MethodSecuritySettings settings = MethodSecuritySettings.NONE;
        boolean webSecurity = false;
        int declaration = 0;
        for (SourceFile file : index.files()) {
            if (!index.facts(file).markers().contains(Marker.SECURITY_CONFIG)) {
                continue;
            }
            Optional<ParsedFile> parsed = index.parse(file);
            if (parsed.isEmpty()) {
                continue;
            }
            try {
                for (TypeDeclaration<?> type : parsed.get().unit().findAll(TypeDeclaration.class)) {
                    settings = settings.or(methodSecurity(parsed.get(), type));
                    webSecurity |= type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("EnableWebSecurity")
                            || a.getNameAsString().endsWith("EnableWebFluxSecurity"));
                    int classOrder = order(type.getAnnotations()).orElse(Integer.MAX_VALUE);
                    boolean adapter = type instanceof ClassOrInterfaceDeclaration c && c.getExtendedTypes().stream()
                            .anyMatch(t -> t.getNameAsString().equals("WebSecurityConfigurerAdapter"));
                    if (adapter && classOrder == Integer.MAX_VALUE) {
                        classOrder = 100; // WebSecurityConfigurerAdapter's default @Order
                    }
                    for (MethodDeclaration m : type.getMethods()) {
                        if (m.getBody().isEmpty() || m.getParentNode().orElse(null) != type) {
                            continue;
                        }
                        String returnType = m.getType().asString();
                        boolean filterChainBean = returnType.endsWith("SecurityFilterChain")
                                || returnType.endsWith("SecurityWebFilterChain");
                        boolean legacyConfigure = m.getNameAsString().equals("configure") && m.getParameters().size() == 1
                                && paramType(m.getParameter(0)).equals("HttpSecurity");
                        if (filterChainBean || legacyConfigure) {
                            int order = order(m.getAnnotations()).orElse(legacyConfigure ? classOrder : Integer.MAX_VALUE);
                            chains.add(chain(parsed.get(), type, m, order, declaration++,
                                    returnType.endsWith("SecurityWebFilterChain")));
                        } else if (returnType.endsWith("WebSecurityCustomizer")
                                || (m.getNameAsString().equals("configure") && m.getParameters().size() == 1
                                && paramType(m.getParameter(0)).equals("WebSecurity"))) {
                            ignored.addAll(ignoring(parsed.get(), type, m));
                        }
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                notes.warning(file.relativePath(), 0, "security configuration not fully analysed: " + e);
            }
        }
        chains.sort(Comparator.comparingInt(SecurityChain::order).thenComparingInt(SecurityChain::declarationIndex));
        return new Result(chains, ignored, settings, webSecurity);
    }

    private static String paramType(Parameter p) {
        String t = p.getType().asString();
        int dot = t.lastIndexOf('.');
        return dot < 0 ? t : t.substring(dot + 1);
    }

    private Optional<Integer> order(List<AnnotationExpr> annotations) {
        for (AnnotationExpr a : annotations) {
            if (a.getNameAsString().equals("Order") || a.getNameAsString().endsWith(".Order")) {
                Expression v = a instanceof SingleMemberAnnotationExpr s ? s.getMemberValue()
                        : a instanceof NormalAnnotationExpr n ? n.getPairs().stream()
                        .filter(p -> p.getNameAsString().equals("value")).map(MemberValuePair::getValue)
                        .findFirst().orElse(null) : null;
                if (v == null) {
                    return Optional.of(Integer.MAX_VALUE);
                }
                String text = v.toString().replace(" ", "");
                if (text.endsWith("HIGHEST_PRECEDENCE")) {
                    return Optional.of(Integer.MIN_VALUE);
                }
                if (text.endsWith("LOWEST_PRECEDENCE")) {
                    return Optional.of(Integer.MAX_VALUE);
                }
                try {
                    return Optional.of(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private MethodSecuritySettings methodSecurity(ParsedFile file, TypeDeclaration<?> type) {
        MethodSecuritySettings s = MethodSecuritySettings.NONE;
        for (AnnotationExpr a : type.getAnnotations()) {
            String name = a.getNameAsString();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (simple.equals("EnableMethodSecurity") || simple.equals("EnableReactiveMethodSecurity")) {
                s = s.or(new MethodSecuritySettings(flag(a, "prePostEnabled", true), flag(a, "securedEnabled", false),
                        flag(a, "jsr250Enabled", false), Locations.of(file, a)));
            } else if (simple.equals("EnableGlobalMethodSecurity")) {
                s = s.or(new MethodSecuritySettings(flag(a, "prePostEnabled", false), flag(a, "securedEnabled", false),
                        flag(a, "jsr250Enabled", false), Locations.of(file, a)));
            }
        }
        return s;
    }

    private static boolean flag(AnnotationExpr a, String attribute, boolean defaultValue) {
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals(attribute)) {
                    return p.getValue().toString().equals("true");
                }
            }
        }
        return defaultValue;
    }

    private SecurityChain chain(ParsedFile file, TypeDeclaration<?> type, MethodDeclaration method, int order,
                                int declaration, boolean reactive) {
        String context = Locations.typeName(type);
        List<MethodCallExpr> calls = method.getBody().get().findAll(MethodCallExpr.class);
        // a chained call's range starts at its receiver; its name's position gives the written order
        calls.sort(Comparator.comparing((MethodCallExpr c) -> c.getName().getBegin().map(p -> p.line).orElse(0))
                .thenComparing(c -> c.getName().getBegin().map(p -> p.column).orElse(0)));
        List<UrlRule> rules = new ArrayList<>();
        List<RequestMatcherSpec> scope = new ArrayList<>();
        boolean authorization = false;
        boolean legacy = false;
        SourceLocation csrf = null;
        boolean stateless = false;
        boolean sessionLogins = false;
        boolean bearer = false;
        for (MethodCallExpr call : calls) {
            String name = call.getNameAsString();
            switch (name) {
                case "authorizeHttpRequests", "authorizeExchange", "authorize" -> authorization = true;
                case "authorizeRequests" -> {
                    authorization = true;
                    legacy = true;
                }
                case "formLogin", "rememberMe", "oauth2Login", "saml2Login", "openidLogin" -> sessionLogins = true;
                case "oauth2ResourceServer" -> bearer = true;
                case "sessionCreationPolicy" -> stateless |= call.getArguments().stream()
                        .anyMatch(a -> a.toString().endsWith("STATELESS"));
                case "securityContextRepository" -> stateless |= call.getArguments().stream()
                        .anyMatch(a -> a.toString().contains("NoOpServerSecurityContextRepository"));
                case "addFilterBefore", "addFilterAt", "addFilterAfter", "addFilter" -> bearer |= call.getArguments()
                        .stream().findFirst().map(a -> a.toString().toLowerCase(Locale.ROOT))
                        .map(t -> t.contains("jwt") || t.contains("token") || t.contains("bearer")).orElse(false);
                case "csrf" -> {
                    if (csrf == null && disablesCsrf(call)) {
                        // at the csrf name: a chained call's range starts at the receiver (http), lines above
                        csrf = locationOfRule(file, call);
                    }
                }
                case "securityMatcher", "antMatcher", "mvcMatcher", "regexMatcher" -> {
                    if (isOnHttp(call)) {
                        scope.add(matcher(call, context, name.equals("regexMatcher")));
                    }
                }
                default -> {
                }
            }
            if (DECISIONS.contains(name) && call.getScope().isPresent()
                    && call.getScope().get() instanceof MethodCallExpr matcherCall
                    && RULE_MATCHERS.contains(matcherCall.getNameAsString())) {
                rules.add(rule(file, context, matcherCall, call));
            } else if (RULE_MATCHERS.contains(name) && !isRuleMatcher(call) && inScopeSection(call)) {
                scope.add(matcher(call, context, name.equals("regexMatchers")));
            }
        }
        return new SecurityChain(Locations.typeName(type) + "#" + method.getNameAsString(), order, declaration, scope,
                rules, authorization, legacy, reactive, csrf, stateless, sessionLogins, bearer,
                Locations.of(file, method));
    }

    /** {@code http.securityMatcher(..)} (not a matcher nested in an authorization lambda). */
    private static boolean isOnHttp(MethodCallExpr call) {
        return call.getScope().map(s -> !(s instanceof MethodCallExpr m && RULE_MATCHERS.contains(m.getNameAsString())))
                .orElse(false);
    }

    private static boolean isRuleMatcher(MethodCallExpr matcher) {
        return matcher.getParentNode().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
                .filter(p -> p.getScope().filter(s -> s == matcher).isPresent())
                .map(p -> DECISIONS.contains(p.getNameAsString()) || p.getNameAsString().equals("not"))
                .orElse(false);
    }

    /** Inside {@code securityMatchers(m -> m.requestMatchers(..))} or chained on a no-argument {@code requestMatchers()}. */
    private static boolean inScopeSection(MethodCallExpr matcher) {
        if (matcher.getScope().filter(s -> s instanceof MethodCallExpr m && m.getNameAsString().equals("requestMatchers")
                && m.getArguments().isEmpty()).isPresent()) {
            return true;
        }
        Node n = matcher.getParentNode().orElse(null);
        while (n != null) {
            if (n instanceof MethodCallExpr m && (m.getNameAsString().equals("securityMatchers")
                    || m.getNameAsString().equals("requestMatchers") && m.getArguments().stream()
                    .anyMatch(a -> a instanceof LambdaExpr))) {
                return true;
            }
            if (n instanceof MethodCallExpr m && (m.getNameAsString().startsWith("authorize"))) {
                return false;
            }
            n = n.getParentNode().orElse(null);
        }
        return false;
    }

    private static boolean disablesCsrf(MethodCallExpr csrf) {
        // csrf().disable()
        if (csrf.getParentNode().filter(p -> p instanceof MethodCallExpr m && m.getNameAsString().equals("disable")
                && m.getScope().filter(s -> s == csrf).isPresent()).isPresent()) {
            return true;
        }
        for (Expression arg : csrf.getArguments()) {
            // csrf(AbstractHttpConfigurer::disable), csrf(CsrfSpec::disable)
            if (arg instanceof MethodReferenceExpr ref && ref.getIdentifier().equals("disable")) {
                return true;
            }
            // csrf(c -> c.disable())
            if (arg instanceof LambdaExpr lambda && lambda.getBody().findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> c.getNameAsString().equals("disable"))) {
                return true;
            }
        }
        return false;
    }

    private UrlRule rule(ParsedFile file, String context, MethodCallExpr matcherCall, MethodCallExpr decision) {
        RequestMatcherSpec matcher = matcher(matcherCall, context, matcherCall.getNameAsString().equals("regexMatchers"));
        SourceLocation location = locationOfRule(file, matcherCall);
        Evidence evidence = new Evidence(matcher.text() + "." + decisionText(decision), location);
        Access access = decision(decision, context, evidence);
        return new UrlRule(List.of(matcher), access, location, matcher.text() + "." + decisionText(decision));
    }

    private static SourceLocation locationOfRule(ParsedFile file, MethodCallExpr matcherCall) {
        // report at the matcher's name, not at the start of the whole chained receiver expression
        SourceLocation whole = Locations.of(file, matcherCall);
        return matcherCall.getName().getBegin().map(b -> new SourceLocation(whole.file(), b.line, b.column,
                whole.endLine(), whole.endColumn(), whole.anchor(), file.line(b.line).strip()
                .replaceAll("\\s+", " "))).orElse(whole);
    }

    private static String decisionText(MethodCallExpr decision) {
        String args = decision.getArguments().toString();
        return decision.getNameAsString() + "(" + args.substring(1, args.length() - 1) + ")";
    }

    private Access decision(MethodCallExpr decision, String context, Evidence evidence) {
        String name = decision.getNameAsString();
        switch (name) {
            case "permitAll", "anonymous":
                return Access.of(AccessLevel.PUBLIC, evidence);
            case "denyAll":
                return Access.of(AccessLevel.DENIED, evidence);
            case "authenticated", "fullyAuthenticated", "rememberMe":
                return Access.of(AccessLevel.AUTHENTICATED, evidence);
            case "hasRole", "hasAnyRole", "hasAuthority", "hasAnyAuthority", "hasAllRoles", "hasAllAuthorities": {
                Set<String> values = new LinkedHashSet<>();
                for (Expression arg : decision.getArguments()) {
                    ConstantResolver.Values v = constants.resolve(ValueExprs.of(arg, context));
                    if (!v.complete()) {
                        return Access.custom(decisionText(decision), evidence);
                    }
                    for (String s : v.values()) {
                        values.add(name.contains("Role") ? SpelAccess.rolePrefix(s) : s);
                    }
                }
                return values.isEmpty() ? Access.custom(decisionText(decision), evidence)
                        : Access.restricted(values, evidence);
            }
            case "access": {
                if (decision.getArguments().size() == 1) {
                    Optional<String> spel = constants.string(ValueExprs.of(decision.getArgument(0), context));
                    if (spel.isPresent()) {
                        return SpelAccess.parse(spel.get(), evidence);
                    }
                }
                return Access.custom(decisionText(decision), evidence);
            }
            default:
                return Access.custom(decisionText(decision), evidence);
        }
    }

    /** Reads a matcher call's arguments into a spec. */
    RequestMatcherSpec matcher(MethodCallExpr call, String context, boolean regex) {
        String name = call.getNameAsString();
        String text = call.getNameAsString() + "(" + argsText(call) + ")";
        if (name.equals("anyRequest") || name.equals("anyExchange")) {
            return new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.ANY, text);
        }
        String method = null;
        List<String> patterns = new ArrayList<>();
        RequestMatcherSpec.Kind kind = regex ? RequestMatcherSpec.Kind.REGEX : RequestMatcherSpec.Kind.PATH;
        boolean unresolved = false;
        for (Expression arg : call.getArguments()) {
            Optional<String> verb = httpMethod(arg);
            if (verb.isPresent()) {
                method = verb.get();
                continue;
            }
            if (arg instanceof MethodCallExpr || arg instanceof ObjectCreationExpr) {
                Optional<RequestMatcherSpec> nested = requestMatcherObject(arg, context);
                if (nested.isPresent()) {
                    RequestMatcherSpec n = nested.get();
                    if (n.kind() == RequestMatcherSpec.Kind.UNRESOLVED) {
                        unresolved = true;
                    } else {
                        if (n.httpMethod() != null) {
                            method = n.httpMethod();
                        }
                        if (n.kind() == RequestMatcherSpec.Kind.REGEX) {
                            kind = RequestMatcherSpec.Kind.REGEX;
                        }
                        if (n.kind() == RequestMatcherSpec.Kind.ANY) {
                            return new RequestMatcherSpec(method, List.of(), RequestMatcherSpec.Kind.ANY, text);
                        }
                        patterns.addAll(n.patterns());
                    }
                    continue;
                }
            }
            ConstantResolver.Values values = constants.resolve(ValueExprs.of(arg, context));
            if (!values.complete() || values.values().isEmpty()) {
                unresolved = true;
            }
            patterns.addAll(values.values());
        }
        if (unresolved || (patterns.isEmpty() && kind != RequestMatcherSpec.Kind.ANY)) {
            return new RequestMatcherSpec(method, patterns, RequestMatcherSpec.Kind.UNRESOLVED, text);
        }
        return new RequestMatcherSpec(method, patterns, kind, text);
    }

    private static String argsText(MethodCallExpr call) {
        String s = call.getArguments().toString();
        return s.substring(1, s.length() - 1);
    }

    private static Optional<String> httpMethod(Expression arg) {
        String t = arg.toString();
        if (arg instanceof FieldAccessExpr fa && HTTP_METHODS.contains(fa.getNameAsString())
                && (t.startsWith("HttpMethod.") || t.endsWith("http.HttpMethod." + fa.getNameAsString()))) {
            return Optional.of(fa.getNameAsString());
        }
        if (arg instanceof NameExpr n && HTTP_METHODS.contains(n.getNameAsString())) {
            return Optional.of(n.getNameAsString()); // static import of HttpMethod.GET
        }
        return Optional.empty();
    }

    /** RequestMatcher objects: ant/regex/mvc/path-pattern matchers, EndpointRequest, PathRequest. */
    private Optional<RequestMatcherSpec> requestMatcherObject(Expression e, String context) {
        String text = e.toString();
        if (e instanceof ObjectCreationExpr oc) {
            String type = oc.getType().getNameAsString();
            if (type.equals("AntPathRequestMatcher") || type.equals("RegexRequestMatcher")
                    || type.equals("PathPatternParserServerWebExchangeMatcher")) {
                return Optional.of(fromArgs(oc.getArguments(), context, type.startsWith("Regex"), text));
            }
            return Optional.of(new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.UNRESOLVED, text));
        }
        if (!(e instanceof MethodCallExpr call)) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        String scope = call.getScope().map(Object::toString).orElse("");
        if (scope.endsWith("EndpointRequest") || text.contains("EndpointRequest.")) {
            return Optional.of(actuator(call, text));
        }
        if (text.contains("PathRequest.")) {
            if (text.contains("toStaticResources")) {
                return Optional.of(new RequestMatcherSpec(null, STATIC_LOCATIONS, RequestMatcherSpec.Kind.PATH, text));
            }
            if (text.contains("toH2Console")) {
                return Optional.of(new RequestMatcherSpec(null, List.of("/h2-console/**"), RequestMatcherSpec.Kind.PATH, text));
            }
            return Optional.of(new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.UNRESOLVED, text));
        }
        switch (name) {
            case "antMatcher", "pattern", "matcher", "pathMatchers" -> {
                return Optional.of(fromArgs(call.getArguments(), context, false, text));
            }
            case "regexMatcher" -> {
                return Optional.of(fromArgs(call.getArguments(), context, true, text));
            }
            case "anyExchange", "anyRequest" -> {
                return Optional.of(new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.ANY, text));
            }
            default -> {
                return Optional.of(new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.UNRESOLVED, text));
            }
        }
    }

    private RequestMatcherSpec fromArgs(List<Expression> args, String context, boolean regex, String text) {
        String method = null;
        List<String> patterns = new ArrayList<>();
        for (Expression a : args) {
            Optional<String> verb = httpMethod(a);
            if (verb.isPresent()) {
                method = verb.get();
                continue;
            }
            ConstantResolver.Values v = constants.resolve(ValueExprs.of(a, context));
            if (!v.complete()) {
                return new RequestMatcherSpec(method, patterns, RequestMatcherSpec.Kind.UNRESOLVED, text);
            }
            for (String s : v.values()) {
                // new AntPathRequestMatcher("/x", "POST"): the second string is the method
                if (!patterns.isEmpty() && HTTP_METHODS.contains(s.toUpperCase(Locale.ROOT))) {
                    method = s.toUpperCase(Locale.ROOT);
                } else {
                    patterns.add(s);
                }
            }
        }
        if (patterns.isEmpty()) {
            return new RequestMatcherSpec(method, patterns, RequestMatcherSpec.Kind.UNRESOLVED, text);
        }
        return new RequestMatcherSpec(method, patterns, regex ? RequestMatcherSpec.Kind.REGEX
                : RequestMatcherSpec.Kind.PATH, text);
    }

    /** Actuator matchers map to the default base path {@code /actuator}. */
    private RequestMatcherSpec actuator(MethodCallExpr call, String text) {
        if (text.contains(".excluding") || text.contains(".excludingLinks")) {
            return new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.UNRESOLVED, text);
        }
        // find the innermost EndpointRequest.to(...) / toAnyEndpoint()
        MethodCallExpr target = call;
        for (MethodCallExpr c : call.findAll(MethodCallExpr.class)) {
            if (c.getScope().map(Object::toString).orElse("").endsWith("EndpointRequest")) {
                target = c;
            }
        }
        if (target.getNameAsString().equals("toAnyEndpoint")) {
            return new RequestMatcherSpec(null, List.of("/actuator", "/actuator/**"), RequestMatcherSpec.Kind.PATH, text);
        }
        if (target.getNameAsString().equals("to")) {
            List<String> patterns = new ArrayList<>();
            for (Expression a : target.getArguments()) {
                String id;
                if (a instanceof ClassExpr c) {
                    String simple = c.getType().asString();
                    simple = simple.substring(simple.lastIndexOf('.') + 1);
                    id = simple.endsWith("Endpoint") ? simple.substring(0, simple.length() - "Endpoint".length()) : simple;
                    id = id.isEmpty() ? id : Character.toLowerCase(id.charAt(0)) + id.substring(1);
                } else {
                    Optional<String> s = constants.string(ValueExprs.of(a, ""));
                    if (s.isEmpty()) {
                        return new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.UNRESOLVED, text);
                    }
                    id = s.get();
                }
                patterns.add("/actuator/" + id);
                patterns.add("/actuator/" + id + "/**");
            }
            return new RequestMatcherSpec(null, patterns, RequestMatcherSpec.Kind.PATH, text);
        }
        return new RequestMatcherSpec(null, List.of(), RequestMatcherSpec.Kind.UNRESOLVED, text);
    }

    private List<IgnoredPath> ignoring(ParsedFile file, TypeDeclaration<?> type, MethodDeclaration m) {
        List<IgnoredPath> out = new ArrayList<>();
        String context = Locations.typeName(type);
        for (MethodCallExpr call : m.getBody().get().findAll(MethodCallExpr.class)) {
            if (RULE_MATCHERS.contains(call.getNameAsString()) || call.getNameAsString().equals("antMatchers")) {
                boolean underIgnoring = call.findAncestor(MethodCallExpr.class)
                        .map(a -> true).orElse(false) || call.toString().contains("ignoring()");
                if (call.toString().contains("ignoring()") || underIgnoring) {
                    out.add(new IgnoredPath(matcher(call, context, call.getNameAsString().equals("regexMatchers")),
                            Locations.of(file, call)));
                }
            }
        }
        return out;
    }

}
