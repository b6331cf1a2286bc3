package dev.chainrule.core.gradcheck;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.core.training.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Proves analytical gradients with central finite differences {@code (f(x+h) - f(x-h)) / 2h} in {@code FLOAT64}.
 * Works on any activation, loss or network, built in or a third party's.
 *
 * <p>Each check perturbs one input element at a time. Points where the function has no derivative are skipped and
 * counted: a kink (the one-sided slopes disagree, as ReLU at 0) or a jump (the central difference changes when the
 * step shrinks, as softplus where it switches to the identity above its threshold).
 */
public final class GradientChecker {

    private static final double STEP = 1e-6;
    /** A few units in the last place of a double: the rounding of one evaluation of a term. */
    private static final double ROUNDING_NOISE = 4 * Math.ulp(1.0);
    /** How far the central differences at steps h and h/4 may part, relative, before the point counts as a jump. */
    private static final double REFINEMENT_TOLERANCE = 1e-7;
    /** The seed of the training passes that a network check runs, the same for every evaluation. */
    private static final long NETWORK_PASS_SEED = 0x5EEDL;

    private GradientChecker() {
    }

    /**
     * Checks {@code activation.backward} against {@code forward} in inference passes: for a random upstream gradient
     * {@code g}, the derivative of {@code sum(g * phi(z))} with respect to each element of {@code z}.
     *
     * @param activation the activation as a layer uses it (bound, see {@link Activation#bind}); not modified
     * @param z          the points, a {@code FLOAT64} tensor; not modified
     * @param seed       seed of the upstream gradient
     */
    public static GradientCheckResult check(Activation activation, Tensor z, long seed) {
        return check(activation, z, seed, ForwardContext::inference);
    }

    /**
     * Like {@link #check(Activation, Tensor, long)}, with every forward pass run in a context from {@code contexts}.
     * To check a training pass that draws random numbers, make the contexts alike, so that each evaluation draws the
     * same: {@code () -> ForwardContext.training(7)}.
     */
    public static GradientCheckResult check(Activation activation, Tensor z, long seed,
            Supplier<ForwardContext> contexts) {
        requireFloat64(z);
        Tensor upstream = randomLike(z, seed);
        Tensor analytical = activation.backward(z, activation.forward(z, z.newLike(), contexts.get()), upstream);
        double[] analyticalValues = analytical.toDoubleArray();
        double[] points = z.toDoubleArray();
        double[] weights = upstream.toDoubleArray();
        double[] baseline = activation.forward(z, z.newLike(), contexts.get()).toDoubleArray();
        Tensor probe = z.duplicate();
        Tensor out = z.newLike();
        ErrorTracker tracker = new ErrorTracker("activation " + activation.spec());
        // The objective is sum(g * (phi(z') - phi(z))): the terms that a perturbation leaves alone cancel exactly,
        // so rounding in them cannot drown a tiny derivative.
        Objective objective = () -> weightedChange(weights,
                activation.forward(probe, out, contexts.get()).toDoubleArray(), baseline);
        for (int i = 0; i < points.length; i++) {
            differentiate(tracker, probe, points, i, objective, analyticalValues[i], point(z, i, "z", points[i]));
        }
        return tracker.result();
    }

