package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import java.util.SplittableRandom;

/**
 * The network of the benchmarks, the seed network: 784 inputs, 256 tanh, 128 sigmoid, 64 relu and 10 softmax
 * units, FLOAT32, trained with categorical cross-entropy in batches of {@value #BATCH}.
 */
final class SeedNetwork {

    /** Inputs: a 28x28 image. */
    static final int INPUTS = 784;
    /** Outputs: ten classes. */
    static final int CLASSES = 10;
    /** Dense layers. */
    static final int LAYERS = 4;
    /** The training batch. */
    static final int BATCH = 128;
    /** The loss. */
    static final String LOSS = "categorical_cross_entropy";
    /** The trainable numbers of the dense layers' weights: {@code 784*256 + 256*128 + 128*64 + 64*10}. */
    static final long WEIGHTS = 784L * 256 + 256L * 128 + 128L * 64 + 64L * 10;

    private SeedNetwork() {
    }

    /** A freshly initialised seed network on {@code chainrule}'s backend. */
    static Network build(Chainrule chainrule) {
        return chainrule.network(INPUTS).dense(256, "tanh").dense(128, "sigmoid").dense(64, "relu")
                .dense(CLASSES, "softmax").dtype(DType.FLOAT32).seed(7).build();
    }

    /** {@code rows} rows of random pixels in [0, 1), row-major, from {@code seed}. */
    static float[] pixels(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[rows * INPUTS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        return pixels;
    }

    /** The optimizer spec for a short name: {@code sgd} or {@code adam}. */
    static String optimizer(String name) {
        return switch (name) {
            case "sgd" -> "sgd(lr=0.05)";
            case "adam" -> "adam(lr=0.001)";
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; sgd or adam");
        };
    }
}
