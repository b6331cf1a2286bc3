package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs the same work on one shared plugin instance from several threads at once and demands the results of running
 * it alone: a plugin instance is configuration that a registry hands to every caller, so it must not keep per-call
 * state in its fields.
 */
final class SharedUse {

    static final int THREADS = 4;
    static final int ROUNDS = 12;

    private SharedUse() {
    }

    /**
     * Computes {@code work(t)} for {@code t = 0 .. THREADS - 1} alone, then on {@value #THREADS} threads together for
     * {@value #ROUNDS} rounds each, and asserts every concurrent result equals the lone one bit for bit.
     *
     * @param what names the plugin in failure messages
     * @param work the numbers computed by thread {@code t}, flattened
     */
    static void agreesWithLoneUse(String what, IntFunction<double[]> work) {
        List<double[]> alone = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            alone.add(work.apply(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        assertArrayEquals(alone.get(thread), work.apply(thread), what + " used by " + THREADS
                                + " threads at once computes something else than alone (thread " + thread
                                + ", round " + round + "): it keeps per-call state in a shared instance");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError(what + " failed when used by " + THREADS + " threads at once: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            fail(what + " used by " + THREADS + " threads at once did not finish within a minute (a deadlock?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The arrays joined, for comparing several results of one thread's work at once. */
    static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
