package dev.chainrule.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of an {@link Activation}: implement this interface in one test class, name the activation in
 * {@link #activation()}, and JUnit runs every check below on it, on every backend on the test class path
 * ({@link Backends}).
 *
 * <ul>
 *   <li><b>Derivative</b>: {@code backward} against central finite differences of {@code forward} in float64, at
 *       random points in [-4, 4] and on a grid out to ±60, in an inference and a training pass; the gradients of any
 *       parameters it owns; and the full Jacobian of each row, so that a function that mixes a row's units (softmax)
 *       is checked entry by entry. A failure names the function, the point and both numbers.</li>
 *   <li><b>Finite</b>: no NaN or infinity from {@code forward}, {@code backward} or the parameter gradients for inputs
 *       up to ±1000, zeros and the tiniest numbers, in both dtypes, wherever {@link Activation#finiteDomain} says the
 *       function is finite.</li>
 *   <li><b>Shapes and dtypes</b>: results go into the given {@code out}, which is returned, with the input's shape,
 *       dtype and backend, for single rows, single columns and single elements; float32 agrees with float64; inputs
 *       are never modified.</li>
 *   <li><b>Determinism</b>: a training pass repeats under its seed, an inference pass is the plain forward, and two
 *       instances made from one spec compute alike.</li>
 *   <li><b>Round trips</b>: the spec string recreates the activation through the registry, and a network with it
 *       survives a model file with its spec, parameters and predictions.</li>
 *   <li><b>Names</b>: lower snake case, stable, and registered: discovery finds the class under its name (so
 *       {@code @AutoService(Activation.class)} must be on it), and no other plugin claims the name.</li>
 *   <li><b>Threads</b>: one shared instance, used by several threads at once, computes what it computes alone.</li>
 * </ul>
 *
 * <p>To test another configuration of a parameterised activation, add a second class (or a {@code @Nested} one)
 * that returns it. A complete test:
 * <pre>{@code
 * class SnakeTest implements ActivationContract {
 *     @Override
 *     public Activation activation() {
 *         return new Snake();
 *     }
 * }
 * }</pre>
 */
public interface ActivationContract {

    /** The activation under test, configured but not bound to a layer; may be a new instance on every call. */
    Activation activation();

    /** The largest relative error of a gradient check that passes: {@code 1e-6} unless overridden. */
    default double tolerance() {
        return 1e-6;
    }

    /** {@code backward} and the parameter gradients agree with central finite differences on every backend. */
    @TestFactory
    default Stream<DynamicTest> derivativeMatchesFiniteDifferences() {
        double tolerance = tolerance();
        return Stream.of(
                onEveryBackend("at moderate points",
                        (activation, backend) -> ActivationChecks.derivativeAtModeratePoints(activation, backend,
                                tolerance)),
                onEveryBackend("at large magnitudes",
                        (activation, backend) -> ActivationChecks.derivativeAtLargeMagnitudes(activation, backend,
                                tolerance)),
                onEveryBackend("in a training pass",
                        (activation, backend) -> ActivationChecks.derivativeInATrainingPass(activation, backend,
                                tolerance)),
                onEveryBackend("of its parameters",
                        (activation, backend) -> ActivationChecks.parameterGradients(activation, backend, tolerance)),
                onEveryBackend("as every row's full Jacobian", ActivationChecks::vectorJacobianProduct))
                .flatMap(tests -> tests);
    }

    /** No NaN or infinity wherever the function is finite, in both dtypes. */
    @TestFactory
    default Stream<DynamicTest> staysFiniteWhereTheFunctionIsFinite() {
        return onEveryBackend("inputs up to 1000", ActivationChecks::staysFinite);
    }

    /** Results in {@code out}, shapes and dtypes kept, float32 close to float64, inputs untouched. */
    @TestFactory
    default Stream<DynamicTest> handlesShapesAndDTypes() {
        return Stream.of(
                onEveryBackend("out, shape and dtype", ActivationChecks::shapesAndDTypes),
                onEveryBackend("float32 agrees with float64", ActivationChecks::float32AgreesWithFloat64),
                onEveryBackend("never modifies its inputs", ActivationChecks::neverModifiesItsInputs))
                .flatMap(tests -> tests);
    }

    /** The same seed gives the same training pass; the same spec gives the same function. */
    @TestFactory
    default Stream<DynamicTest> isDeterministicUnderASeed() {
        return onEveryBackend("repeats", ActivationChecks::deterministic);
    }

    /** The spec string and a model file recreate the activation. */
    @TestFactory
    default Stream<DynamicTest> roundTripsThroughItsSpecAndAModelFile() {
        return Stream.concat(
                Stream.of(dynamicTest("spec through the registry",
                        () -> ActivationRoundTrip.spec(activation(), Backends.reference()))),
                onEveryBackend("model file", ActivationRoundTrip::modelFile));
    }

    /** Lower snake case, stable, registered under its name and aliases. */
    @Test
    default void followsTheNameRules() {
        Registration.followsTheNameRules(Activation.class, activation());
    }

    /** One instance shared by several threads computes what it computes alone. */
    @Test
    default void aSharedInstanceIsThreadSafe() {
        ActivationThreads.sharedInstanceIsThreadSafe(activation(), Backends.reference());
    }

    /**
     * Every check above as one tree of dynamic tests, for running the contract over many activations from a single
     * {@code @TestFactory}: {@code registry.names().stream().map(name -> dynamicContainer(name,
     * ((ActivationContract) () -> registry.create(name)).contractTests()))}.
     */
    default Stream<DynamicNode> contractTests() {
        return Stream.of(
                dynamicContainer("derivative matches finite differences", derivativeMatchesFiniteDifferences()),
                dynamicContainer("stays finite where the function is finite", staysFiniteWhereTheFunctionIsFinite()),
                dynamicContainer("handles shapes and dtypes", handlesShapesAndDTypes()),
                dynamicContainer("is deterministic under a seed", isDeterministicUnderASeed()),
                dynamicContainer("round trips through its spec and a model file",
                        roundTripsThroughItsSpecAndAModelFile()),
                dynamicTest("follows the name rules", this::followsTheNameRules),
                dynamicTest("a shared instance is thread-safe", this::aSharedInstanceIsThreadSafe));
    }

    private Stream<DynamicTest> onEveryBackend(String check, BiConsumer<Activation, TensorBackend> test) {
        return Backends.backends().map(backend -> dynamicTest(check + " on " + backend.name(),
                () -> test.accept(activation(), backend)));
    }
}
