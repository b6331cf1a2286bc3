package dev.chainrule.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of a {@link Layer}: implement this interface in one test class, name the configured layer in
 * {@link #layer()}, and JUnit runs every check below on it, on every backend on the test class path
 * ({@link Backends}). The layer is bound to examples shaped {@link #inputShape()} with its parameters and state moved
 * away from their initial values, so that a check cannot pass by a lucky zero.
 *
 * <ul>
 *   <li><b>Gradients</b>: {@code dE/d(input)} and every parameter's gradient against central finite differences in
 *       float64, in a training pass (every evaluation drawing the same noise: dropout with a fixed mask) and in an
 *       inference pass; the parameter gradients are the same when nobody asks for {@code dE/d(input)}. A failure names
 *       the layer, the tensor, the point and both numbers.</li>
 *   <li><b>Training and inference</b>: an inference pass repeats exactly and changes no parameter or state; a training
 *       pass repeats under its seed and changes no parameter.</li>
 *   <li><b>Shapes and dtypes</b>: the output goes into {@code out} (returned) with {@link Layer#outputShape}'s width,
 *       {@code dE/d(input)} into its tensor; float32 agrees with float64; inputs are never modified.</li>
 *   <li><b>Round trips</b>: the spec string recreates the layer through the registry, and a network with it survives a
 *       model file with its spec, parameters, state and predictions, on every backend.</li>
 *   <li><b>Names</b>: lower snake case, stable, registered with {@code @AutoService(Layer.class)}.</li>
 *   <li><b>Threads</b>: one bound layer serving four threads' inference passes, each with its own memory, computes
 *       what it computes alone.</li>
 * </ul>
 *
 * <pre>{@code
 * class ScaleTest implements LayerContract {
 *     @Override
 *     public Layer layer() {
 *         return new Scale();
 *     }
 * }
 * }</pre>
 */
public interface LayerContract {

    /** The layer under test, configured but not bound; may be a new instance on every call. */
    Layer layer();

    /** What each example looks like at the layer's input: 5 plain features unless overridden. */
    default FeatureShape inputShape() {
        return FeatureShape.flat(5);
    }

    /** The largest relative error of a gradient check that passes: {@code 1e-6} unless overridden. */
    default double tolerance() {
        return 1e-6;
    }

    /** Both gradients against finite differences, in training and in inference passes. */
    @TestFactory
    default Stream<DynamicTest> gradientsMatchFiniteDifferences() {
        double tolerance = tolerance();
        return Stream.of(
                onEveryBackend("in a training pass with fixed noise",
                        (layer, backend) -> LayerChecks.gradients(layer, inputShape(), backend, true, tolerance)),
                onEveryBackend("in an inference pass",
                        (layer, backend) -> LayerChecks.gradients(layer, inputShape(), backend, false, tolerance)),
                onEveryBackend("without dE/d(input)",
                        (layer, backend) -> LayerChecks.withoutInputGradient(layer, inputShape(), backend)))
                .flatMap(tests -> tests);
    }

    /** Inference repeats and changes nothing; training repeats under its seed and changes no parameter. */
    @TestFactory
    default Stream<DynamicTest> separatesTrainingFromInference() {
        return onEveryBackend("passes", (layer, backend) -> LayerChecks.passes(layer, inputShape(), backend));
    }

    /** Results in {@code out}, shapes and dtypes kept, float32 close to float64, inputs untouched. */
    @TestFactory
    default Stream<DynamicTest> handlesShapesAndDTypes() {
        return Stream.of(
                onEveryBackend("out, shape and untouched inputs",
                        (layer, backend) -> LayerChecks.shapesAndInputs(layer, inputShape(), backend)),
                onEveryBackend("float32 agrees with float64",
                        (layer, backend) -> LayerChecks.float32AgreesWithFloat64(layer, inputShape(), backend)))
                .flatMap(tests -> tests);
    }

    /** The spec string and a model file recreate the layer. */
    @TestFactory
    default Stream<DynamicTest> roundTripsThroughItsSpecAndAModelFile() {
        return Stream.concat(
                Stream.of(dynamicTest("spec through the registry",
                        () -> Registration.specRoundTrips(Layer.class, layer()))),
                onEveryBackend("model file", (layer, backend) -> LayerChecks.modelFile(layer, inputShape(), backend)));
    }

    /** Lower snake case, stable, registered under its name and aliases. */
    @Test
    default void followsTheNameRules() {
        Registration.followsTheNameRules(Layer.class, layer());
    }

    /** One bound layer serving several threads' inference passes computes what it computes alone. */
    @Test
    default void aBoundLayerServesThreads() {
        LayerChecks.threads(layer(), inputShape(), Backends.reference());
    }

    /** Every check above as one tree of dynamic tests, to run the contract over many layers from one factory. */
    default Stream<DynamicNode> contractTests() {
        return Stream.of(
                dynamicContainer("gradients match finite differences", gradientsMatchFiniteDifferences()),
                dynamicContainer("separates training from inference", separatesTrainingFromInference()),
                dynamicContainer("handles shapes and dtypes", handlesShapesAndDTypes()),
                dynamicContainer("round trips through its spec and a model file",
                        roundTripsThroughItsSpecAndAModelFile()),
                dynamicTest("follows the name rules", this::followsTheNameRules),
                dynamicTest("a bound layer serves threads", this::aBoundLayerServesThreads));
    }

    private Stream<DynamicTest> onEveryBackend(String check, BiConsumer<Layer, TensorBackend> test) {
        return Backends.backends().map(backend -> dynamicTest(check + " on " + backend.name(),
                () -> test.accept(layer(), backend)));
    }
}
