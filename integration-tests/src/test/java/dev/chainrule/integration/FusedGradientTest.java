package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.DomainSamples;
import dev.chainrule.testkit.LossInputs;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fused output gradient that any registered loss offers for any registered activation, on every usable backend:
 * found by asking, so a new pair (log_softmax with negative_log_likelihood, once log_softmax is registered) is tested
 * by existing. The fused {@code dE/dz} must equal the chain rule's {@code activation.backward(z, a, loss.gradient(a,
 * y))} wherever that is finite, and stay finite and correct at logits of ±1000, where the generic path is lost.
 */
class FusedGradientTest {

    private static final int ROWS = 6;
    /** Scales at which the generic path still resolves a saturating output: clipping starts beyond them. */
    private static final double[] LIMIT_SCALES = {10, 13, 16, 20, 25};

    static Stream<Arguments> fusedPairs() {
        return LossCases.variants().flatMap(loss -> Registries.activations()
                .filter(activation -> loss.fusedGradient(activation).isPresent())
                .flatMap(activation -> Backends.backends()
                        .map(backend -> Arguments.of(loss, Named.of(activation.name(), activation), backend))));
    }

    @ParameterizedTest(name = "{0} after {1} on {2}")
    @MethodSource("fusedPairs")
    void agreesWithTheChainRuleWhereverThatIsFinite(Loss loss, Activation activation, TensorBackend backend) {
        for (long seed = 1; seed <= 5; seed++) {
            Tensor z = Points.uniform(backend, DType.FLOAT64, ROWS, LossInputs.COLUMNS, -5, 5, seed);
            Tensor target = targets(loss, backend, DType.FLOAT64, seed);
            double[] fused = fused(loss, activation, z, target);
            double[] generic = generic(loss, activation, z, target);
            for (int i = 0; i < fused.length; i++) {
                int index = i;
                if (Double.isFinite(generic[i])) {
                    assertTrue(Math.abs(fused[i] - generic[i]) <= 1e-9 * Math.max(1, Math.abs(generic[i])),
                            () -> describe(loss, activation, z, target, index, fused, generic));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} after {1} on {2}")
    @MethodSource("fusedPairs")
    void staysFiniteAtLogitsOfAThousand(Loss loss, Activation activation, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            Tensor z = backend.fromArray(dtype, new Shape(ROWS, LossInputs.COLUMNS), signs(1000, 31));
            double[] fused = fused(loss, activation, z, targets(loss, backend, dtype, 31));
            assertTrue(Arrays.stream(fused).allMatch(Double::isFinite),
                    () -> loss + " after " + activation.name() + " on " + dtype.label() + " at " + z + ": "
                            + Arrays.toString(fused));
        }
    }

    /**
     * At logits of ±1000 saturated outputs are clipped and the generic path is wrong, but the exact {@code dE/dz}
     * there is the limit of the gradient as the logits grow along the same signs. The generic path computes that
     * limit at moderate scales, until its own clipping starts (beyond about 13 for softmax, 27 for sigmoid), so the
     * limit is taken where it has visibly converged: at the first two consecutive scales of 10, 13, 16, 20, 25 that
     * agree. Where the activation is not saturated at 1000 (its backward pass still sends something through: identity,
     * log_softmax, tied softmax maxima) the generic value at 1000 itself is also accepted, as it is exact for outputs
     * that never saturate. A fused gradient that merely repeats the generic computation fails at the saturated
     * elements.
     */
    @ParameterizedTest(name = "{0} after {1} on {2}")
    @MethodSource("fusedPairs")
    void isTheLimitOfTheChainRuleAtLogitsOfAThousand(Loss loss, Activation activation, TensorBackend backend) {
        for (long seed = 41; seed <= 44; seed++) {
            double[] directions = signs(1, seed);
            Tensor target = targets(loss, backend, DType.FLOAT64, seed);
            Tensor z = scaled(backend, directions, 1000);
            double[] fused = fused(loss, activation, z, target);
            double[] atThousand = generic(loss, activation, z, target);
            Tensor probe = Points.uniform(backend, DType.FLOAT64, ROWS, LossInputs.COLUMNS, 0.5, 1, seed);
            double[] passed = activation.backward(z, activation.forward(z), probe).toDoubleArray();
            double[][] ladder = new double[LIMIT_SCALES.length][];
            for (int s = 0; s < LIMIT_SCALES.length; s++) {
                ladder[s] = generic(loss, activation, scaled(backend, directions, LIMIT_SCALES[s]), target);
            }
            for (int i = 0; i < fused.length; i++) {
                boolean saturated = passed[i] == 0;
                double limit = limit(ladder, i);
                boolean matches = close(fused[i], limit, 2e-8) || !saturated && close(fused[i], atThousand[i], 1e-9);
                int index = i;
                assertTrue(matches, () -> loss + " after " + activation.name() + ": fused dE/dz at element " + index
                        + " of logits " + Arrays.toString(directions) + " x 1000 is " + fused[index]
                        + ", but the chain rule's limit is " + limit
                        + (saturated ? "" : " and its value at 1000 is " + atThousand[index]));
            }
        }
    }

    /** The generic value of element {@code i} at the first two consecutive scales that agree; NaN if none do. */
    private static double limit(double[][] ladder, int i) {
        for (int s = 1; s < ladder.length; s++) {
            if (close(ladder[s][i], ladder[s - 1][i], 1e-8)) {
                return ladder[s][i];
            }
        }
        return Double.NaN;
    }

    private static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
    }

    private static double[] fused(Loss loss, Activation activation, Tensor z, Tensor target) {
        FusedOutputGradient fused = loss.fusedGradient(activation).orElseThrow();
        return fused.gradient(z, activation.forward(z), target, z.newLike()).toDoubleArray();
    }

    private static double[] generic(Loss loss, Activation activation, Tensor z, Tensor target) {
        Tensor a = activation.forward(z);
        return activation.backward(z, a, loss.gradient(a, target)).toDoubleArray();
    }

    private static Tensor targets(Loss loss, TensorBackend backend, DType dtype, long seed) {
        double[] values = DomainSamples.of(loss.targetDomain()).typical()
                .draw(ROWS, LossInputs.COLUMNS, new SplittableRandom(seed + 1000));
        return LossInputs.tensor(backend, dtype, loss.targetDomain(), ROWS, values);
    }

    /** {@code ±magnitude}, signs drawn at random. */
    private static double[] signs(double magnitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[ROWS * LossInputs.COLUMNS];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return values;
    }

    private static Tensor scaled(TensorBackend backend, double[] directions, double scale) {
        double[] values = Arrays.stream(directions).map(d -> d * scale).toArray();
        return backend.fromArray(DType.FLOAT64, new Shape(ROWS, LossInputs.COLUMNS), values);
    }

    private static String describe(Loss loss, Activation activation, Tensor z, Tensor target, int index,
            double[] fused, double[] generic) {
        return loss + " after " + activation.name() + " at element " + index + ": fused " + fused[index]
                + ", chain rule " + generic[index] + "\n  z = " + z + "\n  y = " + target;
    }
}
