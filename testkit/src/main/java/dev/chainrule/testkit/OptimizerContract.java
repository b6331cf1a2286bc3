package dev.chainrule.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.tensor.DType;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of an {@link Optimizer}: implement this interface in one test class, name the optimizer in
 * {@link #optimizer()}, and JUnit runs every check below on it, on every backend on the test class path
 * ({@link Backends}) in both dtypes, over the fixed run of {@link Trajectories}.
 *
 * <ul>
 *   <li><b>State</b>: all memory lives in the {@link dev.chainrule.core.optimizer.OptimizerState} (every field of the
 *       optimizer is final), so a run saved after 10 steps and restored into fresh objects continues bit for
 *       bit.</li>
 *   <li><b>Backends</b>: every backend follows the reference backend's run (1e-12 in float64, 1e-5 in float32).</li>
 *   <li><b>Behaviour</b>: the gradient is never modified, shapes and dtypes are kept from single elements to whole
 *       matrices, values stay finite, and following the gradient of {@code |p|^2 / 2} lowers it.</li>
 *   <li><b>Configuration</b>: the spec names every hyperparameter, {@code lr} among them, is the {@code toString},
 *       recreates the optimizer, and {@link Optimizer#learningRate()} is its {@code lr}.</li>
 *   <li><b>Determinism, names, threads</b>: as for activations ({@link ActivationContract}); one instance serves
 *       threads that each keep their own parameter and state.</li>
 * </ul>
 *
 * <p>That the update follows a published rule is the author's to prove, for example against a scalar reference
 * over {@link Trajectories#run}. A complete test:
 * <pre>{@code
 * class SignSgdTest implements OptimizerContract {
 *     @Override
 *     public Optimizer optimizer() {
 *         return new SignSgd();
 *     }
 * }
 * }</pre>
 */
public interface OptimizerContract {

    /** The optimizer under test, configured; may be a new instance on every call. */
    Optimizer optimizer();

    /** A run saved and restored through plain numbers continues bit for bit. */
    @TestFactory
    default Stream<DynamicTest> resumesFromItsSavedStateBitForBit() {
        return onEveryBackendAndDType("resumes", OptimizerChecks::resumesBitForBit);
    }

    /** Every backend gives the reference backend's run. */
    @TestFactory
    default Stream<DynamicTest> agreesWithTheReferenceBackend() {
        return onEveryBackendAndDType("follows plain", OptimizerChecks::agreesWithTheReferenceBackend);
    }

    /** Gradient untouched, shapes and dtypes kept, values finite. */
    @TestFactory
    default Stream<DynamicTest> handlesShapesAndDTypes() {
        return onEveryBackendAndDType("shapes", OptimizerChecks::shapesAndDTypes);
    }

    /** Following the gradient of a bowl goes down. */
    @TestFactory
    default Stream<DynamicTest> descendsAlongTheGradient() {
        return onEveryBackendAndDType("descends", OptimizerChecks::descends);
    }

    /** Two runs, and an instance from the same spec, agree bit for bit. */
    @TestFactory
    default Stream<DynamicTest> isDeterministic() {
        return onEveryBackendAndDType("repeats", OptimizerChecks::deterministic);
    }

    /** Per-step memory lives in the state, not in fields. */
    @Test
    default void holdsNoMutableFields() {
        OptimizerChecks.holdsNoMutableFields(optimizer());
    }

    /** The spec names every hyperparameter and recreates the optimizer. */
    @Test
    default void specNamesEveryHyperparameterAndRoundTrips() {
        OptimizerChecks.specNamesEveryHyperparameterAndRoundTrips(optimizer());
    }

    /** Lower snake case, stable, registered under its name and aliases. */
    @Test
    default void followsTheNameRules() {
        Registration.followsTheNameRules(Optimizer.class, optimizer());
    }

    /** One instance serves several threads at once, each with its own parameter and state. */
    @Test
    default void aSharedInstanceIsThreadSafe() {
        OptimizerChecks.sharedInstanceIsThreadSafe(optimizer(), Backends.reference());
    }

    /**
     * Every check above as one tree of dynamic tests, for running the contract over many optimizers from a single
     * {@code @TestFactory} (see {@link ActivationContract#contractTests()}).
     */
    default Stream<DynamicNode> contractTests() {
        return Stream.of(
                dynamicContainer("resumes from its saved state bit for bit", resumesFromItsSavedStateBitForBit()),
                dynamicContainer("agrees with the reference backend", agreesWithTheReferenceBackend()),
                dynamicContainer("handles shapes and dtypes", handlesShapesAndDTypes()),
                dynamicContainer("descends along the gradient", descendsAlongTheGradient()),
                dynamicContainer("is deterministic", isDeterministic()),
                dynamicTest("holds no mutable fields", this::holdsNoMutableFields),
                dynamicTest("spec names every hyperparameter and round trips",
                        this::specNamesEveryHyperparameterAndRoundTrips),
                dynamicTest("follows the name rules", this::followsTheNameRules),
                dynamicTest("a shared instance is thread-safe", this::aSharedInstanceIsThreadSafe));
    }

    private Stream<DynamicTest> onEveryBackendAndDType(String check, DTypeCheck<Optimizer> test) {
        return Backends.backends().flatMap(backend -> Stream.of(DType.values()).map(dtype -> dynamicTest(
                check + " on " + backend.name() + " " + dtype.label(), () -> test.run(optimizer(), backend, dtype))));
    }
}
