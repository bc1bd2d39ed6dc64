package dev.apisec.rules.auth;

import dev.apisec.core.api.Precision;
import dev.apisec.core.api.Rule;
import dev.apisec.core.api.RuleContext;
import dev.apisec.core.api.RuleDescriptor;
import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.lang.AnnotationLookup;
import dev.apisec.core.lang.ConstantResolver;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.ValueExpr;
import dev.apisec.core.security.MethodSecuritySettings;
import dev.apisec.core.source.Marker;
import dev.apisec.core.source.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reports method-security annotations Spring does not enforce because their switch is off: {@code @PreAuthorize}
 * and friends without {@code @EnableMethodSecurity} (or {@code @EnableGlobalMethodSecurity(prePostEnabled =
 * true)}), {@code @Secured} without {@code securedEnabled}, {@code @RolesAllowed}/{@code @DenyAll} on Spring
 * beans without {@code jsr250Enabled}. One finding per annotated method or type, direct or through a project
 * meta-annotation. JSR-250 annotations count only in Spring Security projects and never on JAX-RS resources,
 * whose container enforces them itself; {@code @PermitAll} is not reported (not enforcing it changes nothing).
 */
@RuleDescriptor(
        id = "method-security-disabled",
        title = "Method-security annotation is not enforced",
        description = "A method-security annotation (@PreAuthorize, @Secured, @RolesAllowed, ...) is present but "
                + "the switch that makes Spring enforce it is missing, so the method runs for every caller.",
        severity = dev.apisec.core.model.Severity.CRITICAL,
        cwe = {862},
        owasp = "API5",
        precision = Precision.HIGH,
        tags = {"authorization", "spring-security"})
public final class MethodSecurityDisabled implements Rule {

