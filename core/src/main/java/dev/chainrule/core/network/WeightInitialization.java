package dev.chainrule.core.network;

import java.util.SplittableRandom;

/**
 * How a dense layer's weights are drawn at the start. Biases start at zero. Each scheme scales by the layer's
 * fan-in ({@code inputs}) and fan-out ({@code outputs}) to keep the variance of activations and gradients steady
 * through depth.
 */
public enum WeightInitialization {

    /** Glorot and Bengio (2010): uniform in {@code ±sqrt(6 / (in + out))}. Suits tanh, sigmoid and softmax. */
    GLOROT_UNIFORM {
        @Override
        double draw(int inputs, int outputs, SplittableRandom random) {
            double limit = Math.sqrt(6.0 / (inputs + outputs));
            return random.nextDouble(-limit, limit);
        }
    },
    /** Glorot and Bengio (2010): normal with standard deviation {@code sqrt(2 / (in + out))}. */
    GLOROT_NORMAL {
        @Override
        double draw(int inputs, int outputs, SplittableRandom random) {
            return gaussian(random) * Math.sqrt(2.0 / (inputs + outputs));
        }
    },
    /** He et al. (2015): normal with standard deviation {@code sqrt(2 / in)}. Suits the ReLU family. */
    HE_NORMAL {
        @Override
        double draw(int inputs, int outputs, SplittableRandom random) {
            return gaussian(random) * Math.sqrt(2.0 / inputs);
        }
    },
    /** He et al. (2015): uniform in {@code ±sqrt(6 / in)}. */
    HE_UNIFORM {
        @Override
        double draw(int inputs, int outputs, SplittableRandom random) {
            double limit = Math.sqrt(6.0 / inputs);
            return random.nextDouble(-limit, limit);
        }
    },
    /** LeCun (1998): normal with standard deviation {@code sqrt(1 / in)}. Suits SELU. */
    LECUN_NORMAL {
        @Override
        double draw(int inputs, int outputs, SplittableRandom random) {
            return gaussian(random) * Math.sqrt(1.0 / inputs);
        }
    };

    abstract double draw(int inputs, int outputs, SplittableRandom random);

    /** An {@code inputs x outputs} weight matrix in row-major order, drawn from {@code random}. */
    public double[] weights(int inputs, int outputs, SplittableRandom random) {
        double[] weights = new double[inputs * outputs];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = draw(inputs, outputs, random);
        }
        return weights;
    }

    /** The name used in specs and model files, for example {@code he_normal}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The scheme with this label; an unknown label lists the valid ones. */
    public static WeightInitialization fromLabel(String label) {
        for (WeightInitialization scheme : values()) {
            if (scheme.label().equals(label)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown weight initialisation '" + label + "'; valid: "
                + java.util.Arrays.stream(values()).map(WeightInitialization::label).toList());
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so that the numbers depend only on the generator's sequence, not on a JDK implementation.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
