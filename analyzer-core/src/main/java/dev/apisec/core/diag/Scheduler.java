package dev.apisec.core.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The scan's only source of threads, sized by {@code --threads}: every parallel step of the analysis runs through
 * one of these. With {@code n} threads, work runs on the calling thread and on at most {@code n - 1} helper threads
 * (daemons, started on first use), so {@code --threads 1} analyses everything on the caller's thread.
 *
 * <p>The calling thread always takes part in the work it submits, and helpers that have not started when the items
 * run out are cancelled rather than awaited. A parallel step started from inside another one (a fact computed
 * lazily while a rule runs on a helper) therefore never waits for a thread that cannot come: it completes on its
 * own caller if need be. Results are returned in item order, never in completion order.
 */
public final class Scheduler implements AutoCloseable {

    private final int threads;
    private final AtomicInteger started = new AtomicInteger();
    private volatile ExecutorService helpers;

    public Scheduler(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /** How many threads may work at once, the caller's included. */
    public int threads() {
        return threads;
    }

    /** How many helper threads have been started so far (never more than {@code threads() - 1}). */
    public int helperThreadsStarted() {
        return started.get();
    }

    /**
     * Runs {@code action} on every item; each thread takes the next item when it is done with one (items of very
     * different cost keep every thread busy until the list is exhausted). The action must be thread-safe; an
     * exception it throws is rethrown here once every thread has stopped.
     */
    public <T> void each(List<T> items, Consumer<? super T> action) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null;
                 i = next.getAndIncrement()) {
                try {
                    action.accept(items.get(i));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helperCount = Math.min(items.size() - 1, threads - 1);
        List<AtomicInteger> states = new ArrayList<>(); // per helper: 0 not started, 1 running, 2 called off
        List<Future<?>> submitted = new ArrayList<>();
        for (int h = 0; h < helperCount; h++) {
            AtomicInteger state = new AtomicInteger();
            states.add(state);
            submitted.add(pool().submit(() -> {
                if (state.compareAndSet(0, 1)) {
                    worker.run();
                }
            }));
        }
        worker.run();
        for (int h = 0; h < helperCount; h++) {
            if (states.get(h).compareAndSet(0, 2)) {
                continue; // never started, and now never will: nothing to wait for
            }
            try {
                submitted.get(h).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan interrupted", e);
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
    }

    /** {@code function} applied to every item, in parallel; the results in item order. */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        List<Integer> indexes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            indexes.add(i);
        }
        Object[] results = new Object[items.size()];
        each(indexes, i -> results[i] = function.apply(items.get(i)));
        List<R> out = new ArrayList<>(items.size());
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R cast = (R) r;
            out.add(cast);
        }
        return out;
    }

    /** Runs every task in parallel; their results in task order. */
    public <T> List<T> invokeAll(List<? extends Callable<T>> tasks) {
        return map(tasks, task -> {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ExecutorService pool() {
        ExecutorService p = helpers;
        if (p == null) {
            synchronized (this) {
                p = helpers;
                if (p == null) {
                    p = Executors.newFixedThreadPool(threads - 1, r -> {
                        Thread t = new Thread(r, "apisec-worker-" + started.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    helpers = p;
                }
            }
        }
        return p;
    }

    /** Stops the helper threads; the scheduler must not be used afterwards. */
    @Override
    public void close() {
        ExecutorService p = helpers;
        if (p != null) {
            p.shutdownNow();
        }
    }
}
