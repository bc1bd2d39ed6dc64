package dev.apisec.core.facts;

import java.util.Objects;

/**
 * The name of one fact of an analysed project (the CORS policies, the security model, the unchecked object
 * accesses, ...). Keys are compared by identity: each fact has one constant, declared next to its provider.
 *
 * @param <T> the fact's type
 */
public final class FactKey<T> {

    private final String name;

    private FactKey(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public static <T> FactKey<T> named(String name) {
        return new FactKey<>(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
