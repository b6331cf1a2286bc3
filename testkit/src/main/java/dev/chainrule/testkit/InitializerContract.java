package dev.chainrule.testkit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.tensor.Shape;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link Initializer}: implement this interface in one test class, name the initializer in
 * {@link #initializer()}, and JUnit checks it.
 *
 * <ul>
 *   <li><b>Distribution</b>: where the initializer states one ({@link Initializer#distribution}), 12,000 drawn values
 *       (a 300 x 40 tensor and a 40 x 300 one, so that both fans matter) have its mean and variance within five
 *       standard errors, and pass a Kolmogorov-Smirnov test against its distribution function at the 0.1% level; a
 *       constant is met exactly.</li>
 *   <li><b>Exact values</b> where {@link #exactValues} gives them (a deterministic scheme such as identity), and
 *       orthogonality where {@link #orthogonal()} says so: {@code Q^T Q} (tall) or {@code Q Q^T} (wide) is a
 *       multiple of the identity.</li>
 *   <li><b>Determinism</b>: one seed gives the same values; the right number of values, all finite.</li>
 *   <li><b>Spec and names</b>: the spec string recreates the initializer through the registry; lower snake case,
 *       registered with {@code @AutoService(Initializer.class)}.</li>
 * </ul>
 */
public interface InitializerContract {

    /** The initializer under test, configured. */
    Initializer initializer();

    /**
     * The values the initializer must give for a tensor of {@code shape} with {@code fans}, for a deterministic
     * scheme; empty (the default) for a random one.
     */
    default Optional<double[]> exactValues(Shape shape, Fans fans) {
        return Optional.empty();
    }

    /** Whether the values form a (semi-)orthogonal matrix up to a factor; {@code false} unless overridden. */
    default boolean orthogonal() {
        return false;
    }

    /** Moments and a Kolmogorov-Smirnov test of the stated distribution. */
    @Test
    default void drawsItsStatedDistribution() {
        InitializerChecks.distribution(initializer());
    }

    /** Exact values and orthogonality where the scheme promises them. */
    @Test
    default void keepsItsStructure() {
        InitializerChecks.structure(initializer(), this::exactValues, orthogonal());
    }

    /** The same seed, the same values; the right count, all finite. */
    @Test
    default void isDeterministicUnderASeed() {
        InitializerChecks.deterministic(initializer());
    }

    /** The spec string recreates the initializer. */
    @Test
    default void roundTripsThroughItsSpec() {
        Registration.specRoundTrips(Initializer.class, initializer());
    }

    /** Lower snake case, stable, registered under its name and aliases. */
    @Test
    default void followsTheNameRules() {
        Registration.followsTheNameRules(Initializer.class, initializer());
    }

    /** Every check above as dynamic tests, to run the contract over many initializers from one factory. */
    default Stream<DynamicNode> contractTests() {
        return Stream.of(
                dynamicTest("draws its stated distribution", this::drawsItsStatedDistribution),
                dynamicTest("keeps its structure", this::keepsItsStructure),
                dynamicTest("is deterministic under a seed", this::isDeterministicUnderASeed),
                dynamicTest("round trips through its spec", this::roundTripsThroughItsSpec),
                dynamicTest("follows the name rules", this::followsTheNameRules));
    }
}
