package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.tensor.BackendAvailability;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A product shared in blocks of rows or columns among threads equals the textbook product, in every transpose case,
 * both dtypes, with more threads than rows or columns too.
 */
class SharedProductTest {

    static Stream<Arguments> cases() {
        return Stream.of(DataType.FLOAT, DataType.DOUBLE).flatMap(type -> Stream.of(1, 2, 3).flatMap(threads ->
                Stream.of(new int[] {37, 11, 9}, new int[] {5, 41, 13}, new int[] {2, 1, 7}).flatMap(size ->
                        Stream.of(false, true).flatMap(ta -> Stream.of(false, true).map(tb ->
                                Arguments.of(type, threads, size[0], size[1], size[2], ta, tb))))));
    }

    @ParameterizedTest(name = "{0} on {1} threads: {2}x{4} by {4}x{3}, transposed {5} {6}")
    @MethodSource("cases")
    void equalsTheTextbookProduct(DataType type, int threads, int rows, int columns, int depth, boolean transposeA,
            boolean transposeB) {
        assertTextbookProduct(type, rows, columns, depth, transposeA, transposeB, (a, b, c) ->
                new SharedProduct(threads).multiply(a, transposeA, b, transposeB, c, rows, columns, depth));
    }

    /** {@code compute} multiplies a product too small to share with one direct OpenBLAS call, the same product. */
    @ParameterizedTest(name = "{0} on {1} threads: {2}x{4} by {4}x{3}, transposed {5} {6}")
    @MethodSource("cases")
    void computesASmallProductOnTheCallingThread(DataType type, int threads, int rows, int columns, int depth,
            boolean transposeA, boolean transposeB) {
        assertTextbookProduct(type, rows, columns, depth, transposeA, transposeB, (a, b, c) ->
                new SharedProduct(threads).compute(a, transposeA, b, transposeB, c, rows, columns, depth));
    }

    /** The product {@code into} computes from random operands of the given layout equals the triple loop. */
    private static void assertTextbookProduct(DataType type, int rows, int columns, int depth, boolean transposeA,
            boolean transposeB, Product into) {
        BackendAvailability availability = Nd4jRuntime.availability();
        assumeTrue(availability.usable(), availability::reason);
        SplittableRandom random = new SplittableRandom(rows * 31L + columns);
        double[] a = random.doubles((long) rows * depth, -1, 1).toArray();
        double[] b = random.doubles((long) depth * columns, -1, 1).toArray();
        INDArray aArray = Nd4j.create(a, transposeA ? new long[] {depth, rows} : new long[] {rows, depth}, 'c')
                .castTo(type);
        INDArray bArray = Nd4j.create(b, transposeB ? new long[] {columns, depth} : new long[] {depth, columns}, 'c')
                .castTo(type);
        INDArray c = Nd4j.create(type, rows, columns).assign(Double.NaN);
        into.multiply(aArray, bArray, c);
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-13;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double expected = 0;
                for (int k = 0; k < depth; k++) {
                    double left = transposeA ? a[k * rows + i] : a[i * depth + k];
                    double right = transposeB ? b[j * depth + k] : b[k * columns + j];
                    expected += (type == DataType.FLOAT ? (float) left : left)
                            * (type == DataType.FLOAT ? (float) right : right);
                }
                assertEquals(expected, c.getDouble(i, j), tolerance * depth, "C(" + i + ", " + j + ")");
            }
        }
    }

    /** One way of computing {@code c = op(a) op(b)}. */
    private interface Product {
        void multiply(INDArray a, INDArray b, INDArray c);
    }

    @org.junit.jupiter.api.Test
    void sharesOnlyLargeProductsAndNeedsAThread() {
        assertEquals(false, new SharedProduct(1).shares(SharedProduct.SHARED * 4));
        assertEquals(false, new SharedProduct(2).shares(SharedProduct.SHARED - 1));
        assertEquals(true, new SharedProduct(2).shares(SharedProduct.SHARED));
        assertThrows(IllegalArgumentException.class, () -> new SharedProduct(0));
    }
}
