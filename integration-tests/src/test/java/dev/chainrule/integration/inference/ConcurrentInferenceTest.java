package dev.chainrule.integration.inference;

import static dev.chainrule.integration.inference.TrainedNetworks.CLASSES;
import static dev.chainrule.integration.inference.TrainedNetworks.INPUTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.inference.Predictor;
import dev.chainrule.core.network.ForwardBuffers;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The thread-safety promises, on both backends and dtypes: eight threads sharing one predictor (with fewer pooled
 * contexts than threads, so that contexts are also made and dropped under contention) get exactly the results of
 * sequential calls, through single rows, batches of several sizes and the class helper; and eight threads predicting
 * with one network, each with its own buffers, get exactly the network's sequential outputs.
 */
class ConcurrentInferenceTest {

    private static final int THREADS = 8;
    private static final int ROWS = 30;
    private static final int ROUNDS = 12;
    private static final int[] BATCHES = {1, 3, 7};

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.integration.inference.TrainedNetworks#backendsAndDTypes")
    void eightThreadsSharingOnePredictorGetTheSequentialResults(String backend, DType dtype) throws Exception {
        Predictor predictor = Predictor.of(TrainedNetworks.trained(backend, dtype, "softmax"), 4, 3);
        double[] inputs = TrainedNetworks.rows(ROWS, 21);
        double[][] single = new double[ROWS][];
        int[] classes = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            single[r] = predictor.predict(row(inputs, r));
            classes[r] = predictor.classify(row(inputs, r));
        }
        double[][] batched = new double[BATCHES.length][];
        for (int b = 0; b < BATCHES.length; b++) {
            batched[b] = predictor.predictRows(slice(inputs, 0, BATCHES[b]), new double[BATCHES[b] * CLASSES]);
        }
        onEightThreads(random -> {
            for (int round = 0; round < ROUNDS; round++) {
                int r = random.nextInt(ROWS);
                assertArrayEquals(single[r], predictor.predict(row(inputs, r), new double[CLASSES]), "row " + r);
                assertEquals(classes[r], predictor.classify(row(inputs, r)), "row " + r);
                int b = random.nextInt(BATCHES.length);
                assertArrayEquals(batched[b], predictor.predictRows(slice(inputs, 0, BATCHES[b]),
                        new double[BATCHES[b] * CLASSES]), "batch of " + BATCHES[b]);
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.integration.inference.TrainedNetworks#backendsAndDTypes")
    void eightThreadsPredictingWithOneNetworkGetItsSequentialOutputs(String backend, DType dtype) throws Exception {
        Network network = TrainedNetworks.trained(backend, dtype, "softmax");
        double[] inputs = TrainedNetworks.rows(ROWS, 23);
        double[][] expected = new double[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            expected[r] = PredictorTest.networkOutputs(network, inputs, r, 1);
        }
        onEightThreads(random -> {
            ForwardBuffers buffers = network.forwardBuffers(1);
            Tensor out = network.backend().zeros(dtype, new Shape(1, CLASSES));
            for (int round = 0; round < ROUNDS; round++) {
                int r = random.nextInt(ROWS);
                Tensor x = PredictorTest.tensor(network, inputs, r, 1);
                assertArrayEquals(expected[r], network.predict(x, out, buffers).toDoubleArray(), "row " + r);
                assertArrayEquals(expected[r], network.predict(x).toDoubleArray(), "row " + r);
            }
        });
    }

    /** Runs {@code work} on eight threads released together, each with a generator of its own; rethrows failures. */
    private static void onEightThreads(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Void>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom random = new SplittableRandom(100 + t);
                Callable<Void> task = () -> {
                    start.await();
                    work.run(random);
                    return null;
                };
                runs.add(pool.submit(task));
            }
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] row(double[] inputs, int r) {
        return slice(inputs, r, 1);
    }

    private static double[] slice(double[] inputs, int start, int count) {
        return Arrays.copyOfRange(inputs, start * INPUTS, (start + count) * INPUTS);
    }

    /** One thread's share of the work. */
    private interface Work {
        void run(SplittableRandom random) throws Exception;
    }
}
