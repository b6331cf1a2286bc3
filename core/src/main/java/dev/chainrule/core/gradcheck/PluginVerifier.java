package dev.chainrule.core.gradcheck;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A quick finite-difference probe of a plugin's derivatives, in float64 on one backend: what strict plugin discovery
 * ({@link dev.chainrule.core.plugin.PluginVerification#STRICT}) and the command line's {@code gradcheck} run on every
 * activation and loss before trusting it.
 *
 * <ul>
 *   <li>An activation is bound to a layer of {@value #COLUMNS} units, as a network binds it, and checked at
 *       {@value #ROWS} x {@value #COLUMNS} random points in [-3, 3] within its finite domain: {@code backward} in an
 *       inference and in a training pass, and the gradient of every parameter it owns.</li>
 *   <li>A loss is checked at outputs and targets drawn from the domains it advertises
 *       ({@link SamplePoints#typical(dev.chainrule.core.loss.Domain, TensorBackend, DType, int, int, long)}).</li>
 *   <li>A layer, at the configuration it was given, is bound to inputs of {@value #COLUMNS} features, as a network
 *       binds it, and {@link LayerGradientChecker} checks its input and parameter gradients at {@value #ROWS} x
 *       {@value #COLUMNS} random points in [-3, 3], in an inference pass and in a training pass with fixed noise.
 *       A layer that cannot be bound without arguments it does not have (a dense layer needs its units) is not
 *       checked: {@link #check(Layer, Function, Function)} throws {@link NotCheckable}, and {@link #problem(Layer,
 *       Function, Function)} finds no problem, since nothing wrong was seen.</li>
 * </ul>
 *
 * <pre>{@code
 * PluginVerifier verifier = new PluginVerifier(backend, PluginVerifier.DEFAULT_TOLERANCE, 7);
 * verifier.problem(new Snake()).ifPresent(problem -> log.warn("refusing snake: {}", problem));
 * }</pre>
 */
public final class PluginVerifier {

    /** The largest relative error that passes, unless a caller chooses another. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The seed of the probe points, unless a caller chooses another. */
    public static final long DEFAULT_SEED = 7;

    private static final int ROWS = 4;
    private static final int COLUMNS = 6;
    private static final double RANGE = 3;

    private final TensorBackend backend;
    private final double tolerance;
    private final long seed;

    /**
     * A verifier that runs on {@code backend}.
     *
     * @param tolerance the largest relative error that passes, {@code > 0}
     * @param seed      the seed of the probe points
     */
    public PluginVerifier(TensorBackend backend, double tolerance, long seed) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("the tolerance must be > 0, got " + tolerance);
        }
        this.backend = backend;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    /** The largest relative error that passes. */
    public double tolerance() {
        return tolerance;
    }

    /** The backend the probes run on. */
    public TensorBackend backend() {
        return backend;
    }

    /** Every check of {@code plugin}: its input gradient in an inference and a training pass, then its parameters'. */
    public List<GradientCheckResult> check(Activation plugin) {
        Activation activation = plugin.bind(COLUMNS, backend, DType.FLOAT64);
        Tensor z = SamplePoints.activationInputs(backend, DType.FLOAT64, ROWS, COLUMNS, RANGE,
                activation.finiteDomain(DType.FLOAT64), seed);
        List<GradientCheckResult> results = new ArrayList<>();
        results.add(GradientChecker.check(activation, z, seed));
        results.add(GradientChecker.check(activation, z, seed, () -> ForwardContext.training(seed)));
        results.addAll(GradientChecker.checkParameters(activation, z, seed));
        return results;
    }

    /** The check of {@code loss}'s gradient at outputs and targets from its domains. */
    public List<GradientCheckResult> check(Loss loss) {
        Tensor output = SamplePoints.typical(loss.outputDomain(), backend, DType.FLOAT64, ROWS, COLUMNS, seed);
        Tensor target = SamplePoints.typical(loss.targetDomain(), backend, DType.FLOAT64, ROWS, COLUMNS, seed + 1);
        return List.of(GradientChecker.check(loss, output, target));
    }

    /**
     * Every check of {@code layer}: its input and parameter gradients in an inference pass, then in a training pass.
     *
     * @param activations  creates the activations the layer names, as a network's builder does
     * @param initializers creates the initializers of its parameters
     * @throws NotCheckable when the layer cannot be bound as configured, saying why
     */
    public List<GradientCheckResult> check(Layer layer, Function<Spec, Activation> activations,
            Function<Spec, Initializer> initializers) {
        FeatureShape input = FeatureShape.flat(COLUMNS);
        Layer bound;
        try {
            layer.outputShape(input);
            bound = layer.bind(new LayerBinding(1, input, backend, DType.FLOAT64, activations,
                    Optional.of(initializers), Optional.empty(), new SplittableRandom(seed)));
        } catch (IllegalArgumentException e) {
            throw new NotCheckable(layer.spec() + " cannot be bound to " + COLUMNS + " inputs as configured: "
                    + e.getMessage(), e);
        }
        Tensor x = SamplePoints.activationInputs(backend, DType.FLOAT64, ROWS, COLUMNS, RANGE,
                FiniteDomain.EVERYWHERE, seed);
        List<GradientCheckResult> results = new ArrayList<>(
                LayerGradientChecker.check(bound, x, seed, ForwardContext::inference));
        results.addAll(LayerGradientChecker.check(bound, x, seed, () -> ForwardContext.training(seed)));
        return results;
    }

    /** Why {@code layer} cannot be trusted, if it cannot; nothing when it cannot be bound as configured. */
    public Optional<String> problem(Layer layer, Function<Spec, Activation> activations,
            Function<Spec, Initializer> initializers) {
        return problem(() -> {
            try {
                return check(layer, activations, initializers);
            } catch (NotCheckable e) {
                return List.of();
            }
        });
    }

    /** A plugin that the verifier cannot check as configured, such as a layer that needs arguments it was not given. */
    public static final class NotCheckable extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        NotCheckable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Why {@code activation} cannot be trusted (its worst check and by how much, or what it threw), if it cannot. */
    public Optional<String> problem(Activation activation) {
        return problem(() -> check(activation));
    }

    /** Why {@code loss} cannot be trusted, if it cannot. */
    public Optional<String> problem(Loss loss) {
        return problem(() -> check(loss));
    }

    /** The check with the largest error. */
    public static GradientCheckResult worst(List<GradientCheckResult> results) {
        return results.stream().max(Comparator.comparingDouble(GradientCheckResult::maxError)).orElseThrow();
    }

    private Optional<String> problem(java.util.function.Supplier<List<GradientCheckResult>> check) {
        List<GradientCheckResult> results;
        try {
            results = check.get();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("its derivative could not be checked: " + e);
        }
        if (results.isEmpty()) {
            return Optional.empty();
        }
        GradientCheckResult worst = worst(results);
        if (worst.passes(tolerance)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "its derivative is wrong: %s exceeds the tolerance %.1e",
                worst.describe(), tolerance));
    }
}
