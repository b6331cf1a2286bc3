package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.examples.data.Digits;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered optimizer, in its default configuration, trains the seed network (tanh, sigmoid and ReLU hidden
 * layers, softmax output) on a subset of the digits to a lower loss than it started with.
 */
class OptimizersTrainDigitsTest {

    private static final Chainrule CHAINRULE = Chainrule.create("plain");
    private static final Dataset SUBSET = Digits.load().rows(IntStream.range(0, 400).toArray());

    static Stream<Optimizer> optimizers() {
        return CHAINRULE.plugins().optimizers().entries().stream().map(PluginEntry::plugin);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void lowersTheLossOfTheSeedNetwork(Optimizer optimizer) {
        Network network = CHAINRULE.network(Digits.FEATURES)
                .dense(64, "tanh").dense(48, "sigmoid").dense(32, "relu").dense(Digits.CLASSES, "softmax")
                .seed(42).build();
        Loss loss = CHAINRULE.loss("categorical_cross_entropy");
        double before = Evaluator.evaluate(network, loss, SUBSET, 400).loss();

        CHAINRULE.trainer().fit(network, SUBSET, TrainingConfig.builder(loss, optimizer).epochs(2).batchSize(32)
                .seed(42).build());

        double after = Evaluator.evaluate(network, loss, SUBSET, 400).loss();
        assertTrue(after < before, optimizer + ": loss " + before + " before training, " + after + " after");
    }
}
