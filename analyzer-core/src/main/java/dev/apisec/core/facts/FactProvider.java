package dev.apisec.core.facts;

import java.util.List;
import java.util.function.Function;

/**
 * Computes one fact from the project's inputs and from the facts it declares as dependencies. A provider is
 * called at most once per analysis, lazily, when some rule or other provider first asks for its fact; it may only
 * read the facts it declared (reading another one fails, so the declared graph is the real one).
 *
 * @param <T> the fact's type
 */
public interface FactProvider<T> {

    FactKey<T> key();

    /** The facts {@link #compute} reads. */
    List<FactKey<?>> dependencies();

    T compute(Facts facts);

    /** A provider from a function. */
    static <T> FactProvider<T> of(FactKey<T> key, List<FactKey<?>> dependencies, Function<Facts, T> compute) {
        List<FactKey<?>> deps = List.copyOf(dependencies);
        return new FactProvider<>() {
            @Override
            public FactKey<T> key() {
                return key;
            }

            @Override
            public List<FactKey<?>> dependencies() {
                return deps;
            }

            @Override
            public T compute(Facts facts) {
                return compute.apply(facts);
            }

            @Override
            public String toString() {
                return "provider of " + key;
            }
        };
    }
}
