package dev.chainrule.backend.plain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of {@link MatrixMultiply} (tiny, few rows, blocked, blocked and shared among threads) with each kernel
 * on one and on two threads, both dtypes, all four transpose cases, against the reference product: the same bits
 * whichever path, kernel or thread split computes a product.
 */
class MatrixMultiplyTest {

    private static final List<ComputePool> POOLS = List.of(new ComputePool(1), new ComputePool(2));
    private static final List<KernelChoice> KERNELS = List.of(KernelChoice.scalar("tested"),
            KernelChoice.vector("tested"));

    static Stream<Arguments> cases() {
        return KERNELS.stream().flatMap(kernels -> POOLS.stream().flatMap(pool -> {
            MatrixMultiply product = new MatrixMultiply(kernels, pool);
            return Shapes.paths().map(shape -> Arguments.of(product.describe(), product, shape));
        }));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void float32(String name, MatrixMultiply product, Shapes shape) {
        double[] a = shape.a(5);
        double[] b = shape.b(5);
        float[] c = new float[shape.rows() * shape.columns()];
        Arrays.fill(c, Float.NaN);
        product.float32(ReferenceProduct.toFloats(a), shape.transposeA(), shape.aColumns(),
                ReferenceProduct.toFloats(b), shape.transposeB(), shape.bColumns(), c, shape.rows(), shape.columns(),
                shape.depth());
        shape.check(name, a, b, ReferenceProduct.toDoubles(c), true);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void float64(String name, MatrixMultiply product, Shapes shape) {
        double[] a = shape.a(5);
        double[] b = shape.b(5);
        double[] c = new double[shape.rows() * shape.columns()];
        Arrays.fill(c, Double.NaN);
        product.float64(a, shape.transposeA(), shape.aColumns(), b, shape.transposeB(), shape.bColumns(), c,
                shape.rows(), shape.columns(), shape.depth());
        shape.check(name, a, b, c, false);
    }
}
