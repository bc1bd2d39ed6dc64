package dev.apisec.core.persistence;

import dev.apisec.core.model.AnnotationInfo;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeKind;
import dev.apisec.core.model.ValueExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Jackson (and Spring's data binder) sees one field of a type: can a response show it, can a request set it.
 * Reads {@code @JsonIgnore}, {@code @JsonProperty(access = ...)}, {@code @JsonIgnoreProperties} on the class,
 * {@code transient}, accessor methods (getters, setters, record components) and Lombok's {@code @Getter},
 * {@code @Setter}, {@code @Data}, {@code @Value}. Jackson mixins and custom serializers are out of scope.
 */
final class JsonProperties {

    private JsonProperties() {
    }

    /**
     * @param readable a response shows the field
     * @param writable a request body or form can set the field
     */
    record Visibility(boolean readable, boolean writable) {
    }

    /** {@code type} declares {@code field}; {@code hierarchy} is the type followed by its project supertypes. */
    static Visibility of(FieldInfo field, TypeInfo type, List<TypeInfo> hierarchy) {
        if (field.isStatic()) {
            return new Visibility(false, false);
        }
        String name = field.name();
        Optional<MethodInfo> getter = accessor(hierarchy, name, true);
        Optional<MethodInfo> setter = accessor(hierarchy, name, false);
        boolean record = type.kind() == TypeKind.RECORD;
        boolean lombokGetter = has(type.annotations(), "Getter", "Data", "Value") || has(field.annotations(), "Getter");
        boolean lombokSetter = has(type.annotations(), "Setter", "Data") || has(field.annotations(), "Setter");
        boolean autoDetect = has(type.annotations(), "JsonAutoDetect");
        boolean annotatedProperty = has(field.annotations(), "JsonProperty");

        boolean visibleGetter = record || getter.isPresent() || lombokGetter || autoDetect || annotatedProperty;
        boolean visibleSetter = setter.isPresent() || lombokSetter || autoDetect || annotatedProperty
                || record || visibleGetter; // Jackson infers a field mutator for a property with a visible getter

        boolean getterIgnored = getter.map(m -> ignored(m.annotations())).orElse(false);
        boolean setterIgnored = setter.map(m -> ignored(m.annotations())).orElse(false);
        boolean fieldIgnored = ignored(field.annotations());
        boolean getterIncluded = getter.map(m -> has(m.annotations(), "JsonProperty")).orElse(false);
        boolean setterIncluded = setter.map(m -> has(m.annotations(), "JsonProperty")).orElse(false);

        boolean readIgnored = getterIgnored || ((fieldIgnored || setterIgnored) && !getterIncluded);
        boolean writeIgnored = setterIgnored || ((fieldIgnored || getterIgnored) && !setterIncluded);

        String access = access(field.annotations())
                .or(() -> getter.flatMap(m -> access(m.annotations())))
                .or(() -> setter.flatMap(m -> access(m.annotations())))
                .orElse("AUTO");
        boolean readable = visibleGetter && !readIgnored && !field.isTransient() && !access.equals("WRITE_ONLY");
        boolean writable = visibleSetter && !writeIgnored && !field.isTransient() && !access.equals("READ_ONLY");
        for (TypeInfo t : hierarchy) {
            for (AnnotationInfo a : t.annotations()) {
                if (a.simpleName().equals("JsonIgnoreProperties") && strings(a.attribute("value")).contains(name)) {
                    readable &= isTrue(a.attribute("allowGetters"));
                    writable &= isTrue(a.attribute("allowSetters"));
                }
            }
        }
        return new Visibility(readable, writable);
    }

    private static Optional<MethodInfo> accessor(List<TypeInfo> hierarchy, String field, boolean getter) {
        String cap = field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
        List<String> names = getter ? List.of("get" + cap, "is" + cap) : List.of("set" + cap);
        // boolean fields named isAdmin get isAdmin()/setAdmin() accessors
        if (field.length() > 2 && field.startsWith("is") && Character.isUpperCase(field.charAt(2))) {
            names = getter ? List.of(field, "get" + cap) : List.of("set" + field.substring(2), "set" + cap);
        }
        int arity = getter ? 0 : 1;
        for (TypeInfo t : hierarchy) {
            for (MethodInfo m : t.methods()) {
                if (!m.isStatic() && m.parameters().size() == arity && names.contains(m.name())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    static boolean has(List<AnnotationInfo> annotations, String... simpleNames) {
        for (AnnotationInfo a : annotations) {
            for (String s : simpleNames) {
                if (a.simpleName().equals(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code @JsonIgnore} or {@code @JsonIgnore(true)}, not {@code @JsonIgnore(false)}. */
    private static boolean ignored(List<AnnotationInfo> annotations) {
        for (AnnotationInfo a : annotations) {
            if (a.simpleName().equals("JsonIgnore")) {
                ValueExpr v = a.attribute("value");
                return !(v instanceof ValueExpr.Literal l && l.value().equals("false"));
            }
        }
        return false;
    }

    /** The {@code access} of a {@code @JsonProperty}: READ_ONLY, WRITE_ONLY, READ_WRITE, AUTO. */
    private static Optional<String> access(List<AnnotationInfo> annotations) {
        for (AnnotationInfo a : annotations) {
            if (a.simpleName().equals("JsonProperty") && a.attribute("access") != null) {
                ValueExpr v = a.attribute("access");
                String text = v instanceof ValueExpr.Ref r ? r.name() : v.toString();
                return Optional.of(text.toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    static List<String> strings(ValueExpr v) {
        List<String> out = new ArrayList<>();
        if (v instanceof ValueExpr.Literal l && l.isString()) {
            out.add(l.value());
        } else if (v instanceof ValueExpr.Array a) {
            a.elements().forEach(e -> out.addAll(strings(e)));
        }
        return out;
    }

    private static boolean isTrue(ValueExpr v) {
        return v instanceof ValueExpr.Literal l && l.value().equals("true");
    }
}
