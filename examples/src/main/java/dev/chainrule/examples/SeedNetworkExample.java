package dev.chainrule.examples;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Evaluation;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.examples.data.Digits;
import java.util.Locale;

/**
 * The seed network: one hidden layer each of tanh, sigmoid and ReLU, softmax output, trained on the embedded
 * handwritten digits. Backpropagation applies each layer's own activation derivative through the chain rule.
 */
public final class SeedNetworkExample {

    private SeedNetworkExample() {
    }

    /** Trains the seed network on 80% of the digits and evaluates it on the other 20%. */
    public static Result run(Chainrule chainrule, long seed, int epochs, TrainingListener listener) {
        Dataset.Split split = Digits.load().split(0.8, seed);
        Network network = chainrule.network(Digits.FEATURES)
                .dense(64, "tanh").dense(48, "sigmoid").dense(32, "relu").dense(Digits.CLASSES, "softmax")
                .seed(seed).build();
        TrainingConfig config = chainrule.training("categorical_cross_entropy", "sgd(lr=0.05, momentum=0.9)")
                .epochs(epochs).batchSize(32).seed(seed).listener(listener).build();
        TrainingHistory history = chainrule.trainer().fit(network, split.first(), config);
        Evaluation test = Evaluator.evaluate(network, config.loss(), split.second(), 256);
        return new Result(network, history, test);
    }

    /**
     * A trained seed network.
     *
     * @param network the network
     * @param history its training history
     * @param test    loss and accuracy on the held-out rows
     */
    public record Result(Network network, TrainingHistory history, Evaluation test) {
    }

    /** Runs the example and prints progress and the test accuracy. */
    public static void main(String[] args) {
        Chainrule chainrule = Chainrule.create();
        System.out.println("seed network on digits, backend " + chainrule.backend().name());
        Result result = run(chainrule, 42, 30, new TrainingListener() {
            @Override
            public void onEpochEnd(dev.chainrule.core.training.EpochResult epoch) {
                System.out.printf(Locale.ROOT, "epoch %2d  loss %.4f  accuracy %.3f%n", epoch.epoch(), epoch.loss(),
                        epoch.accuracy().orElse(Double.NaN));
            }
        });
        System.out.println(result.network());
        System.out.printf(Locale.ROOT, "test accuracy %.2f%% on %d held-out digits%n",
                100 * result.test().accuracy().orElseThrow(), result.test().rows());
    }
}
