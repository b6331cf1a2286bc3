package dev.chainrule.integration.inference;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Small networks trained for one epoch, so that batch normalisation's running statistics and every weight hold
 * numbers of their own: the cases that the predictor's tests run on, on both backends and in both dtypes.
 */
final class TrainedNetworks {

    static final int INPUTS = 12;
    static final int CLASSES = 5;

    private TrainedNetworks() {
    }

    /** Every backend with every dtype. */
    static Stream<Arguments> backendsAndDTypes() {
        return Stream.of("plain", "nd4j").flatMap(backend -> Stream.of(DType.FLOAT32, DType.FLOAT64)
                .map(dtype -> Arguments.of(backend, dtype)));
    }

    /**
     * {@value #INPUTS} inputs, 16 tanh, batch_norm, dropout(0.3), 8 relu, then {@value #CLASSES} outputs with
     * {@code output} (an activation spec), trained for one epoch on random rows.
     */
    static Network trained(String backend, DType dtype, String output) {
        Chainrule chainrule = Chainrule.create(backend);
        Network network = chainrule.network(INPUTS).dense(16, "tanh").layer("batch_norm").layer("dropout(0.3)")
                .dense(8, "relu").dense(CLASSES, output).dtype(dtype).seed(11).build();
        String loss = output.equals("softmax") ? "categorical_cross_entropy" : "mse";
        chainrule.trainer().fit(network, data(64, 3), chainrule.training(loss, "adam(lr=0.01)").epochs(1).batchSize(16)
                .seed(2).build());
        return network;
    }

    /** {@code count} random rows of {@value #INPUTS} inputs, row-major. */
    static double[] rows(int count, long seed) {
        return new SplittableRandom(seed).doubles((long) count * INPUTS, -2, 2).toArray();
    }

    private static Dataset data(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] targets = new double[count * CLASSES];
        for (int r = 0; r < count; r++) {
            targets[r * CLASSES + random.nextInt(CLASSES)] = 1;
        }
        return new Dataset(rows(count, seed), INPUTS, targets, CLASSES);
    }
}
