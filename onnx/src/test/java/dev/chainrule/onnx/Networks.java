package dev.chainrule.onnx;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.network.State;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** Networks and inputs for the export tests, with every parameter and running statistic drawn at random. */
final class Networks {

    private static final Chainrule PLAIN = Chainrule.create("plain");

    private Networks() {
    }

    static Chainrule plain() {
        return PLAIN;
    }

    /** A network taking examples shaped {@code input}, built and randomised like {@link #build}. */
    static Network build(Chainrule chainrule, dev.chainrule.core.network.FeatureShape input, DType dtype, long seed,
            UnaryOperator<NetworkBuilder> layers) {
        Network network = layers.apply(chainrule.network(input).dtype(dtype).seed(seed)).build();
        randomise(network, seed);
        return network;
    }

    /**
     * The layers of {@code specs}, separated by ';': layer specs, and {@code dense:UNITS:ACTIVATION} for dense layers.
     */
    static UnaryOperator<NetworkBuilder> layers(String specs) {
        return builder -> {
            for (String layer : specs.split(";")) {
                if (layer.startsWith("dense:")) {
                    String[] parts = layer.split(":");
                    builder.dense(Integer.parseInt(parts[1]), parts[2]);
                } else {
                    builder.layer(layer);
                }
            }
            return builder;
        };
    }

    /** A network built on {@code chainrule} in {@code dtype}, its tensors randomised from {@code seed}. */
    static Network build(Chainrule chainrule, int inputs, DType dtype, long seed, UnaryOperator<NetworkBuilder> layers) {
        Network network = layers.apply(chainrule.network(inputs).dtype(dtype).seed(seed)).build();
        randomise(network, seed);
        return network;
    }

    private static void randomise(Network network, long seed) {
        Random random = new Random(seed);
        for (Parameter parameter : network.parameters()) {
            randomise(parameter.value(), random, 0);
        }
        for (State state : network.state()) {
            randomise(state.value(), random, state.name().endsWith("var") ? 0.5 : 0);
        }
    }

    private static void randomise(Tensor tensor, Random random, double positiveFloor) {
        double[] values = new double[tensor.shape().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = positiveFloor > 0 ? positiveFloor + random.nextDouble() : random.nextGaussian() * 0.7;
        }
        tensor.backend().assign(values, tensor);
    }

    /** {@code rows x width} numbers, normal with standard deviation 2, so that every piece of a function is hit. */
    static double[][] rows(int rows, int width, long seed) {
        Random random = new Random(seed);
        double[][] out = new double[rows][width];
        for (double[] row : out) {
            for (int c = 0; c < width; c++) {
                row[c] = random.nextGaussian() * 2;
            }
        }
        return out;
    }

    /** Rows rounded to float32, so that both sides start from the same numbers. */
    static double[][] in(DType dtype, double[][] rows) {
        if (dtype == DType.FLOAT64) {
            return rows;
        }
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = new double[rows[r].length];
            for (int c = 0; c < rows[r].length; c++) {
                out[r][c] = (float) rows[r][c];
            }
        }
        return out;
    }

    /** The largest difference between {@code actual} and {@code expected}, relative where |expected| > 1. */
    static double difference(double[][] expected, double[][] actual) {
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                double gap = Math.abs(expected[r][c] - actual[r][c]) / Math.max(1, Math.abs(expected[r][c]));
                worst = Math.max(worst, Double.isNaN(gap) ? Double.POSITIVE_INFINITY : gap);
            }
        }
        return worst;
    }

    /** 1e-5 for float32, 1e-12 for float64. */
    static double tolerance(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
    }

    static List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.FLOAT64);
    }
}
