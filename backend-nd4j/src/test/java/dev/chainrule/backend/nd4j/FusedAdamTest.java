package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.testkit.AdamStepCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Adam step on the Java side gives bit for bit the numbers of the nine ND4J passes that define it (the test kit's
 * {@link AdamStepCheck}), in both dtypes, for tensors shorter than a staging window, of several windows and a
 * remainder, and of exactly one window.
 */
class FusedAdamTest {

    private final Nd4jBackend backend = new Nd4jBackend();

    @BeforeEach
    void needsNd4j() {
        BackendAvailability availability = backend.availability();
        assumeTrue(availability.usable(), availability::reason);
    }

    static Stream<Arguments> cases() {
        return Stream.of(DType.values()).flatMap(dtype -> Stream.of(new Shape(3, 5), new Shape(37, 61),
                new Shape(1, Staging.WINDOW)).map(shape -> Arguments.of(dtype, shape)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void equalsTheNd4jPassesOfItsDefinition(DType dtype, Shape shape) {
        AdamStepCheck.assertFusedMatchesItsPasses(backend, dtype, shape, shape.size() * 7L + dtype.ordinal());
    }

    @Test
    void refusesTensorsOfAnotherShapeOrDType() {
        Tensor a = backend.zeros(DType.FLOAT32, new Shape(2, 3));
        Tensor b = backend.zeros(DType.FLOAT32, new Shape(3, 2));
        Tensor c = backend.zeros(DType.FLOAT64, new Shape(2, 3));
        assertThrows(IllegalArgumentException.class, () -> backend.adamStep(a, b, a.newLike(), a.newLike(), 0.9,
                0.999, 0.001, 1e-8, a.newLike()));
        assertThrows(IllegalArgumentException.class, () -> backend.adamStep(a, c, a.newLike(), a.newLike(), 0.9,
                0.999, 0.001, 1e-8, a.newLike()));
    }
}