    /**
     * Checks {@code activation.parameterGradients} against {@code forward} (an inference pass): for a random upstream
     * gradient {@code g}, the derivative of {@code sum(g * phi(z))} with respect to each element of each of the
     * activation's {@link Activation#parameters}. One result per parameter, in order; none for an activation without
     * parameters. The parameters are perturbed during the check and restored exactly afterwards.
     *
     * @param activation a bound activation; its parameters are restored
     * @param z          the points, a {@code FLOAT64} tensor; not modified
     * @param seed       seed of the upstream gradient
     */
    public static List<GradientCheckResult> checkParameters(Activation activation, Tensor z, long seed) {
        requireFloat64(z);
        List<Parameter> parameters = activation.parameters();
        Tensor upstream = randomLike(z, seed);
        Tensor a = activation.forward(z);
        List<Tensor> analytical = parameters.stream().map(parameter -> parameter.value().newLike()).toList();
        activation.parameterGradients(z, a, upstream, analytical);
        double[] weights = upstream.toDoubleArray();
        double[] baseline = a.toDoubleArray();
        Tensor out = z.newLike();
        Objective objective = () -> weightedChange(weights, activation.forward(z, out).toDoubleArray(), baseline);
        List<GradientCheckResult> results = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            double[] analyticalValues = analytical.get(p).toDoubleArray();
            double[] points = parameter.value().toDoubleArray();
            ErrorTracker tracker = new ErrorTracker("activation " + activation.spec() + " " + parameter.name());
            for (int i = 0; i < points.length; i++) {
                differentiate(tracker, parameter.value(), points, i, objective, analyticalValues[i],
                        point(parameter.value(), i, "p", points[i]));
            }
            results.add(tracker.result());
        }
        return results;
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
            differentiate(tracker, probe, points, i, Objective.of(() -> loss.value(probe, target)), analytical[i],
                    point(output, i, "output", points[i]));
        }
        return tracker.result();
    }

    /**
     * Checks backpropagation through {@code network} for {@code loss}: the gradient of every parameter (weights, bias
     * and any activation's own, such as prelu's slopes) against the numerical derivative of the loss. One result per
     * parameter, in network order. The passes are training passes that all draw the same random numbers, so that the
     * training path of an activation such as rrelu is what gets checked. The network's parameters are perturbed
     * during the check and restored exactly afterwards.
     *
     * @param useFusedOutputGradient check the fused output path (when the loss offers one) instead of the generic one
     */
    public static List<GradientCheckResult> check(Network network, Loss loss, Tensor x, Tensor y,
            boolean useFusedOutputGradient) {
        return check(network, loss, Regularization.none(), x, y, useFusedOutputGradient);
    }

    /**
     * Checks the gradient of the regularized objective {@code loss + penalty}, as the trainer computes it
     * (backpropagation, then the penalty's derivative), against the numerical derivative of the objective. One
     * result per parameter, in network order; the parameters, and the state that training passes update (batch_norm's
     * running statistics), are restored exactly afterwards.
     *
     * @param useFusedOutputGradient check the fused output path (when the loss offers one) instead of the generic one
     */
    public static List<GradientCheckResult> check(Network network, Loss loss, Regularization regularization, Tensor x,
            Tensor y, boolean useFusedOutputGradient) {
        requireFloat64(x);
        List<double[]> state = network.state().stream().map(tensor -> tensor.value().toDoubleArray()).toList();
        try {
            return checkNetwork(network, loss, regularization, x, y, useFusedOutputGradient);
        } finally {
            for (int s = 0; s < state.size(); s++) {
                Tensor value = network.state().get(s).value();
                value.backend().assign(state.get(s), value);
            }
        }
    }

    private static List<GradientCheckResult> checkNetwork(Network network, Loss loss, Regularization regularization,
            Tensor x, Tensor y, boolean useFusedOutputGradient) {
        Backpropagation backpropagation = new Backpropagation(network, loss, useFusedOutputGradient);
        Supplier<ForwardContext> passes = () -> ForwardContext.training(NETWORK_PASS_SEED);
        backpropagation.computeGradients(x, y, passes.get());
        Gradients gradients = backpropagation.gradients();
        regularization.apply(network, gradients);
        List<GradientCheckResult> results = new ArrayList<>();
        for (int p = 0; p < gradients.size(); p++) {
            Parameter parameter = gradients.parameters().get(p);
            double[] analytical = gradients.get(p).toDoubleArray();
            double[] points = parameter.value().toDoubleArray();
            ErrorTracker tracker = new ErrorTracker(parameter.name());
            for (int i = 0; i < points.length; i++) {
                differentiate(tracker, parameter.value(), points, i,
                        Objective.of(() -> backpropagation.loss(backpropagation.forward(x, passes.get()), y)
                                + regularization.value(network)), analytical[i],
                        point(parameter.value(), i, "w", points[i]));
            }
            results.add(tracker.result());
        }
        return results;
    }

    /**
     * Central difference of {@code objective} in element {@code index} of {@code probe}, whose unperturbed values are
     * {@code points}; {@code probe} is restored afterwards. The comparison allows for the rounding noise of the
     * difference quotient, about {@code eps * |terms| / h}, which no step size can avoid.
     *
     * <p>The point is skipped when the function has no derivative there: at a kink the one-sided slopes disagree; at
     * a jump (even a tiny one, as softplus's switch to the identity) the central difference grows as the step
     * shrinks instead of settling, so the differences at {@code h} and {@code h/4} part.
     */
    static void differentiate(ErrorTracker tracker, Tensor probe, double[] points, int index,
            Objective objective, double analytical, String where) {
        double x = points[index];
        double h = STEP * Math.max(1, Math.abs(x));
        Objective.Value center = evaluate(probe, points, index, x, objective);
        Objective.Value plus = evaluate(probe, points, index, x + h, objective);
        Objective.Value minus = evaluate(probe, points, index, x - h, objective);
        Objective.Value plusNear = evaluate(probe, points, index, x + h / 4, objective);
        Objective.Value minusNear = evaluate(probe, points, index, x - h / 4, objective);
        probe.backend().assign(points, probe);
        double right = (plus.value() - center.value()) / h;
        double left = (center.value() - minus.value()) / h;
        double numerical = (plus.value() - minus.value()) / (2 * h);
        double noise = ROUNDING_NOISE * Math.max(center.scale(), Math.max(plus.scale(), minus.scale())) / h;
        double slopeScale = Math.max(1, Math.max(Math.abs(right), Math.abs(left)));
        if (Math.abs(right - left) > 1e-2 * slopeScale + 4 * noise) {
            tracker.skip();
            return;
        }
        double nearNumerical = (plusNear.value() - minusNear.value()) / (h / 2);
        double nearNoise = ROUNDING_NOISE * Math.max(center.scale(), Math.max(plusNear.scale(), minusNear.scale()))
                / (h / 4);
        double refinementScale = Math.max(1, Math.max(Math.abs(numerical), Math.abs(nearNumerical)));
        if (Math.abs(numerical - nearNumerical) > REFINEMENT_TOLERANCE * refinementScale + 2 * (noise + nearNoise)) {
            tracker.skip();
            return;
        }
        tracker.compare(where, analytical, numerical, noise);
    }

    private static Objective.Value evaluate(Tensor probe, double[] points, int index, double value, Objective objective) {
        double saved = points[index];
        points[index] = value;
        probe.backend().assign(points, probe);
        points[index] = saved;
        return objective.evaluate();
    }

    /**
     * {@code sum(g * (phi' - phi))}, with the size of the terms that changed as its rounding scale. When no term
     * changed, the true change was smaller than the rounding of the terms, which the largest term bounds: a change of
     * less than one unit in the last place shows as 0 or as one unit depending on how each backend rounds.
     */
    static Objective.Value weightedChange(double[] weights, double[] values, double[] baseline) {
        double sum = 0;
        double scale = 0;
        double largest = 0;
        for (int i = 0; i < weights.length; i++) {
            double term = Math.abs(weights[i]) * Math.max(Math.abs(values[i]), Math.abs(baseline[i]));
            largest = Math.max(largest, term);
            if (values[i] != baseline[i]) {
                sum += weights[i] * (values[i] - baseline[i]);
                scale += term;
            }
        }
        return new Objective.Value(sum, scale > 0 ? scale : largest);
    }

    static Tensor randomLike(Tensor z, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[z.shape().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return z.backend().fromArray(z.dtype(), z.shape(), values);
    }

    static String point(Tensor tensor, int index, String symbol, double value) {
        return String.format(Locale.ROOT, "row %d, column %d (%s = %.6g)", index / tensor.columns(),
                index % tensor.columns(), symbol, value);
    }

    static void requireFloat64(Tensor tensor) {
        if (tensor.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("gradient checks run in float64 (float32 cannot resolve a step of "
                    + STEP + "), got " + tensor.dtype().label());
        }
    }
}
