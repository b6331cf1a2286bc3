package dev.chainrule.backend.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that share the work of a large product: the calling thread and {@code threads - 1} daemon workers,
 * started on first use. The system property {@value #PROPERTY} sets the number of threads; the default is
 * {@link Runtime#availableProcessors()}.
 */
final class ComputePool {

    /** The system property that sets the number of threads. */
    static final String PROPERTY = "chainrule.plain.threads";

    private final int threads;
    private final ExecutorService workers;

    ComputePool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a compute pool needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "chainrule-plain-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The number of threads from the property's value, {@code null} meaning the number of processors. */
    static int threadsFrom(String property) {
        if (property == null || property.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(property.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a whole number >= 1, got '" + property + "'");
    }

    /** How many threads share a product. */
    int threads() {
        return threads;
    }

    /**
     * Runs every task, the first on the calling thread and the others on the workers, and returns when all have
     * finished. A task's exception is rethrown after the others have finished.
     */
    void runAll(List<Runnable> tasks) {
        List<Future<?>> started = new ArrayList<>(tasks.size());
        for (Runnable task : tasks.subList(1, tasks.size())) {
            started.add(workers.submit(task));
        }
        RuntimeException failure = null;
        try {
            tasks.get(0).run();
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> future : started) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
