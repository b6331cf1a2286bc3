package dev.chainrule.examples;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingHistory;
import java.util.Locale;

/** Learns XOR, the smallest problem a single layer cannot solve: 2 -> 4 tanh -> 1 sigmoid. */
public final class XorExample {

    private XorExample() {
    }

    /** Trains the XOR network and returns it with its history. */
    public static Result train(Chainrule chainrule, long seed) {
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        Network network = chainrule.network(2).dense(4, "tanh").dense(1, "sigmoid").dtype(DType.FLOAT64).seed(seed).build();
        TrainingHistory history = chainrule.trainer().fit(network, xor,
                chainrule.training("binary_cross_entropy", "sgd(lr=0.5, momentum=0.9)").epochs(500).batchSize(4)
                        .seed(seed).build());
        return new Result(network, history);
    }

    /**
     * A trained XOR network.
     *
     * @param network the network
     * @param history its training history
     */
    public record Result(Network network, TrainingHistory history) {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Result result = train(Chainrule.create(), 1);
        System.out.printf(Locale.ROOT, "final loss %.5f%n", result.history().last().loss());
        double[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] outputs = result.network().predict(inputs);
        for (int i = 0; i < inputs.length; i++) {
            System.out.printf(Locale.ROOT, "%.0f xor %.0f -> %.3f%n", inputs[i][0], inputs[i][1], outputs[i][0]);
        }
    }
}
