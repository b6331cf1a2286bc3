package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Approx;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values and gradients of every built-in loss at points whose answers were worked out independently of the code:
 * by {@code src/test/python/loss_reference.py}, which writes each loss from its textbook definition in 30-digit
 * mpmath arithmetic and differentiates it numerically (so no gradient formula is shared with the Java), and by hand
 * in the comments of the extreme cases below. Run on every backend, in FLOAT64 to 1e-12 and in FLOAT32 to 2e-5.
 */
class LossSpotValuesTest {

    /**
     * One reference point. Outputs are {@code 2 x 3}; the default reduction divides the sum of terms by 2.
     *
     * @param clipped whether the point uses the FLOAT64 clipping bound (1e-12), so that it holds in FLOAT64 only
     */
    record Case(String spec, double[][] output, double[][] target, double value, double[][] gradient,
            boolean clipped) {
        @Override
        public String toString() {
            return spec;
        }
    }

    /*
     * Worked by hand, to check the script on the simplest cases: for half_squared_error the differences a - y are
     * {0.5, -0.2, -1.5} and {0.5, -0.7, -0.5}; their squares sum to 2.54 + 0.99 = 3.53, so E = 3.53 / 2 / 2 = 0.8825
     * and dE/da = (a - y) / 2. For multiclass_hinge, row 0 (class 0, score 1.0) violates the margin only at class 1
     * (1 + 0.5 - 1.0 = 0.5), row 1 (class 1, score 0.3) at classes 0 (0.8) and 2 (2.7): E = (0.5 + 3.5) / 2 = 2.0,
     * dE/da = {-1, 1, 0} / 2 and {1, -2, 1} / 2. The last case, probabilities of exactly 0 and 1, is the documented
     * clipping of p and 1 - p to [1e-12, 1 - 1e-12]: the two wrong predictions (row 1) cost -log(1e-12) =
     * 27.631021115928547 each and the two right ones (row 0) -log(1 - 1e-12) = 1e-12 each, so
     * E = (2 * 27.631021115928547 + 2e-12) / 2 = 27.631021115929547, and dE/da = ((1 - y) / (1 - p) - y / p) / 2:
     * {1, -1} / (2 (1 - 1e-12)) in row 0 and {-1e12, 1e12} / 2 in row 1.
     */
    static final List<Case> CASES = List.of(
            new Case("half_squared_error",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    0.8825,
                    new double[][] {{0.25, -0.1, -0.75}, {0.25, -0.35, -0.25}},
                    false),
            new Case("mse",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    1.765,
                    new double[][] {{0.5, -0.2, -1.5}, {0.5, -0.7, -0.5}},
                    false),
            new Case("mse(reduction=mean)",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    0.58833333333333333,
                    new double[][] {{0.16666666666666667, -0.066666666666666667, -0.5}, {0.16666666666666667, -0.23333333333333333, -0.16666666666666667}},
                    false),
            new Case("mse(reduction=sum)",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    3.53,
                    new double[][] {{1.0, -0.4, -3.0}, {1.0, -1.4, -1.0}},
                    false),
            new Case("mse(weights=[1, 2, 0.5])",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    1.405,
                    new double[][] {{0.5, -0.4, -0.75}, {0.5, -1.4, -0.25}},
                    false),
            new Case("mae",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    1.95,
                    new double[][] {{0.5, -0.5, -0.5}, {0.5, -0.5, -0.5}},
                    false),
            new Case("huber",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    0.82,
                    new double[][] {{0.25, -0.1, -0.5}, {0.25, -0.35, -0.25}},
                    false),
            new Case("huber(delta=0.5)",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    0.6225,
                    new double[][] {{0.25, -0.1, -0.25}, {0.25, -0.25, -0.25}},
                    false),
            new Case("smooth_l1",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    0.82,
                    new double[][] {{0.25, -0.1, -0.5}, {0.25, -0.35, -0.25}},
                    false),
            new Case("smooth_l1(beta=0.5)",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    1.245,
                    new double[][] {{0.5, -0.2, -0.5}, {0.5, -0.5, -0.5}},
                    false),
            new Case("log_cosh",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    0.73146099654357113,
                    new double[][] {{0.23105857863000488, -0.098687660112452, -0.45257412682243322}, {0.23105857863000488, -0.30218388855858175, -0.23105857863000488}},
                    false),
            new Case("msle",
                    new double[][] {{0.5, 2.0, 3.0}, {1.5, -0.5, 4.0}},
                    new double[][] {{1.0, 0.0, 2.0}, {3.0, 1.0, 0.0}},
                    2.3320588649177423,
                    new double[][] {{-0.19178804830118728, 0.36620409622270323, 0.071920518112945232}, {-0.18800145169829422, 0.0, 0.32188758248682007}},
                    false),
            new Case("mape",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.25, -1.0, 3.5}, {1.0, 2.0, -0.2}},
                    273.92857142857143,
                    new double[][] {{200.0, -50.0, -14.285714285714286}, {50.0, -25.0, -250.0}},
                    false),
            new Case("poisson",
                    new double[][] {{0.5, 2.0, 3.0}, {1.5, 0.25, 4.0}},
                    new double[][] {{1.0, 0.0, 2.0}, {3.0, 1.0, 0.0}},
                    4.9579108200095617,
                    new double[][] {{-0.5, 0.5, 0.16666666666666667}, {-0.5, -1.5, 0.5}},
                    false),
            new Case("binary_cross_entropy",
                    new double[][] {{0.9, 0.2, 0.6}, {0.3, 0.99, 0.5}},
                    new double[][] {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.3}},
                    0.94960107554510293,
                    new double[][] {{-0.55555555555555556, 0.625, -0.83333333333333333}, {0.71428571428571429, -0.50505050505050505, 0.4}},
                    false),
            new Case("binary_cross_entropy(weights=[1, 2, 0.5])",
                    new double[][] {{0.9, 0.2, 0.6}, {0.3, 0.99, 0.5}},
                    new double[][] {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.3}},
                    0.76520481804747454,
                    new double[][] {{-0.55555555555555556, 1.25, -0.41666666666666667}, {0.71428571428571429, -1.0101010101010101, 0.2}},
                    false),
            new Case("binary_cross_entropy_with_logits",
                    new double[][] {{2.0, -1.0, 0.5}, {-3.0, 0.0, 4.0}},
                    new double[][] {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.3}},
                    2.2370755713963996,
                    new double[][] {{-0.059601461011058778, 0.13447071068499756, -0.18877033439907272}, {0.02371293658878339, -0.25, 0.34100689501895422}},
                    false),
            new Case("categorical_cross_entropy",
                    new double[][] {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}},
                    new double[][] {{1.0, 0.0, 0.0}, {0.2, 0.3, 0.5}},
                    0.69819785738932517,
                    new double[][] {{-0.71428571428571429, 0.0, 0.0}, {-0.4, -0.6, -0.5}},
                    false),
            new Case("categorical_cross_entropy(label_smoothing=0.1)",
                    new double[][] {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}},
                    new double[][] {{1.0, 0.0, 0.0}, {0.2, 0.3, 0.5}},
                    0.75728530251983607,
                    new double[][] {{-0.66666666666666667, -0.083333333333333333, -0.16666666666666667}, {-0.42666666666666667, -0.60666666666666667, -0.48333333333333333}},
                    false),
            new Case("categorical_cross_entropy(weights=[1, 2, 0.5])",
                    new double[][] {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}},
                    new double[][] {{1.0, 0.0, 0.0}, {0.2, 0.3, 0.5}},
                    0.8194986139873156,
                    new double[][] {{-0.71428571428571429, 0.0, 0.0}, {-0.4, -1.2, -0.25}},
                    false),
            new Case("sparse_categorical_cross_entropy",
                    new double[][] {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}},
                    new double[][] {{0.0}, {2.0}},
                    0.52491106224933884,
                    new double[][] {{-0.71428571428571429, 0.0, 0.0}, {0.0, 0.0, -1.0}},
                    false),
            new Case("sparse_categorical_cross_entropy(weights=[1, 2, 0.5], label_smoothing=0.1)",
                    new double[][] {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}},
                    new double[][] {{0.0}, {2.0}},
                    0.47033350688081061,
                    new double[][] {{-0.66666666666666667, -0.16666666666666667, -0.083333333333333333}, {-0.066666666666666667, -0.13333333333333333, -0.46666666666666667}},
                    false),
            new Case("negative_log_likelihood",
                    new double[][] {{-0.35667494393873238, -1.6094379124341004, -2.3025850929940457}, {-1.3862943611198906, -1.3862943611198906, -0.69314718055994531}},
                    new double[][] {{0.0}, {2.0}},
                    0.52491106224933884,
                    new double[][] {{-0.5, 0.0, 0.0}, {0.0, 0.0, -0.5}},
                    false),
            new Case("negative_log_likelihood(weights=[1, 2, 0.5])",
                    new double[][] {{-0.35667494393873238, -1.6094379124341004, -2.3025850929940457}, {-1.3862943611198906, -1.3862943611198906, -0.69314718055994531}},
                    new double[][] {{0.0}, {2.0}},
                    0.35162426710935252,
                    new double[][] {{-0.5, 0.0, 0.0}, {0.0, 0.0, -0.25}},
                    false),
            new Case("kl_divergence",
                    new double[][] {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}},
                    new double[][] {{1.0, 0.0, 0.0}, {0.2, 0.3, 0.5}},
                    0.18337135035703841,
                    new double[][] {{-0.71428571428571429, 0.0, 0.0}, {-0.4, -0.6, -0.5}},
                    false),
            new Case("hinge",
                    new double[][] {{0.5, -2.0, 1.5}, {0.3, 0.8, -0.4}},
                    new double[][] {{1.0, -1.0, -1.0}, {-1.0, 1.0, 1.0}},
                    2.95,
                    new double[][] {{-0.5, 0.0, 0.5}, {0.5, -0.5, -0.5}},
                    false),
            new Case("squared_hinge",
                    new double[][] {{0.5, -2.0, 1.5}, {0.3, 0.8, -0.4}},
                    new double[][] {{1.0, -1.0, -1.0}, {-1.0, 1.0, 1.0}},
                    5.095,
                    new double[][] {{-0.5, 0.0, 2.5}, {1.3, -0.2, -1.4}},
                    false),
            new Case("multiclass_hinge",
                    new double[][] {{1.0, 0.5, -0.2}, {0.1, 0.3, 2.0}},
                    new double[][] {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}},
                    2.0,
                    new double[][] {{-0.5, 0.5, 0.0}, {0.5, -1.0, 0.5}},
                    false),
            new Case("multiclass_hinge(margin=2)",
                    new double[][] {{1.0, 0.5, -0.2}, {0.1, 0.3, 2.0}},
                    new double[][] {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}},
                    3.9,
                    new double[][] {{-1.0, 0.5, 0.5}, {0.5, -1.0, 0.5}},
                    false),
            new Case("cosine_proximity",
                    new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}},
                    new double[][] {{0.0, -1.0, 3.5}, {1.0, 1.0, -0.2}},
                    -0.87589761417135783,
                    new double[][] {{0.041493256651525339, -0.041999271976543941, -0.035572877348807699}, {0.0058825449488470288, -0.16529951306260151, -0.058237194993585585}},
                    false),
            new Case("wasserstein",
                    new double[][] {{0.5, -2.0, 1.5}, {0.3, 0.8, -0.4}},
                    new double[][] {{1.0, -1.0, -1.0}, {-1.0, 1.0, 1.0}},
                    0.55,
                    new double[][] {{0.5, -0.5, -0.5}, {-0.5, 0.5, 0.5}},
                    false),
            new Case("focal",
                    new double[][] {{0.9, 0.2, 0.6}, {0.3, 0.99, 0.5}},
                    new double[][] {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.3}},
                    0.077719309918731528,
                    new double[][] {{-0.0040229017803345464, 0.052221532697131463, -0.084415895709932402}, {0.1284661481005005, -3.7752102260016229e-5, 0.14317766166719344}},
                    false),
            new Case("focal(gamma=0, alpha=0.5)",
                    new double[][] {{0.9, 0.2, 0.6}, {0.3, 0.99, 0.5}},
                    new double[][] {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.3}},
                    0.47480053777255147,
                    new double[][] {{-0.27777777777777778, 0.3125, -0.41666666666666667}, {0.35714285714285714, -0.25252525252525253, 0.2}},
                    false),
            new Case("focal(gamma=1.5, alpha=0.75)",
                    new double[][] {{0.9, 0.2, 0.6}, {0.3, 0.99, 0.5}},
                    new double[][] {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.3}},
                    0.1085480517820091,
                    new double[][] {{-0.03191748719460002, 0.032686580464846894, -0.33984328456455558}, {0.065972075958623356, -9.4411927054733485e-4, 0.11538403110303663}},
                    false),
            new Case("binary_cross_entropy",
                    new double[][] {{0.0, 1.0}, {0.0, 1.0}},
                    new double[][] {{0.0, 1.0}, {1.0, 0.0}},
                    27.631021115929548,
                    new double[][] {{0.5000000000005, -0.5000000000005}, {-5.0e11, 5.0e11}},
                    true));

    static Stream<Arguments> casesOnBackends() {
        return CASES.stream().flatMap(c -> Backends.backends().flatMap(backend -> Stream.of(DType.values())
                .filter(dtype -> dtype == DType.FLOAT64 || !c.clipped())
                .map(dtype -> Arguments.of(c, backend, dtype))));
    }

    @ParameterizedTest(name = "{0} on {1} in {2}")
    @MethodSource("casesOnBackends")
    void valueAndGradientMatchTheReference(Case c, TensorBackend backend, DType dtype) {
        Loss loss = Registries.PLUGINS.losses().create(c.spec());
        Tensor output = Points.of(backend, dtype, c.output());
        Tensor target = Points.of(backend, dtype, c.target());
        double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 2e-5;
        double value = loss.value(output, target);
        assertTrue(Math.abs(value - c.value()) <= tolerance * Math.max(1, Math.abs(c.value())),
                () -> c.spec() + " on " + dtype.label() + ": value " + value + ", reference " + c.value());
        Approx.assertClose(flat(c.gradient()), loss.gradient(output, target).toDoubleArray(),
                tolerance, c.spec() + " gradient on " + dtype.label());
    }

    @Test
    void everyRegisteredLossHasAReferenceCase() {
        Set<String> covered = CASES.stream().map(c -> Registries.PLUGINS.losses().create(c.spec()).name())
                .collect(Collectors.toSet());
        List<String> missing = Registries.PLUGINS.losses().names().stream().filter(name -> !covered.contains(name))
                .toList();
        assertEquals(List.of(), missing, "losses without reference values");
    }

    /**
     * Fused gradients at logits of ±1000, by hand. softmax of {1000, -1000, 0} is exactly {1, 0, 0} in doubles
     * (e^-1000 and e^-2000 underflow), so for the one-hot target {0, 1, 0} dE/dz = a - y = {1, -1, 0}; the label 1
     * gives the same. sigmoid of {1000, -1000} is {1, 0}, so for targets {0, 1} dE/dz = {1, -1}.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void fusedGradientsAtLogitsOfAThousandAreWorkedByHand(TensorBackend backend) {
        double[][] logits = {{1000, -1000, 0}};
        assertFused(backend, "categorical_cross_entropy", "softmax", logits, new double[][] {{0, 1, 0}},
                new double[] {1, -1, 0});
        assertFused(backend, "sparse_categorical_cross_entropy", "softmax", logits, new double[][] {{1}},
                new double[] {1, -1, 0});
        assertFused(backend, "binary_cross_entropy", "sigmoid", new double[][] {{1000, -1000}},
                new double[][] {{0, 1}}, new double[] {1, -1});
    }

    /**
     * binary_cross_entropy_with_logits at logits {1000, -1000} with targets {0, 1}, by hand: each term is
     * max(z, 0) - z y + log(1 + e^-|z|) = 1000 + 0 + 0 (e^-1000 underflows), so E = 2000 for the one row, and
     * dE/dz = sigmoid(z) - y = {1 - 0, 0 - 1}.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void crossEntropyOnLogitsAtAThousandIsWorkedByHand(TensorBackend backend) {
        for (DType dtype : DType.values()) {
            Loss loss = Registries.PLUGINS.losses().create("binary_cross_entropy_with_logits");
            Tensor z = Points.of(backend, dtype, new double[][] {{1000, -1000}});
            Tensor y = Points.of(backend, dtype, new double[][] {{0, 1}});
            assertEquals(2000, loss.value(z, y), 1e-9);
            assertArrayEquals(new double[] {1, -1}, loss.gradient(z, y).toDoubleArray(), 1e-12);
        }
    }

    private static void assertFused(TensorBackend backend, String lossSpec, String activationName, double[][] logits,
            double[][] target, double[] expected) {
        Loss loss = Registries.PLUGINS.losses().create(lossSpec);
        Activation activation = Registries.PLUGINS.activations().create(activationName);
        for (DType dtype : DType.values()) {
            Tensor z = Points.of(backend, dtype, logits);
            Tensor gradient = loss.fusedGradient(activation).orElseThrow()
                    .gradient(z, activation.forward(z), Points.of(backend, dtype, target), z.newLike());
            assertArrayEquals(expected, gradient.toDoubleArray(), 1e-12, lossSpec + " after " + activationName);
        }
    }

    private static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }
}
