package dev.chainrule.core.gradcheck;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Gradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Proves analytical gradients with central finite differences {@code (f(x+h) - f(x-h)) / 2h} in {@code FLOAT64}.
 * Works on any activation, loss or network, built in or a third party's.
 *
 * <p>Each check perturbs one input element at a time. Points where the function has a kink (its one-sided slopes
 * disagree, as ReLU at 0) are skipped and counted, since no derivative exists there to compare.
 */
public final class GradientChecker {

    private static final double STEP = 1e-6;

    private GradientChecker() {
    }

    /**
     * Checks {@code activation.backward} against {@code forward}: for a random upstream gradient {@code g}, the
     * derivative of {@code sum(g * phi(z))} with respect to each element of {@code z}.
     *
     * @param z    the points, a {@code FLOAT64} tensor; not modified
     * @param seed seed of the upstream gradient
     */
    public static GradientCheckResult check(Activation activation, Tensor z, long seed) {
        requireFloat64(z);
        Tensor upstream = randomLike(z, seed);
        Tensor analytical = activation.backward(z, activation.forward(z), upstream);
        double[] analyticalValues = analytical.toDoubleArray();
        double[] points = z.toDoubleArray();
        double[] weights = upstream.toDoubleArray();
        Tensor probe = z.duplicate();
        ErrorTracker tracker = new ErrorTracker("activation " + activation.spec());
        for (int i = 0; i < points.length; i++) {
            int index = i;
            DoubleSupplier objective = () -> dot(weights, activation.forward(probe).toDoubleArray());
            differentiate(tracker, probe, points, index, objective, analyticalValues[index],
                    point(z, index, "z", points[index]));
        }
        return tracker.result();
    }

    /**
     * Checks {@code loss.gradient} against {@code loss.value} with respect to every element of {@code output}.
     *
     * @param output the network outputs, a {@code FLOAT64} tensor; not modified
     * @param target the targets; not modified
     */
    public static GradientCheckResult check(Loss loss, Tensor output, Tensor target) {
        requireFloat64(output);
        double[] analytical = loss.gradient(output, target).toDoubleArray();
        double[] points = output.toDoubleArray();
        Tensor probe = output.duplicate();
        ErrorTracker tracker = new ErrorTracker("loss " + loss.spec());
        for (int i = 0; i < points.length; i++) {
            differentiate(tracker, probe, points, i, () -> loss.value(probe, target), analytical[i],
                    point(output, i, "output", points[i]));
        }
        return tracker.result();
    }

    /**
     * Checks backpropagation through {@code network} for {@code loss}: the gradient of every weight and bias
     * against the numerical derivative of the loss. One result per parameter, in network order. The network's
     * parameters are perturbed during the check and restored exactly afterwards.
     *
     * @param useFusedOutputGradient check the fused output path (when the loss offers one) instead of the generic one
     */
    public static List<GradientCheckResult> check(Network network, Loss loss, Tensor x, Tensor y,
            boolean useFusedOutputGradient) {
        requireFloat64(x);
        Backpropagation backpropagation = new Backpropagation(network, loss, useFusedOutputGradient);
        backpropagation.computeGradients(x, y);
        Gradients gradients = backpropagation.gradients();
        List<GradientCheckResult> results = new ArrayList<>();
        for (int p = 0; p < gradients.size(); p++) {
            Parameter parameter = gradients.parameters().get(p);
            double[] analytical = gradients.get(p).toDoubleArray();
            double[] points = parameter.value().toDoubleArray();
            ErrorTracker tracker = new ErrorTracker(parameter.name());
            for (int i = 0; i < points.length; i++) {
                differentiate(tracker, parameter.value(), points, i,
                        () -> backpropagation.loss(backpropagation.forward(x), y), analytical[i],
                        point(parameter.value(), i, "w", points[i]));
            }
            results.add(tracker.result());
        }
        return results;
    }

    /**
     * Central difference of {@code objective} in element {@code index} of {@code probe}, whose unperturbed values are
     * {@code points}; {@code probe} is restored afterwards.
     */
    private static void differentiate(ErrorTracker tracker, Tensor probe, double[] points, int index,
            DoubleSupplier objective, double analytical, String where) {
        double x = points[index];
        double h = STEP * Math.max(1, Math.abs(x));
        double center = evaluate(probe, points, index, x, objective);
        double plus = evaluate(probe, points, index, x + h, objective);
        double minus = evaluate(probe, points, index, x - h, objective);
        probe.backend().assign(points, probe);
        double right = (plus - center) / h;
        double left = (center - minus) / h;
        double numerical = (plus - minus) / (2 * h);
        double slopeScale = Math.max(1, Math.max(Math.abs(right), Math.abs(left)));
        if (Math.abs(right - left) > 1e-2 * slopeScale) {
            tracker.skip();
            return;
        }
        tracker.compare(where, analytical, numerical);
    }

    private static double evaluate(Tensor probe, double[] points, int index, double value, DoubleSupplier objective) {
        double saved = points[index];
        points[index] = value;
        probe.backend().assign(points, probe);
        points[index] = saved;
        return objective.getAsDouble();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static Tensor randomLike(Tensor z, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[z.shape().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return z.backend().fromArray(z.dtype(), z.shape(), values);
    }

    private static String point(Tensor tensor, int index, String symbol, double value) {
        return String.format(Locale.ROOT, "row %d, column %d (%s = %.6g)", index / tensor.columns(),
                index % tensor.columns(), symbol, value);
    }

    private static void requireFloat64(Tensor tensor) {
        if (tensor.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("gradient checks run in float64 (float32 cannot resolve a step of "
                    + STEP + "), got " + tensor.dtype().label());
        }
    }
}
