package dev.chainrule.backend.plain;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
     * Runs every task and returns when all have finished. The calling thread and the workers take tasks in turn
     * from a shared counter, so that when a worker is slow to start (another program has the core) the calling
     * thread goes on with the tasks left; a worker that finds none left just ends. A task's exception is rethrown
     * after the other tasks have finished.
     */
    void runAll(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(tasks.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                try {
                    tasks.get(i).run();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int w = 0; w < Math.min(threads, tasks.size()) - 1; w++) {
            workers.execute(take);
        }
        take.run();
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }
}
