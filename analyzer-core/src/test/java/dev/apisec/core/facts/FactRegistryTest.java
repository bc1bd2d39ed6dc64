package dev.apisec.core.facts;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.diag.Scheduler;
import dev.apisec.core.lang.TypeIndex;
import dev.apisec.core.parse.JavaSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FactRegistryTest {

    private final Scheduler scheduler = new Scheduler(4);

    @AfterEach
    void closeScheduler() {
        scheduler.close();
    }

    private ProjectInputs inputs() {
        Notifications notifications = new Notifications();
        TypeIndex types = new TypeIndex(new JavaSources(notifications, 16), Map.of());
        return new ProjectInputs(types, List.of(), List.of(), List.of(), notifications, scheduler,
                AnalysisOptions.defaults());
    }

    private static <T> FactProvider<T> provider(FactKey<T> key, List<FactKey<?>> deps, Function<Facts, T> f) {
        return FactProvider.of(key, deps, f);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFactIsComputedOnceWhenEightThreadsAskAtOnce() throws Exception {
        FactKey<List<String>> key = FactKey.named("slow");
        AtomicInteger computations = new AtomicInteger();
        FactRegistry registry = new FactRegistry().register(provider(key, List.of(), f -> {
            computations.incrementAndGet();
            sleep(50);
            return List.of("value");
        }));
        Facts facts = registry.open(inputs());

        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Object> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    results.add(facts.get(key));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            started.add(t);
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (Thread t : started) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }

        assertThat(failures).isEmpty();
        assertThat(computations).hasValue(1);
        assertThat(results).hasSize(threads);
        Object first = results.get(0);
        assertThat(results).allSatisfy(r -> assertThat(r).isSameAs(first));
        assertThat(facts.get(key)).isSameAs(first); // and still the same value afterwards
        assertThat(computations).hasValue(1);
    }

    @Test
    void aSharedDependencyIsComputedOnceWhenAskedFromTheSchedulerThreads() {
        FactKey<Integer> base = FactKey.named("base");
        AtomicInteger baseComputations = new AtomicInteger();
        FactRegistry registry = new FactRegistry().register(provider(base, List.of(), f -> {
            baseComputations.incrementAndGet();
            sleep(30);
            return 21;
        }));
        List<FactKey<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FactKey<Integer> k = FactKey.named("dependent" + i);
            dependents.add(k);
            registry.register(provider(k, List.of(base), f -> f.get(base) * 2));
        }
        Facts facts = registry.open(inputs());

        List<Integer> values = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> scheduler.map(dependents, facts::get));

        assertThat(values).hasSize(8).containsOnly(42);
        assertThat(baseComputations).hasValue(1);
    }

    @Test
    void dependenciesAreReadThroughFactsAndComputedLazily() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> b = FactKey.named("b");
        FactKey<String> unused = FactKey.named("unused");
        AtomicInteger aRuns = new AtomicInteger();
        AtomicInteger bRuns = new AtomicInteger();
        AtomicInteger unusedRuns = new AtomicInteger();
        FactRegistry registry = new FactRegistry()
                .register(provider(b, List.of(), f -> {
                    bRuns.incrementAndGet();
                    return "B";
                }))
                .register(provider(a, List.of(b), f -> {
                    aRuns.incrementAndGet();
                    return "A(" + f.get(b) + ")";
                }))
                .register(provider(unused, List.of(), f -> {
                    unusedRuns.incrementAndGet();
                    return "never";
                }));

        Facts facts = registry.open(inputs());
        assertThat(aRuns).hasValue(0); // opening computes nothing
        assertThat(bRuns).hasValue(0);

        assertThat(facts.get(a)).isEqualTo("A(B)");
        assertThat(aRuns).hasValue(1);
        assertThat(bRuns).hasValue(1); // computed on demand, by a's provider
        assertThat(facts.get(b)).isEqualTo("B");
        assertThat(bRuns).hasValue(1); // memoized: asking again does not recompute
        assertThat(facts.get(a)).isEqualTo("A(B)");
        assertThat(aRuns).hasValue(1);
        assertThat(unusedRuns).hasValue(0); // nobody asked for it
    }

    @Test
    void eachOpenedAnalysisComputesItsOwnFacts() {
        FactKey<Integer> key = FactKey.named("counted");
        AtomicInteger runs = new AtomicInteger();
        FactRegistry registry = new FactRegistry().register(provider(key, List.of(), f -> runs.incrementAndGet()));
        assertThat(registry.open(inputs()).get(key)).isEqualTo(1);
        assertThat(registry.open(inputs()).get(key)).isEqualTo(2);
    }

    @Test
    void providersSeeTheProjectInputs() {
        FactKey<Set<Object>> key = FactKey.named("inputs");
        ProjectInputs inputs = inputs();
        FactRegistry registry = new FactRegistry().register(provider(key, List.of(), f -> Set.of(
                f.types(), f.scheduler(), f.options(), f.notifications())));
        assertThat(registry.open(inputs).get(key))
                .containsExactlyInAnyOrder(inputs.types(), inputs.scheduler(), inputs.options(),
                        inputs.notifications());
    }

    @Test
    void twoProvidersOfOneKeyAreRejected() {
        FactKey<String> key = FactKey.named("dup");
        FactRegistry registry = new FactRegistry().register(provider(key, List.of(), f -> "first"));

        assertThatThrownBy(() -> registry.register(provider(key, List.of(), f -> "second")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dup");
        assertThat(registry.open(inputs()).get(key)).isEqualTo("first"); // the first one stays
    }

    @Test
    void keysAreComparedByIdentityNotByName() {
        FactKey<String> one = FactKey.named("same");
        FactKey<String> other = FactKey.named("same");
        FactRegistry registry = new FactRegistry().register(provider(one, List.of(), f -> "one"));

        assertThatCode(() -> registry.register(provider(other, List.of(), f -> "other")))
                .doesNotThrowAnyException();
        Facts facts = registry.open(inputs());
        assertThat(facts.get(one)).isEqualTo("one");
        assertThat(facts.get(other)).isEqualTo("other");
    }

    @Test
    void aTwoCycleIsRejectedAtRegistrationNamingThePath() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> b = FactKey.named("b");
        FactRegistry registry = new FactRegistry().register(provider(b, List.of(a), f -> "b"));

        assertThatThrownBy(() -> registry.register(provider(a, List.of(b), f -> "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("a -> b -> a");
        assertThat(registry.provides(a)).isFalse(); // the rejected provider is not kept
        assertThat(registry.provides(b)).isTrue();
    }

    @Test
    void aThreeCycleIsRejectedAtRegistrationNamingThePath() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> b = FactKey.named("b");
        FactKey<String> c = FactKey.named("c");
        FactRegistry registry = new FactRegistry()
                .register(provider(a, List.of(b), f -> "a"))
                .register(provider(b, List.of(c), f -> "b"));

        assertThatThrownBy(() -> registry.register(provider(c, List.of(a), f -> "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c -> a -> b -> c");
        assertThat(registry.provides(c)).isFalse();
    }

    @Test
    void aSelfDependencyIsRejectedAtRegistration() {
        FactKey<String> a = FactKey.named("a");
        FactRegistry registry = new FactRegistry();

        assertThatThrownBy(() -> registry.register(provider(a, List.of(a), f -> "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a -> a");
        assertThat(registry.provides(a)).isFalse();
    }

    @Test
    void aDiamondIsNotACycle() {
        FactKey<String> top = FactKey.named("top");
        FactKey<String> left = FactKey.named("left");
        FactKey<String> right = FactKey.named("right");
        FactKey<String> bottom = FactKey.named("bottom");
        AtomicInteger bottomRuns = new AtomicInteger();
        FactRegistry registry = new FactRegistry()
                .register(provider(bottom, List.of(), f -> {
                    bottomRuns.incrementAndGet();
                    return "x";
                }))
                .register(provider(left, List.of(bottom), f -> "L" + f.get(bottom)))
                .register(provider(right, List.of(bottom), f -> "R" + f.get(bottom)));

        assertThatCode(() -> registry.register(provider(top, List.of(left, right),
                f -> f.get(left) + f.get(right)))).doesNotThrowAnyException();
        assertThat(registry.open(inputs()).get(top)).isEqualTo("LxRx");
        assertThat(bottomRuns).hasValue(1);
    }

    @Test
    void openFailsWhenADependencyHasNoProvider() {
        FactKey<String> a = FactKey.named("needy");
        FactKey<String> missing = FactKey.named("missing");
        FactRegistry registry = new FactRegistry().register(provider(a, List.of(missing), f -> f.get(missing)));

        assertThatThrownBy(() -> registry.open(inputs()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needy")
                .hasMessageContaining("missing");
    }

    @Test
    void openSucceedsOnceTheMissingDependencyIsRegistered() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> later = FactKey.named("later");
        FactRegistry registry = new FactRegistry().register(provider(a, List.of(later), f -> "a" + f.get(later)));
        assertThatThrownBy(() -> registry.open(inputs())).isInstanceOf(IllegalStateException.class);

        registry.register(provider(later, List.of(), f -> "!"));
        assertThat(registry.open(inputs()).get(a)).isEqualTo("a!");
    }

    @Test
    void readingAnUndeclaredFactFailsNamingBothFacts() {
        FactKey<String> reader = FactKey.named("sneaky-reader");
        FactKey<String> secret = FactKey.named("undeclared-fact");
        FactRegistry registry = new FactRegistry()
                .register(provider(secret, List.of(), f -> "secret"))
                .register(provider(reader, List.of(), f -> f.get(secret)));
        Facts facts = registry.open(inputs());

        assertThatThrownBy(() -> facts.get(reader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sneaky-reader")
                .hasMessageContaining("undeclared-fact");
    }

    @Test
    void aProviderMayReadOnlyItsDirectDependenciesNotTransitiveOnes() {
        FactKey<String> top = FactKey.named("top");
        FactKey<String> mid = FactKey.named("mid");
        FactKey<String> low = FactKey.named("low");
        FactRegistry registry = new FactRegistry()
                .register(provider(low, List.of(), f -> "low"))
                .register(provider(mid, List.of(low), f -> f.get(low)))
                .register(provider(top, List.of(mid), f -> f.get(low)));

        assertThatThrownBy(() -> registry.open(inputs()).get(top))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("top")
                .hasMessageContaining("low");
    }

    @Test
    void theUnrestrictedViewMayReadAnyFact() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> b = FactKey.named("b");
        FactKey<String> c = FactKey.named("c");
        FactRegistry registry = new FactRegistry()
                .register(provider(a, List.of(), f -> "A"))
                .register(provider(b, List.of(), f -> "B"))
                .register(provider(c, List.of(a), f -> f.get(a) + "C"));
        Facts facts = registry.open(inputs());

        assertThat(facts.get(b)).isEqualTo("B");
        assertThat(facts.get(c)).isEqualTo("AC");
        assertThat(facts.get(a)).isEqualTo("A");
    }

    @Test
    void askingForAFactNobodyProvidesFails() {
        FactKey<String> unknown = FactKey.named("unknown");
        Facts facts = new FactRegistry().open(inputs());

        assertThatThrownBy(() -> facts.get(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown");
    }

    @Test
    void providesReportsRegisteredKeys() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> b = FactKey.named("b");
        FactRegistry registry = new FactRegistry().register(provider(a, List.of(), f -> "a"));
        assertThat(registry.provides(a)).isTrue();
        assertThat(registry.provides(b)).isFalse();
    }

    @Test
    void factKeyAndProviderDescribeThemselvesByName() {
        FactKey<String> key = FactKey.named("cors-policies");
        FactProvider<String> p = provider(key, List.of(), f -> "x");
        assertThat(key.name()).isEqualTo("cors-policies");
        assertThat(key).hasToString("cors-policies");
        assertThat(p.key()).isSameAs(key);
        assertThat(p.dependencies()).isEmpty();
        assertThat(p.toString()).contains("cors-policies");
    }

    @Test
    void providerDependenciesAreACopyOfTheGivenList() {
        FactKey<String> a = FactKey.named("a");
        FactKey<String> b = FactKey.named("b");
        List<FactKey<?>> deps = new ArrayList<>(List.of(b));
        FactProvider<String> p = provider(a, deps, f -> "a");
        deps.clear();
        assertThat(p.dependencies()).containsExactly(b);
        assertThatThrownBy(() -> p.dependencies().add(a)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void projectInputsCopiesItsLists() {
        Notifications notifications = new Notifications();
        TypeIndex types = new TypeIndex(new JavaSources(notifications, 16), Map.of());
        List<dev.apisec.core.model.Endpoint> endpoints = new ArrayList<>();
        ProjectInputs inputs = new ProjectInputs(types, endpoints, new ArrayList<>(), new ArrayList<>(),
                notifications, scheduler, AnalysisOptions.defaults());
        assertThatThrownBy(() -> inputs.endpoints().add(null)).isInstanceOf(UnsupportedOperationException.class);
        Facts facts = new FactRegistry().open(inputs);
        assertThat(facts.endpoints()).isEmpty();
        assertThat(facts.configProperties()).isEmpty();
        assertThat(facts.configFiles()).isEmpty();
        assertThat(facts.configProperty("server.port")).isEmpty();
    }
}