    private static final String PREPOST = "org.springframework.security.access.prepost.";
    private static final Set<String> PREPOST_NAMES = Set.of(PREPOST + "PreAuthorize", PREPOST + "PostAuthorize",
            PREPOST + "PreFilter", PREPOST + "PostFilter");
    private static final Set<String> SECURED_NAMES = Set.of("org.springframework.security.access.annotation.Secured");
    private static final Set<String> JSR250_NAMES = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.DenyAll", "javax.annotation.security.RolesAllowed",
            "javax.annotation.security.DenyAll");
    private static final Set<String> ENABLERS = Set.of("EnableMethodSecurity", "EnableGlobalMethodSecurity",
            "EnableReactiveMethodSecurity");
    private static final List<String> FLAGS = List.of("prePostEnabled", "securedEnabled", "jsr250Enabled");

    /** The annotation families and the switch each one needs. */
    private enum Family {
        PRE_POST("prePostEnabled", "no @EnableMethodSecurity (or @EnableGlobalMethodSecurity(prePostEnabled = true))"),
        SECURED("securedEnabled", "no @EnableMethodSecurity(securedEnabled = true) (or "
                + "@EnableGlobalMethodSecurity(securedEnabled = true))"),
        JSR250("jsr250Enabled", "no @EnableMethodSecurity(jsr250Enabled = true) (or "
                + "@EnableGlobalMethodSecurity(jsr250Enabled = true))");

        final String flag;
        final String missing;

        Family(String flag, String missing) {
            this.flag = flag;
            this.missing = missing;
        }

        static Optional<Family> of(String annotationName) {
            if (PREPOST_NAMES.contains(annotationName)) {
                return Optional.of(PRE_POST);
            }
            if (SECURED_NAMES.contains(annotationName)) {
                return Optional.of(SECURED);
            }
            if (JSR250_NAMES.contains(annotationName)) {
                return Optional.of(JSR250);
            }
            return Optional.empty();
        }

        boolean enabledIn(MethodSecuritySettings s) {
            return switch (this) {
                case PRE_POST -> s.prePost();
                case SECURED -> s.secured();
                case JSR250 -> s.jsr250();
            };
        }
    }

    /** An {@code @Enable*MethodSecurity} annotation of the project. */
    private record Enabler(String text, SourceLocation location) {
    }

    @Override
    public void check(RuleContext context) {
        ProjectModel model = context.model();
        MethodSecuritySettings settings = model.security().methodSecurity();
        Set<Family> unenforced = new HashSet<>();
        for (Family f : Family.values()) {
            if (!f.enabledIn(settings)) {
                unenforced.add(f);
            }
        }
        if (unenforced.isEmpty()) {
            return;
        }
        boolean springSecurity = model.security().springSecurity();
        Predicate<String> family = name -> Family.of(name).filter(unenforced::contains)
                .filter(f -> f != Family.JSR250 || springSecurity).isPresent();
        List<Enabler> enablers = enablers(model);
        AnnotationLookup lookup = model.annotations();
        TypeIndex index = model.types();
        Map<String, String> routes = routesByMethod(model);
        for (SourceFile file : candidateFiles(model, family)) {
            for (TypeInfo type : index.typesIn(file)) {
                if (type.kind() == TypeKind.ANNOTATION) {
                    continue; // a meta-annotation's own annotations are reported where it is used
                }
                boolean jaxRsResource = isJaxRsResource(index, lookup, type);
                Predicate<String> applicable = jaxRsResource
                        ? name -> family.test(name) && Family.of(name).orElse(null) != Family.JSR250 : family;
                check(context, model, type.annotations(), applicable, typeName(type), type.location(), null,
                        enablers);
                for (MethodInfo method : type.methods()) {
                    check(context, model, method.annotations(), applicable, typeName(type) + "#" + method.name(),
                            method.location(), routes.get(key(method)), enablers);
                }
            }
        }
    }

    private void check(RuleContext context, ProjectModel model, List<AnnotationInfo> annotations,
                       Predicate<String> family, String element, SourceLocation location, String endpoint,
                       List<Enabler> enablers) {
        Map<Family, AnnotationLookup.Found> found = new LinkedHashMap<>();
        for (AnnotationLookup.Found f : model.annotations().findAll(annotations, family)) {
            found.putIfAbsent(Family.of(f.annotation().name()).orElseThrow(), f);
        }
        if (found.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        List<String> switches = new ArrayList<>();
        for (Map.Entry<Family, AnnotationLookup.Found> e : found.entrySet()) {
            shown.add(text(model.constants(), e.getValue()));
            switches.add(missingSwitch(e.getKey(), enablers));
        }
        String message = String.join(" and ", shown) + " on " + element
                + (shown.size() == 1 ? " is" : " are") + " not enforced: " + String.join("; ", switches);
        List<SourceLocation> related = enablers.stream().map(Enabler::location).filter(Objects::nonNull).toList();
        context.report(location, context.metadata().severity(), message, endpoint, related);
    }

    private static String missingSwitch(Family family, List<Enabler> enablers) {
        if (enablers.isEmpty()) {
            return family.missing + " in the project";
        }
        List<String> names = enablers.stream().map(e -> e.text() + AccessEvidence.where(e.location())).toList();
        return String.join(" and ", names) + (names.size() == 1 ? " leaves " : " leave ") + family.flag + " off";
    }

    // ---------------------------------------------------------------- where to look

    /**
     * Files that use a family annotation or a project annotation carrying one (found through the pre-scan's
     * annotation names, so services are covered without parsing every file).
     */
    private static List<SourceFile> candidateFiles(ProjectModel model, Predicate<String> family) {
        Set<String> names = new HashSet<>();
        for (String n : PREPOST_NAMES) {
            names.add(simple(n));
        }
        names.add("Secured");
        names.add("RolesAllowed");
        names.add("DenyAll");
        TypeIndex index = model.types();
        for (SourceFile f : model.filesWith(Marker.ANNOTATION_DECLARATION)) {
            for (TypeInfo t : index.typesIn(f)) {
                if (t.kind() == TypeKind.ANNOTATION && model.annotations().has(t.annotations(), family)) {
                    names.add(t.simpleName());
                }
            }
        }
        return index.files().stream().filter(f -> index.facts(f).usesAnyAnnotation(names)).toList();
    }

    private static List<Enabler> enablers(ProjectModel model) {
        List<Enabler> out = new ArrayList<>();
        for (SourceFile f : model.filesWith(Marker.SECURITY_CONFIG)) {
            for (TypeInfo t : model.types().typesIn(f)) {
                for (AnnotationInfo a : t.annotations()) {
                    if (ENABLERS.contains(a.simpleName())) {
                        out.add(new Enabler(enablerText(a), a.location()));
                    }
                }
            }
        }
        return out;
    }

    private static String enablerText(AnnotationInfo a) {
        List<String> flags = new ArrayList<>();
        for (String flag : FLAGS) {
            ValueExpr v = a.attribute(flag);
            if (v instanceof ValueExpr.Literal l) {
                flags.add(flag + " = " + l.value());
            } else if (v != null) {
                flags.add(flag + " = ...");
            }
        }
        return "@" + a.simpleName() + (flags.isEmpty() ? "" : "(" + String.join(", ", flags) + ")");
    }

    /** A type that is (or inherits from) a JAX-RS resource: JAX-RS annotations on it or on its methods. */
    private static boolean isJaxRsResource(TypeIndex index, AnnotationLookup lookup, TypeInfo type) {
        List<TypeInfo> all = new ArrayList<>();
        all.add(type);
        all.addAll(index.allSupertypes(type));
        Predicate<String> jaxrs = n -> n.startsWith("jakarta.ws.rs.") || n.startsWith("javax.ws.rs.");
        for (TypeInfo t : all) {
            if (lookup.has(t.annotations(), jaxrs)) {
                return true;
            }
            for (MethodInfo m : t.methods()) {
                if (lookup.has(m.annotations(), jaxrs)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- text

    private static String text(ConstantResolver constants, AnnotationLookup.Found f) {
        String own = "@" + f.annotation().simpleName() + attributes(constants, f.annotation());
        if (f.isDirect()) {
            return own;
        }
        return "@" + f.declared().simpleName() + " (carries " + own + ")";
    }

    private static String attributes(ConstantResolver constants, AnnotationInfo a) {
        ValueExpr v = a.attribute("value");
        if (v == null) {
            return "";
        }
        List<String> values = constants.strings(v);
        if (values.isEmpty()) {
            return "(...)";
        }
        List<String> quoted = values.stream().map(s -> "\"" + s + "\"").toList();
        return quoted.size() == 1 && !(v instanceof ValueExpr.Array) ? "(" + quoted.get(0) + ")"
                : "({" + String.join(", ", quoted) + "})";
    }

    private static String typeName(TypeInfo t) {
        return t.packageName().isEmpty() ? t.qualifiedName() : t.qualifiedName().substring(t.packageName().length() + 1);
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /** Per method ({@link #key}): the first route (sorted) it serves or declares the mapping of. */
    private static Map<String, String> routesByMethod(ProjectModel model) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Endpoint e : model.endpoints()) {
            for (MethodInfo m : List.of(e.handler(), e.mappingSource())) {
                if (m != null) {
                    out.merge(key(m), e.route(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return out;
    }

    private static String key(MethodInfo m) {
        return m.declaringType() + "#" + m.signature();
    }
}
