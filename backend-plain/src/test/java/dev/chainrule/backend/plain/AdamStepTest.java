package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused Adam pass gives exactly the numbers of the separate passes that {@code TensorBackend.adamStep} defines,
 * in both dtypes, for a parameter on one thread and one long enough to be shared among threads.
 */
class AdamStepTest {

    private static final PlainBackend BACKEND = new PlainBackend();

    static Stream<Arguments> cases() {
        return Stream.of(DType.values()).flatMap(dtype -> Stream.of(new Shape(7, 13),
                new Shape(300, ElementwiseParts.SHARED / 300 + 3)).map(shape -> Arguments.of(dtype, shape)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void equalsTheSeparatePasses(DType dtype, Shape shape) {
        SplittableRandom random = new SplittableRandom(shape.size());
        double[] parameter = random.doubles(shape.size(), -1, 1).toArray();
        double[] gradient = random.doubles(shape.size(), -0.1, 0.1).toArray();
        double[] first = random.doubles(shape.size(), -0.01, 0.01).toArray();
        double[] second = random.doubles(shape.size(), 0, 0.001).toArray();
        double beta1 = 0.9;
        double beta2 = 0.999;
        double stepSize = 0.003;
        double epsilon = 1e-8;

        Tensor p = BACKEND.fromArray(dtype, shape, parameter);
        Tensor m = BACKEND.fromArray(dtype, shape, first);
        Tensor v = BACKEND.fromArray(dtype, shape, second);
        Tensor g = BACKEND.fromArray(dtype, shape, gradient);
        Tensor work = BACKEND.zeros(dtype, shape);
        BACKEND.binary(BinaryOp.MUL, m, beta1, m);
        BACKEND.addScaled(m, 1 - beta1, g, m);
        BACKEND.unary(UnaryOp.SQUARE, g, work);
        BACKEND.binary(BinaryOp.MUL, v, beta2, v);
        BACKEND.addScaled(v, 1 - beta2, work, v);
        BACKEND.unary(UnaryOp.SQRT, v, work);
        BACKEND.binary(BinaryOp.ADD, work, epsilon, work);
        BACKEND.binary(BinaryOp.DIV, m, work, work);
        BACKEND.addScaled(p, -stepSize, work, p);

        Tensor fusedP = BACKEND.fromArray(dtype, shape, parameter);
        Tensor fusedM = BACKEND.fromArray(dtype, shape, first);
        Tensor fusedV = BACKEND.fromArray(dtype, shape, second);
        BACKEND.adamStep(fusedP, g, fusedM, fusedV, beta1, beta2, stepSize, epsilon, BACKEND.zeros(dtype, shape));

        assertArrayEquals(p.toDoubleArray(), fusedP.toDoubleArray(), "parameter");
        assertArrayEquals(m.toDoubleArray(), fusedM.toDoubleArray(), "first moment");
        assertArrayEquals(v.toDoubleArray(), fusedV.toDoubleArray(), "second moment");
    }

    @org.junit.jupiter.api.Test
    void tensorsOfAnotherShapeAreRefused() {
        Tensor a = BACKEND.zeros(DType.FLOAT32, new Shape(2, 3));
        Tensor b = BACKEND.zeros(DType.FLOAT32, new Shape(3, 2));
        assertThrows(IllegalArgumentException.class, () -> BACKEND.adamStep(a, b, a.newLike(), a.newLike(), 0.9,
                0.999, 0.001, 1e-8, a.newLike()));
    }
}
