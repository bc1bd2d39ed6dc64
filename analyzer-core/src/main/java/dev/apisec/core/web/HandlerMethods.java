package dev.apisec.core.web;

import dev.apisec.core.model.MethodInfo;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.model.TypeInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of a concrete class together with the declarations they override in project supertypes, so that
 * mappings declared on interfaces or abstract superclasses (generated {@code *Api} interfaces, CXF-style
 * resources) are found. Declarations are ordered: the class's own first, then supertypes nearest first.
 */
final class HandlerMethods {

    /** One method of the class: every declaration of the same signature, most specific first. */
    record MethodFamily(String signature, List<MethodInfo> declarations) {

        /** The implementation that runs: the first non-abstract declaration, else the first declaration. */
        MethodInfo implementation() {
            return declarations.stream().filter(m -> !m.isAbstract()).findFirst().orElse(declarations.get(0));
        }
    }

    private HandlerMethods() {
    }

    static List<MethodFamily> of(TypeInfo type, TypeIndex index) {
        Map<String, List<MethodInfo>> bySignature = new LinkedHashMap<>();
        List<TypeInfo> chain = new ArrayList<>();
        chain.add(type);
        chain.addAll(index.allSupertypes(type));
        for (TypeInfo t : chain) {
            for (MethodInfo m : t.methods()) {
                if (m.isStatic()) {
                    continue;
                }
                bySignature.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m);
            }
        }
        List<MethodFamily> out = new ArrayList<>();
        bySignature.forEach((sig, decls) -> out.add(new MethodFamily(sig, decls)));
        return out;
    }

    /** Overrides are matched on name and parameter raw simple types (generics erased to their simple names). */
    private static String key(MethodInfo m) {
        return m.signature();
    }
}
