package dev.chainrule.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of a {@link Loss}: implement this interface in one test class, name the loss in {@link #loss()}, and
 * JUnit runs every check below on it, on every backend on the test class path ({@link Backends}). Inputs come from the
 * domains the loss advertises ({@link Loss#outputDomain()}, {@link Loss#targetDomain()}; see {@link DomainSamples}),
 * so they are always ones it is defined on.
 *
 * <ul>
 *   <li><b>Gradient</b>: {@code gradient} against central finite differences of {@code value} in float64, on eight
 *       batches; a failure names the loss, the point and both numbers.</li>
 *   <li><b>Finite</b>: value and gradient stay finite at the edges of both domains (probabilities of exactly 0 and 1,
 *       logits of ±1000), in both dtypes.</li>
 *   <li><b>Convention</b>: a batch's value is the mean over its rows of each row's loss (the sum, for a loss
 *       configured with {@code reduction=sum}), and its gradient carries the same factor.</li>
 *   <li><b>Shapes and dtypes</b>: the gradient goes into the given {@code out}, inputs are never modified, float32
 *       agrees with float64.</li>
 *   <li><b>Targets</b>: targets of the wrong shape, NaN targets and targets outside the target domain are
 *       {@link IllegalArgumentException}s naming the loss, the shapes and the row, at {@code value}, {@code gradient}
 *       and every fused gradient the loss offers.</li>
 *   <li><b>Determinism, round trip, names, threads</b>: as for activations ({@link ActivationContract}).</li>
 * </ul>
 *
 * <p>A complete test:
 * <pre>{@code
 * class AbsoluteErrorTest implements LossContract {
 *     @Override
 *     public Loss loss() {
 *         return new AbsoluteError();
 *     }
 * }
 * }</pre>
 */
public interface LossContract {

    /** The loss under test, configured; may be a new instance on every call. */
    Loss loss();

    /** The largest relative error of a gradient check that passes: {@code 1e-6} unless overridden. */
    default double tolerance() {
        return 1e-6;
    }

    /** {@code gradient} agrees with central finite differences of {@code value} on every backend. */
    @TestFactory
    default Stream<DynamicTest> gradientMatchesFiniteDifferences() {
        double tolerance = tolerance();
        return onEveryBackend("eight batches",
                (loss, backend) -> LossChecks.gradientMatchesFiniteDifferences(loss, backend, tolerance));
    }

    /** Finite value and gradient at the edges of the domains, in both dtypes. */
    @TestFactory
    default Stream<DynamicTest> staysFiniteAtTheEdgesOfTheDomains() {
        return onEveryBackend("edges", LossChecks::staysFiniteAtTheEdgesOfTheDomains);
    }

    /** The batch's value and gradient are its rows' reduced by the convention. */
    @TestFactory
    default Stream<DynamicTest> reducesABatchByTheConvention() {
        return onEveryBackend("rows", LossChecks::aBatchIsItsRowsReducedByTheConvention);
    }

    /** The gradient in {@code out}, inputs untouched, float32 close to float64. */
    @TestFactory
    default Stream<DynamicTest> handlesShapesAndDTypes() {
        return Stream.concat(
                onEveryBackend("writes into out and never modifies its inputs",
                        LossChecks::neverModifiesItsInputsAndWritesTheGradientIntoOut),
                onEveryBackend("float32 agrees with float64", LossChecks::float32AgreesWithFloat64));
    }

    /** Bad targets are clear errors at every entry point. */
    @TestFactory
    default Stream<DynamicTest> rejectsBadTargets() {
        return Stream.of(
                onEveryBackend("of the wrong shape, naming both shapes",
                        LossTargetChecks::rejectsTargetsOfTheWrongShapeNamingBothShapes),
                onEveryBackend("NaN, naming the row", LossTargetChecks::rejectsNaNTargetsNamingTheRow),
                onEveryBackend("outside the target domain, naming row and value",
                        LossTargetChecks::rejectsTargetsOutsideItsDomainNamingRowAndValue))
                .flatMap(tests -> tests);
    }

    /** The same inputs and the same spec give the same numbers. */
    @TestFactory
    default Stream<DynamicTest> isDeterministic() {
        return onEveryBackend("repeats", LossChecks::deterministic);
    }

    /** The spec string recreates the loss through the registry. */
    @Test
    default void roundTripsThroughItsSpec() {
        Registration.specRoundTrips(Loss.class, loss());
    }

    /** Lower snake case, stable, registered under its name and aliases. */
    @Test
    default void followsTheNameRules() {
        Registration.followsTheNameRules(Loss.class, loss());
    }

    /** One instance shared by several threads computes what it computes alone. */
    @Test
    default void aSharedInstanceIsThreadSafe() {
        LossChecks.sharedInstanceIsThreadSafe(loss(), Backends.reference());
    }

    /**
     * Every check above as one tree of dynamic tests, for running the contract over many losses from a single
     * {@code @TestFactory} (see {@link ActivationContract#contractTests()}).
     */
    default Stream<DynamicNode> contractTests() {
        return Stream.of(
                dynamicContainer("gradient matches finite differences", gradientMatchesFiniteDifferences()),
                dynamicContainer("stays finite at the edges of the domains", staysFiniteAtTheEdgesOfTheDomains()),
                dynamicContainer("reduces a batch by the convention", reducesABatchByTheConvention()),
                dynamicContainer("handles shapes and dtypes", handlesShapesAndDTypes()),
                dynamicContainer("rejects bad targets", rejectsBadTargets()),
                dynamicContainer("is deterministic", isDeterministic()),
                dynamicTest("round trips through its spec", this::roundTripsThroughItsSpec),
                dynamicTest("follows the name rules", this::followsTheNameRules),
                dynamicTest("a shared instance is thread-safe", this::aSharedInstanceIsThreadSafe));
    }

    private Stream<DynamicTest> onEveryBackend(String check, BiConsumer<Loss, TensorBackend> test) {
        return Backends.backends().map(backend -> dynamicTest(check + " on " + backend.name(),
                () -> test.accept(loss(), backend)));
    }
}
