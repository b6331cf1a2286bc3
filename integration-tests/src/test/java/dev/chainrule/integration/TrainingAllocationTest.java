package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingListener;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A training step reuses its buffers: once every batch size has run, the bytes that the training thread allocates per
 * step do not grow with the batch. Measured with {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes}
 * between the ends of consecutive batches of the seed network (784 -> 256 tanh -> 128 sigmoid -> 64 relu -> 10
 * softmax, categorical cross-entropy, FLOAT32) on the plain backend, with SGD and with Adam. Not timed.
 *
 * <p>What remains is a constant: small objects per operation (argument checks, a product's split among threads) and
 * per batch (its result, its random generator). The two batch sizes are chosen so that every matrix product of a
 * step is split among the same number of threads at both, since a product that starts sharing its work allocates a
 * few hundred bytes more; then a leak of even one number per row ({@code 4 x 768} bytes) stands out.
 */
class TrainingAllocationTest {

    private static final int INPUTS = 784;
    private static final int CLASSES = 10;
    private static final int BATCHES = 6;
    /** The first epoch measured. */
    private static final int EPOCHS = 4;
    /**
     * The last epoch that training may run to, waiting for the steady state: on a busy machine the JIT compiles the
     * vector code late, and until then every vector operation is an object.
     */
    private static final int MAX_EPOCHS = 60;
    private static final int SMALL = 256;
    private static final int LARGE = 1024;
    /** What a step may allocate whatever its batch. */
    private static final long CONSTANT_BYTES = 64 * 1024;
    /** How much more a step of {@value #LARGE} rows may allocate than one of {@value #SMALL} rows. */
    private static final long GROWTH_BYTES = 2 * 1024;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void sgdStepAllocatesTheSameWhateverTheBatch() {
        check("sgd(lr=0.05, momentum=0.9)");
    }

    @Test
    void adamStepAllocatesTheSameWhateverTheBatch() {
        check("adam(lr=0.001)");
    }

    @Test
    void aStepThroughNormalisationAndDropoutAllocatesTheSameWhateverTheBatch() {
        check("sgd(lr=0.05)", "256:relu,batch_norm,dropout(0.2),128:tanh,layer_norm,alpha_dropout(0.1),"
                + "gaussian_noise,64:relu");
    }

    /** Convolutions lowered to products, pooling and flatten: the window buffers are kept from step to step. */
    @Test
    void aStepThroughConvolutionsAndPoolingAllocatesTheSameWhateverTheBatch() {
        check("adam(lr=0.001)", List.of("conv2d(filters=2, kernel=3, padding=same, activation=relu)", "max_pool2d(2)",
                "conv2d(filters=2, kernel=3, stride=2, activation=tanh)", "avg_pool2d(kernel=2, stride=1)", "flatten",
                "8:relu"));
    }

    private void check(String optimizer) {
        check(optimizer, "256:tanh,128:sigmoid,64:relu");
    }

    private void check(String optimizer, String layers) {
        check(optimizer, List.of(layers.split(",")));
    }

    private void check(String optimizer, List<String> layers) {
        long small = bytesPerStep(SMALL, optimizer, layers);
        long large = bytesPerStep(LARGE, optimizer, layers);
        assertTrue(large <= CONSTANT_BYTES && small <= CONSTANT_BYTES, "a step allocates " + small + " bytes at batch "
                + SMALL + " and " + large + " at batch " + LARGE + " with " + optimizer + "; at most " + CONSTANT_BYTES
                + " expected");
        assertTrue(large - small <= GROWTH_BYTES, "a step allocates " + small + " bytes at batch " + SMALL + " but "
                + large + " at batch " + LARGE + " with " + optimizer + ": it allocates in proportion to the batch");
    }

    /**
     * The median bytes allocated per step in an epoch of {@value #BATCHES} full batches: from epoch {@value #EPOCHS}
     * on, training stops at the first epoch whose median is at most {@link #CONSTANT_BYTES}, the steady state, or
     * after epoch {@value #MAX_EPOCHS}, whose median is then returned. An allocation that grows with the batch never
     * settles, however long the JIT takes.
     */
    private long bytesPerStep(int batch, String optimizer, List<String> layers) {
        Chainrule chainrule = Chainrule.create("plain");
        NetworkBuilder builder = chainrule.network(new FeatureShape(1, 28, 28));
        for (String layer : layers) {
            String[] dense = layer.split(":");
            if (dense.length == 2) {
                builder.dense(Integer.parseInt(dense[0]), dense[1]);
            } else {
                builder.layer(layer);
            }
        }
        Network network = builder.dense(CLASSES, "softmax").dtype(DType.FLOAT32).seed(3).build();
        long thread = Thread.currentThread().getId();
        long[] median = {Long.MAX_VALUE};
        TrainingListener listener = new TrainingListener() {
            private final List<Long> marks = new ArrayList<>();

            @Override
            public void onBatchEnd(BatchResult result) {
                if (result.epoch() >= EPOCHS) {
                    marks.add(threads.getThreadAllocatedBytes(thread));
                }
            }

            @Override
            public void onEpochEnd(EpochResult result) {
                if (result.epoch() >= EPOCHS) {
                    median[0] = medianStep(marks);
                    marks.clear();
                }
            }

            @Override
            public boolean stopRequested() {
                return median[0] <= CONSTANT_BYTES;
            }
        };
        TrainingConfig config = chainrule.training("categorical_cross_entropy", optimizer).epochs(MAX_EPOCHS)
                .batchSize(batch).seed(5).listener(listener).build();
        chainrule.trainer().fit(network, data(batch * BATCHES), config);
        return median[0];
    }

    private static long medianStep(List<Long> marks) {
        long[] steps = new long[marks.size() - 1];
        for (int i = 1; i < marks.size(); i++) {
            steps[i - 1] = marks.get(i) - marks.get(i - 1);
        }
        Arrays.sort(steps);
        return steps[steps.length / 2];
    }

    private static Dataset data(int rows) {
        SplittableRandom random = new SplittableRandom(17);
        double[] features = random.doubles((long) rows * INPUTS).toArray();
        double[] targets = new double[rows * CLASSES];
        for (int r = 0; r < rows; r++) {
            targets[r * CLASSES + random.nextInt(CLASSES)] = 1;
        }
        return new Dataset(features, INPUTS, targets, CLASSES);
    }
}
