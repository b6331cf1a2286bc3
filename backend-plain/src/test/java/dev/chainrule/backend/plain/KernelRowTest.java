package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels' row loop, which batch-1 inference runs straight over an unpacked B: widths that exercise the
 * four-vector, one-vector and element-by-element parts, strided A, and accumulating into C, each element bit for bit
 * the reference chain of fused multiply-adds.
 */
class KernelRowTest {

    private static final int[] WIDTHS = {1, 7, 17, 33, 65, 130, 257, 401};
    private static final int[] DEPTHS = {1, 7, 130};

    static Stream<Arguments> cases() {
        return IntStream.of(WIDTHS).boxed().flatMap(width -> IntStream.of(DEPTHS).boxed()
                .flatMap(depth -> Stream.of(1, 3).flatMap(aStep -> Stream.of(false, true)
                        .map(accumulate -> Arguments.of(width, depth, aStep, accumulate)))));
    }

    @ParameterizedTest(name = "width {0}, depth {1}, A step {2}, accumulate {3}")
    @MethodSource("cases")
    void float32(int width, int depth, int aStep, boolean accumulate) {
        for (Float32Kernel kernel : new Float32Kernel[] {new ScalarFloat32Kernel(), VectorKernels.float32()}) {
            double[] a = ReferenceProduct.random(2 + depth * aStep, 1);
            double[] b = ReferenceProduct.random(3 + depth * (width + 5), 2);
            double[] start = ReferenceProduct.random(4 + width, 3);
            float[] c = ReferenceProduct.toFloats(start);
            kernel.row(depth, width, ReferenceProduct.toFloats(a), 2, aStep, ReferenceProduct.toFloats(b), 3,
                    width + 5, c, 4, accumulate);
            check(kernel.description(), a, b, start, ReferenceProduct.toDoubles(c), width, depth, aStep, accumulate,
                    true);
        }
    }

    @ParameterizedTest(name = "width {0}, depth {1}, A step {2}, accumulate {3}")
    @MethodSource("cases")
    void float64(int width, int depth, int aStep, boolean accumulate) {
        for (Float64Kernel kernel : new Float64Kernel[] {new ScalarFloat64Kernel(), VectorKernels.float64()}) {
            double[] a = ReferenceProduct.random(2 + depth * aStep, 1);
            double[] b = ReferenceProduct.random(3 + depth * (width + 5), 2);
            double[] start = ReferenceProduct.random(4 + width, 3);
            double[] c = start.clone();
            kernel.row(depth, width, a, 2, aStep, b, 3, width + 5, c, 4, accumulate);
            check(kernel.description(), a, b, start, c, width, depth, aStep, accumulate, false);
        }
    }

    /**
     * C outside {@code [4, 4 + width)} is untouched; inside it is, bit for bit, the reference chain of fused
     * multiply-adds, started from C's element if accumulating.
     */
    private static void check(String kernel, double[] a, double[] b, double[] start, double[] c, int width, int depth,
            int aStep, boolean accumulate, boolean float32) {
        for (int i = 0; i < 4; i++) {
            assertEquals(start[i], c[i], kernel + ": element " + i + " before the row was modified");
        }
        double[] aColumn = new double[depth];
        for (int k = 0; k < depth; k++) {
            aColumn[k] = a[2 + k * aStep];
        }
        double[] bRows = Arrays.copyOfRange(b, 3, 3 + depth * (width + 5));
        for (int j = 0; j < width; j++) {
            double expected = ReferenceProduct.element(aColumn, false, depth, bRows, false, width + 5, 0, j, depth,
                    accumulate ? start[4 + j] : 0, float32);
            assertEquals(expected, c[4 + j], 0, kernel + ": element " + j + " of the row");
        }
    }
}
