package dev.chainrule.integration.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.inference.Predictor;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A predictor's single-row calls allocate nothing in steady state on the plain backend: the seed network (784 -> 256
 * tanh -> 128 sigmoid -> 64 relu -> 10 softmax), measured with the JVM's per-thread allocation counter
 * ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). A property, not a timing: the test runs rounds
 * of calls until three rounds in a row allocate nothing, and fails if that does not happen within
 * {@value #MAX_ROUNDS} rounds, reporting the last round's bytes per call.
 *
 * <p>It runs in a JVM of its own with the scalar kernel ({@code chainrule.plain.kernel=scalar}, set by this module's
 * build), so that it tests Chainrule's own code: no varargs array, {@code Shape} or message string per operation, no
 * buffer per call. With the Vector API kernel the zero also needs C2 to keep the kernel compiled (until then every
 * vector is an object), which a loaded machine does not promise within a test's time; the benchmarks'
 * {@code PredictorLatency} measures that case.
 */
class PredictorAllocationTest {

    private static final int CALLS = 100;
    private static final int MAX_ROUNDS = 400;
    private static final int QUIET_ROUNDS = 3;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(DType.class)
    void singleRowCallsAllocateNothingOnceWarm(DType dtype) {
        Chainrule chainrule = Chainrule.create("plain");
        Network network = chainrule.network(784).dense(256, "tanh").dense(128, "sigmoid").dense(64, "relu")
                .dense(10, "softmax").dtype(dtype).seed(7).build();
        Predictor predictor = Predictor.of(network);
        float[] floatRow = new float[784];
        double[] doubleRow = new double[784];
        for (int i = 0; i < 784; i++) {
            floatRow[i] = (float) Math.sin(i);
            doubleRow[i] = Math.cos(i);
        }
        float[] floatOut = new float[10];
        double[] doubleOut = new double[10];
        int[] best = new int[3];
        long[] sink = new long[1];
        assertEquals(0, bytesPerCallOnceWarm(i -> {
            switch (i % 4) {
                case 0 -> predictor.predict(floatRow, floatOut);
                case 1 -> predictor.predict(doubleRow, doubleOut);
                case 2 -> sink[0] += predictor.classify(floatRow);
                default -> predictor.topK(doubleRow, best);
            }
        }), "bytes per call in steady state, " + dtype + "; outputs " + Arrays.toString(floatOut) + sink[0]);
    }

    /** Bytes per call of the last round run: 0 once {@value #QUIET_ROUNDS} rounds in a row allocated nothing. */
    private double bytesPerCallOnceWarm(IntConsumer call) {
        long thread = Thread.currentThread().getId();
        int quiet = 0;
        double last = Double.NaN;
        for (int round = 0; round < MAX_ROUNDS && quiet < QUIET_ROUNDS; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < CALLS; i++) {
                call.accept(i);
            }
            long bytes = threads.getThreadAllocatedBytes(thread) - before;
            last = bytes / (double) CALLS;
            quiet = bytes == 0 ? quiet + 1 : 0;
        }
        return last;
    }
}
