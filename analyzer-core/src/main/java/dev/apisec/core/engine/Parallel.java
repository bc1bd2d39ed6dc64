package dev.apisec.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs tasks on the scan's pool and returns their results in task order (so results never depend on timing). */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Runs {@code action} on every item, on the calling thread and on as many common-pool threads as the pool's
     * parallelism, each thread taking the next item when it is done with one (no static split: items of very
     * different cost keep every thread busy until the list is exhausted). The action must be thread-safe; results
     * must be collected by key, not in completion order.
     */
    public static <T> void eachPulled(List<T> items, java.util.function.Consumer<T> action) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                action.accept(items.get(i));
            }
        };
        int helpers = Math.max(0, Math.min(items.size() - 1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
        List<java.util.concurrent.ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(worker));
        }
        worker.run();
        for (java.util.concurrent.ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }

    public static <T> List<T> invokeAll(ExecutorService pool, List<Callable<T>> tasks) {
        try {
            List<T> out = new ArrayList<>(tasks.size());
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
