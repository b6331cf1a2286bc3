package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.inference.Predictor;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The predictor's steady state on one backend, outside JMH: the bytes one batch-1 call allocates, read from the JVM's
 * per-thread allocation counter ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes}) over many calls,
 * the median and 99th-percentile latency of single calls, and batch-1024 samples per second:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.chainrule.benchmarks.PredictorLatency [plain|nd4j]
 * </pre>
 * It warms up until a round of calls allocates nothing (at most {@value #WARM_ROUNDS} rounds), so that what it
 * reports is the JIT-compiled path. Beside the latency it prints the {@link WeightStreamFloor}: the time one core
 * takes just to read the network's parameters, below which no single-threaded batch-1 call can go.
 */
public final class PredictorLatency {

    private static final int CALLS = 2_000;
    private static final int WARM_ROUNDS = 100;
    private static final int TIMED_CALLS = 20_000;
    private static final int BATCHES = 20;
    private static final int BATCH = 1024;

    private PredictorLatency() {
    }

    /**
     * Measures and prints one line.
     *
     * @param args the backend, {@code plain} by default
     */
    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : SummaryTable.PLAIN;
        System.out.println(measure(backend));
    }

    /** The line for {@code backend}: bytes per call, latency percentiles, batch-1024 samples/s and the load. */
    static String measure(String backend) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Predictor single = Predictor.of(SeedNetwork.build(Chainrule.create(backend)), 1, 1);
        float[] row = SeedNetwork.pixels(1, 5);
        float[] out = new float[SeedNetwork.CLASSES];
        double bytesPerCall = Double.NaN;
        for (int round = 0; round < WARM_ROUNDS && bytesPerCall != 0; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < CALLS; i++) {
                single.predict(row, out);
            }
            bytesPerCall = (threads.getThreadAllocatedBytes(thread) - before) / (double) CALLS;
        }
        long[] nanos = new long[TIMED_CALLS];
        for (int i = 0; i < TIMED_CALLS; i++) {
            long start = System.nanoTime();
            single.predict(row, out);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Predictor batched = Predictor.of(single.network(), BATCH, 1);
        float[] rows = SeedNetwork.pixels(BATCH, 6);
        float[] outputs = new float[BATCH * SeedNetwork.CLASSES];
        batched.predictRows(rows, outputs);
        long start = System.nanoTime();
        for (int b = 0; b < BATCHES; b++) {
            batched.predictRows(rows, outputs);
        }
        double samplesPerSecond = (double) BATCHES * BATCH / ((System.nanoTime() - start) / 1e9);
        long weights = single.network().parameterCount();
        double floor = WeightStreamFloor.medianMicros(weights, TIMED_CALLS);
        return String.format(Locale.ROOT, "predictor on %s, seed network, FLOAT32: batch 1 allocates %.1f bytes per "
                + "call (per-thread counter, %d calls), latency median %.1f µs, p99 %.1f µs (%d calls); reading its "
                + "%,d parameters once takes %.1f µs on one core (median, the floor for batch 1); batch %d: "
                + "%,.0f samples/s; load average %.1f", backend, bytesPerCall, CALLS, nanos[TIMED_CALLS / 2] / 1e3,
                nanos[TIMED_CALLS * 99 / 100] / 1e3, TIMED_CALLS, weights, floor, BATCH, samplesPerSecond,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
