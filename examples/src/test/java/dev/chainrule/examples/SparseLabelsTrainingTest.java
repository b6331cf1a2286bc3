package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Accuracy;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.examples.data.Digits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The digits classifier trained on class labels with {@code sparse_categorical_cross_entropy} ends with the same
 * weights as when trained on the same labels one-hot with {@code categorical_cross_entropy}, on every usable backend,
 * with the fused softmax gradient and without it.
 *
 * <p>Why they are equal, not merely close: the sparse loss turns each label into its one-hot row
 * ({@code [0 1 ... k-1] == label}, exact zeros and a one, the same numbers the loader writes) and from there runs the
 * very same cross-entropy code as the categorical loss. With one seed both runs start from the same weights and visit
 * the batches in the same order, so every step performs the same floating-point operations on the same numbers. The
 * tolerance below is therefore only a formality; the weights agree bit for bit.
 */
class SparseLabelsTrainingTest {

    private static final Dataset ONE_HOT = Digits.load();
    private static final Dataset LABELS = labelsOf(ONE_HOT);

    static Stream<Arguments> backendsWithAndWithoutFusing() {
        Chainrule discovery = Chainrule.create();
        return discovery.plugins().backends().entries().stream().map(PluginEntry::plugin)
                .filter(backend -> backend.availability().usable()).map(TensorBackend::name)
                .flatMap(name -> Stream.of(true, false).map(fused -> Arguments.of(name, fused)));
    }

    @ParameterizedTest(name = "on {0}, fused output gradient {1}")
    @MethodSource("backendsWithAndWithoutFusing")
    void sparseLabelsTrainTheSameWeightsAsOneHotTargets(String backend, boolean fused) {
        Chainrule chainrule = Chainrule.create(backend);
        Trained categorical = train(chainrule, "categorical_cross_entropy", ONE_HOT, fused);
        Trained sparse = train(chainrule, "sparse_categorical_cross_entropy", LABELS, fused);

        assertTrue(categorical.history().last().accuracy().orElseThrow() > 0.9,
                () -> "the classifier did not learn: " + categorical.history().last());
        assertEquals(categorical.history().last().loss(), sparse.history().last().loss(), 1e-12);
        List<Parameter> expected = categorical.network().parameters();
        List<Parameter> actual = sparse.network().parameters();
        for (int p = 0; p < expected.size(); p++) {
            assertArrayEquals(expected.get(p).value().toDoubleArray(), actual.get(p).value().toDoubleArray(), 1e-12,
                    expected.get(p).name());
        }
    }

    private static Trained train(Chainrule chainrule, String loss, Dataset data, boolean fused) {
        Network network = chainrule.network(Digits.FEATURES).dense(32, "tanh").dense(Digits.CLASSES, "softmax")
                .dtype(DType.FLOAT64).seed(7).build();
        TrainingHistory history = chainrule.trainer().fit(network, data,
                chainrule.training(loss, "sgd(lr=0.1, momentum=0.9)").epochs(3).batchSize(32).seed(11)
                        .fusedOutputGradient(fused).build());
        return new Trained(network, history);
    }

    /** The digits with each one-hot target row replaced by its class label, a single column. */
    private static Dataset labelsOf(Dataset oneHot) {
        double[] labels = new double[oneHot.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = Accuracy.argmax(oneHot.targets(), r * Digits.CLASSES, Digits.CLASSES);
        }
        return new Dataset(oneHot.features(), Digits.FEATURES, labels, 1);
    }

    private record Trained(Network network, TrainingHistory history) {
    }
}
