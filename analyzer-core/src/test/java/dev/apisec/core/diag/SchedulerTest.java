package dev.apisec.core.diag;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SchedulerTest {

    /** Items whose cost varies a lot, so that completion order differs from item order. */
    private static final List<Integer> VARYING_COST = List.of(40, 0, 25, 1, 30, 2, 15, 0, 10, 5, 20, 3);

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mapReturnsResultsInItemOrderNotCompletionOrder() {
        try (Scheduler scheduler = new Scheduler(4)) {
            List<String> results = scheduler.map(VARYING_COST, cost -> {
                sleep(cost);
                return "r" + cost;
            });
            assertThat(results).containsExactlyElementsOf(VARYING_COST.stream().map(c -> "r" + c).toList());
        }
    }

    @Test
    void invokeAllReturnsResultsInTaskOrder() {
        try (Scheduler scheduler = new Scheduler(3)) {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < VARYING_COST.size(); i++) {
                int index = i;
                int cost = VARYING_COST.get(i);
                tasks.add(() -> {
                    sleep(cost);
                    return index;
                });
            }
            assertThat(scheduler.invokeAll(tasks))
                    .containsExactlyElementsOf(IntStream.range(0, tasks.size()).boxed().toList());
        }
    }

    @Test
    void invokeAllWrapsACheckedExceptionInIllegalStateException() {
        try (Scheduler scheduler = new Scheduler(2)) {
            Exception checked = new Exception("checked");
            List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
                throw checked;
            });
            assertThatThrownBy(() -> scheduler.invokeAll(tasks))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCause(checked);
        }
    }

    @Test
    void oneThreadRunsEverythingOnTheCallerAndStartsNoHelper() {
        try (Scheduler scheduler = new Scheduler(1)) {
            Thread caller = Thread.currentThread();
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Integer> order = new ConcurrentLinkedQueue<>();
            scheduler.each(VARYING_COST, cost -> {
                workers.add(Thread.currentThread());
                order.add(cost);
                sleep(cost / 10);
            });
            List<Integer> mapped = scheduler.map(VARYING_COST, cost -> {
                workers.add(Thread.currentThread());
                return cost;
            });

            assertThat(workers).containsExactly(caller);
            assertThat(order).containsExactlyElementsOf(VARYING_COST); // sequential, so in item order
            assertThat(mapped).containsExactlyElementsOf(VARYING_COST);
            assertThat(scheduler.threads()).isEqualTo(1);
            assertThat(scheduler.helperThreadsStarted()).isZero();
        }
    }

    @Test
    void twoThreadsUseAtMostTwoDistinctThreadsAndNameTheHelpers() {
        try (Scheduler scheduler = new Scheduler(2)) {
            Thread caller = Thread.currentThread();
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 3; round++) {
                scheduler.each(VARYING_COST, cost -> {
                    workers.add(Thread.currentThread());
                    sleep(cost / 4 + 1);
                });
            }

            assertThat(workers).hasSizeLessThanOrEqualTo(2).contains(caller);
            assertThat(workers).filteredOn(t -> t != caller)
                    .allSatisfy(t -> assertThat(t.getName()).startsWith("apisec-worker-"));
            assertThat(workers).filteredOn(t -> t != caller).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
            assertThat(scheduler.helperThreadsStarted()).isEqualTo(1);
        }
    }

    @Test
    void helperThreadsNeverExceedThreadsMinusOne() {
        try (Scheduler scheduler = new Scheduler(3)) {
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 5; round++) {
                scheduler.each(VARYING_COST, cost -> {
                    workers.add(Thread.currentThread());
                    sleep(cost / 4 + 1);
                });
            }
            assertThat(workers).hasSizeLessThanOrEqualTo(3);
            assertThat(scheduler.helperThreadsStarted()).isEqualTo(2);
        }
    }

    @Test
    void nestedEachOnTwoThreadsCompletesWithoutDeadlock() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Scheduler scheduler = new Scheduler(2)) {
                AtomicInteger innerRuns = new AtomicInteger();
                List<Integer> outer = List.of(0, 1, 2, 3);
                List<Integer> inner = List.of(0, 1, 2, 3, 4);
                scheduler.each(outer, o -> {
                    sleep(5);
                    scheduler.each(inner, i -> {
                        sleep(2);
                        innerRuns.incrementAndGet();
                    });
                });
                assertThat(innerRuns).hasValue(outer.size() * inner.size());
            }
        });
    }

    @Test
    void nestedMapInsideMapCompletesAndKeepsOrder() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Scheduler scheduler = new Scheduler(2)) {
                List<List<Integer>> result = scheduler.map(List.of(1, 2, 3),
                        o -> scheduler.map(List.of(10, 20, 30), i -> {
                            sleep(1);
                            return o * i;
                        }));
                assertThat(result).containsExactly(List.of(10, 20, 30), List.of(20, 40, 60),
                        List.of(30, 60, 90));
            }
        });
    }

    @Test
    void eachRethrowsTheSameExceptionInstanceAfterTheOthersStop() {
        try (Scheduler scheduler = new Scheduler(3)) {
            RuntimeException boom = new IllegalStateException("boom");
            AtomicInteger running = new AtomicInteger();
            AtomicInteger runningWhenThrown = new AtomicInteger(-1);
            List<Integer> items = IntStream.range(0, 30).boxed().toList();

            assertThatThrownBy(() -> {
                try {
                    scheduler.each(items, i -> {
                        running.incrementAndGet();
                        try {
                            sleep(5);
                            if (i == 3) {
                                throw boom;
                            }
                        } finally {
                            running.decrementAndGet();
                        }
                    });
                } finally {
                    runningWhenThrown.set(running.get());
                }
            }).isSameAs(boom);

            assertThat(runningWhenThrown).hasValue(0); // no action still in flight when each returned
        }
    }

    @Test
    void afterAFailureOnOneThreadNoFurtherItemIsTaken() {
        try (Scheduler scheduler = new Scheduler(1)) {
            Error failure = new AssertionError("stop");
            List<Integer> ran = new ArrayList<>();
            assertThatThrownBy(() -> scheduler.each(List.of(0, 1, 2, 3, 4), i -> {
                ran.add(i);
                if (i == 1) {
                    throw failure;
                }
            })).isSameAs(failure);
            assertThat(ran).containsExactly(0, 1);
        }
    }

    @Test
    void exceptionFromAHelperThreadIsRethrownOnTheCaller() {
        try (Scheduler scheduler = new Scheduler(2)) {
            Thread caller = Thread.currentThread();
            RuntimeException boom = new RuntimeException("helper failed");
            CountDownLatch helperFailed = new CountDownLatch(1);
            // The caller holds on to its item until the helper has failed, so the helper surely takes one.
            assertThatThrownBy(() -> scheduler.each(IntStream.range(0, 20).boxed().toList(), i -> {
                if (Thread.currentThread() != caller) {
                    helperFailed.countDown();
                    throw boom;
                }
                try {
                    helperFailed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).isSameAs(boom);
        }
    }

    @Test
    void zeroThreadsIsRejected() {
        assertThatThrownBy(() -> new Scheduler(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new Scheduler(-3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyListRunsNothingAndReturnsEmptyResults() {
        try (Scheduler scheduler = new Scheduler(4)) {
            AtomicInteger calls = new AtomicInteger();
            scheduler.each(List.<Integer>of(), i -> calls.incrementAndGet());
            assertThat(scheduler.map(List.<Integer>of(), i -> calls.incrementAndGet())).isEmpty();
            assertThat(scheduler.invokeAll(List.<Callable<Integer>>of())).isEmpty();
            assertThat(calls).hasValue(0);
            assertThat(scheduler.helperThreadsStarted()).isZero();
        }
    }

    @Test
    void singleItemRunsOnTheCallerWithoutStartingAHelper() {
        try (Scheduler scheduler = new Scheduler(4)) {
            Thread caller = Thread.currentThread();
            List<Thread> ran = scheduler.map(List.of("only"), s -> Thread.currentThread());
            assertThat(ran).containsExactly(caller);
            assertThat(scheduler.helperThreadsStarted()).isZero();
        }
    }
}
