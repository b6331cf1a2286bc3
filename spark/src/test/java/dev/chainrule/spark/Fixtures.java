package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.DType;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;

/** Networks, data and comparisons shared by the tests. */
final class Fixtures {

    static final Chainrule CHAINRULE = Chainrule.create("plain");

    private Fixtures() {
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    }

    /** 4 inputs -> 5 tanh -> 4 sigmoid -> 3 relu -> 2 softmax. */
    static Network small(DType dtype, long seed) {
        return CHAINRULE.network(4).dtype(dtype).seed(seed)
                .dense(5, "tanh").dense(4, "sigmoid").dense(3, "relu").dense(2, "softmax").build();
    }

    /** The seed network: 784 inputs -> 256 tanh -> 128 sigmoid -> 64 relu -> 10 softmax. */
    static Network seedNetwork(DType dtype, long seed) {
        return CHAINRULE.network(784).dtype(dtype).seed(seed)
                .dense(256, "tanh").dense(128, "sigmoid").dense(64, "relu").dense(10, "softmax").build();
    }

    /** {@code rows} rows of {@code features} numbers in [-1, 1]. */
    static double[][] features(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][features];
        for (double[] row : x) {
            for (int i = 0; i < features; i++) {
                row[i] = random.nextDouble(-1, 1);
            }
        }
        return x;
    }

    /** One-hot targets of a class that depends on the features (so that there is something to learn). */
    static double[][] oneHotTargets(double[][] x, int classes) {
        double[][] y = new double[x.length][classes];
        for (int r = 0; r < x.length; r++) {
            double sum = 0;
            for (double value : x[r]) {
                sum += value;
            }
            int label = Math.min(classes - 1, (int) ((Math.tanh(sum) + 1) / 2 * classes));
            y[r][label] = 1;
        }
        return y;
    }

    /** The largest difference between the networks' parameters relative to the largest parameter of {@code expected}. */
    static double relativeDifference(Network expected, Network actual) {
        double difference = 0;
        double largest = 0;
        for (int p = 0; p < expected.parameters().size(); p++) {
            Parameter e = expected.parameters().get(p);
            double[] want = e.value().toDoubleArray();
            double[] got = actual.parameters().get(p).value().toDoubleArray();
            for (int i = 0; i < want.length; i++) {
                difference = Math.max(difference, Math.abs(want[i] - got[i]));
                largest = Math.max(largest, Math.abs(want[i]));
            }
        }
        return difference / largest;
    }

    /** Whether the networks' parameters are equal bit for bit. */
    static boolean identical(Network a, Network b) {
        for (int p = 0; p < a.parameters().size(); p++) {
            if (!java.util.Arrays.equals(a.parameters().get(p).value().toDoubleArray(),
                    b.parameters().get(p).value().toDoubleArray())) {
                return false;
            }
        }
        return true;
    }
}
