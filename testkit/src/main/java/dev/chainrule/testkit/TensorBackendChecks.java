package dev.chainrule.testkit;

import static dev.chainrule.testkit.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The checks of {@link TensorBackendContract} for creating and moving tensors, matrix products, reductions and row
 * gathers, against the straightforward definitions in {@link Reference}. Inputs are rounded to the dtype before the
 * reference sees them, so only the operation's own rounding is measured.
 */
final class TensorBackendChecks {

    static final Shape[] SHAPES = {new Shape(3, 4), new Shape(1, 4), new Shape(4, 1), new Shape(1, 1)};

    private TensorBackendChecks() {
    }

    static void assignAndToDoubleArrayRoundTripInRowMajorOrder(TensorBackend backend, DType dtype) {
        double[] values = {1.5, -2.25, 0.1, 1e30, -1e-30, 0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, 7, 8, 9};
        Tensor tensor = backend.zeros(dtype, new Shape(3, 4));
        assertSame(tensor, backend.assign(values, tensor));
        assertArrayEquals(Approx.rounded(dtype, values), tensor.toDoubleArray());
        assertEquals((double) (float) 0.1 == tensor.get(0, 2), dtype == DType.FLOAT32);
        assertEquals(7, tensor.get(2, 1));
        Tensor created = backend.fromArray(dtype, new Shape(4, 3), values);
        assertArrayEquals(Approx.rounded(dtype, values), created.toDoubleArray());
        assertEquals(new Shape(4, 3), created.shape());
        assertEquals(dtype, created.dtype());
        assertSame(backend, created.backend());
    }

    static void zerosFillAndCopyWriteEveryElement(TensorBackend backend, DType dtype) {
        for (Shape shape : SHAPES) {
            Tensor tensor = backend.zeros(dtype, shape);
            assertArrayEquals(new double[shape.size()], tensor.toDoubleArray(), shape.toString());
            backend.fill(0.1, tensor);
            double[] tenths = new double[shape.size()];
            Arrays.fill(tenths, 0.1);
            assertArrayEquals(Approx.rounded(dtype, tenths), tensor.toDoubleArray(), shape.toString());
            Tensor source = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -5, 5, 3);
            double[] before = source.toDoubleArray();
            assertSame(tensor, backend.copy(source, tensor));
            assertArrayEquals(before, tensor.toDoubleArray());
            assertArrayEquals(before, source.toDoubleArray(), "copy must not modify its source");
            backend.copy(tensor, tensor);
            assertArrayEquals(before, tensor.toDoubleArray(), "copy onto itself changes nothing");
        }
    }

    /**
     * {@code assign(float[], offset, out)} fills {@code out} with the slice from {@code offset}, rounded to the dtype
     * as {@code fromArray} rounds the same numbers, and refuses a slice that would run past the array.
     */
    static void assignFromFloatsTakesTheSliceRounded(TensorBackend backend, DType dtype) {
        Shape shape = new Shape(3, 5);
        float[] floats = new float[4 + shape.size() + 2];
        double[] slice = new double[shape.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) Math.scalb(1 + i / 7.0, i % 9 - 4) * (i % 2 == 0 ? 1 : -1);
        }
        for (int i = 0; i < slice.length; i++) {
            slice[i] = floats[4 + i];
        }
        Tensor out = backend.fill(99, backend.zeros(dtype, shape));
        assertSame(out, backend.assign(floats, 4, out));
        assertArrayEquals(backend.fromArray(dtype, shape, slice).toDoubleArray(), out.toDoubleArray(),
                "assign of floats from offset 4");
        for (int offset : new int[] {-1, 4 + 3, floats.length + 1}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> backend.assign(floats, offset, out), "offset " + offset);
            assertTrue(refused.getMessage().contains("assign"), refused.getMessage());
        }
    }

    static void matmulMatchesTheTripleLoopForEveryTransposeAndShape(TensorBackend backend, DType dtype) {
        int[][] sizes = {{3, 4, 5}, {5, 4, 3}, {1, 4, 5}, {3, 4, 1}, {1, 4, 1}, {4, 1, 3}, {1, 1, 1}, {2, 7, 2}};
        long seed = 1;
        for (int[] size : sizes) {
            int rows = size[0];
            int inner = size[1];
            int columns = size[2];
            for (boolean transposeA : new boolean[] {false, true}) {
                for (boolean transposeB : new boolean[] {false, true}) {
                    Tensor a = transposeA ? Points.uniform(backend, dtype, inner, rows, -1, 1, seed++)
                            : Points.uniform(backend, dtype, rows, inner, -1, 1, seed++);
                    Tensor b = transposeB ? Points.uniform(backend, dtype, columns, inner, -1, 1, seed++)
                            : Points.uniform(backend, dtype, inner, columns, -1, 1, seed++);
                    Tensor out = backend.fill(99, backend.zeros(dtype, new Shape(rows, columns)));
                    double[] aBefore = a.toDoubleArray();
                    double[] bBefore = b.toDoubleArray();
                    assertSame(out, backend.matmul(a, transposeA, b, transposeB, out));
                    String what = "matmul " + a.shape() + (transposeA ? "^T" : "") + " x " + b.shape()
                            + (transposeB ? "^T" : "");
                    assertClose(Reference.matmul(aBefore, a.rows(), a.columns(), transposeA, bBefore, b.rows(),
                            b.columns(), transposeB), out.toDoubleArray(), Approx.accumulated(dtype), what);
                    assertArrayEquals(aBefore, a.toDoubleArray(), what + " modified a");
                    assertArrayEquals(bBefore, b.toDoubleArray(), what + " modified b");
                }
            }
        }
    }

    /**
     * {@code matmulBias} gives the bits of {@code matmul} then {@code binary ADD} of the bias row, on one row, two rows,
     * tiny, blocked and thread-shared products, and refuses a bias of the wrong shape or an output that is an input.
     */
    static void matmulBiasIsTheProductThenTheBiasBitForBit(TensorBackend backend, DType dtype) {
        int[][] sizes = {{1, 4, 5}, {3, 4, 5}, {1, 784, 40}, {2, 300, 70}, {37, 65, 29}, {150, 130, 120}};
        long seed = 11;
        for (int[] size : sizes) {
            int rows = size[0];
            int inner = size[1];
            int columns = size[2];
            Tensor a = Points.uniform(backend, dtype, rows, inner, -1, 1, seed++);
            Tensor b = Points.uniform(backend, dtype, inner, columns, -1, 1, seed++);
            Tensor bias = Points.uniform(backend, dtype, 1, columns, -2, 2, seed++);
            Tensor expected = backend.zeros(dtype, new Shape(rows, columns));
            backend.binary(BinaryOp.ADD, backend.matmul(a, false, b, false, expected), bias, expected);
            Tensor out = backend.fill(99, backend.zeros(dtype, new Shape(rows, columns)));
            double[] biasBefore = bias.toDoubleArray();
            assertSame(out, backend.matmulBias(a, b, bias, out));
            assertArrayEquals(expected.toDoubleArray(), out.toDoubleArray(),
                    "matmulBias " + a.shape() + " x " + b.shape() + " + " + bias.shape());
            assertArrayEquals(biasBefore, bias.toDoubleArray(), "matmulBias modified its bias");
        }
        Tensor a = Points.uniform(backend, dtype, 3, 4, -1, 1, seed++);
        Tensor b = Points.uniform(backend, dtype, 4, 5, -1, 1, seed);
        Tensor out = backend.zeros(dtype, new Shape(3, 5));
        IllegalArgumentException wrongBias = assertThrows(IllegalArgumentException.class,
                () -> backend.matmulBias(a, b, backend.zeros(dtype, new Shape(1, 4)), out));
        assertTrue(wrongBias.getMessage().contains("1x4") || wrongBias.getMessage().contains("[1, 4]")
                || wrongBias.getMessage().contains("bias"), wrongBias.getMessage());
        Tensor square = Points.uniform(backend, dtype, 4, 4, -1, 1, seed);
        assertThrows(IllegalArgumentException.class,
                () -> backend.matmulBias(square, square.duplicate(), backend.zeros(dtype, new Shape(1, 4)), square));
    }

    static void everyReductionAlongBothAxesAndOverAllMatchesItsDefinition(TensorBackend backend, DType dtype) {
        for (Shape shape : SHAPES) {
            Tensor x = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -3, 3, shape.size());
            double[] values = x.toDoubleArray();
            for (ReduceOp op : ReduceOp.values()) {
                for (ReduceAxis axis : ReduceAxis.values()) {
                    Tensor out = backend.zeros(dtype, axis.resultShape(shape));
                    assertSame(out, backend.reduce(op, axis, x, out));
                    assertClose(Reference.reduce(op, axis, values, shape.rows(), shape.columns()),
                            out.toDoubleArray(), Approx.accumulated(dtype), op + " " + axis + " of " + shape);
                }
                assertClose(new double[] {Reference.reduceAll(op, values)}, new double[] {backend.reduceAll(op, x)},
                        Approx.accumulated(dtype), op + " of all of " + shape);
                assertArrayEquals(values, x.toDoubleArray(), op + " modified its input");
            }
        }
    }

    /** The Adam update, fused or not, against its definition computed in double on the Java side. */
    static void adamStepMatchesItsDefinition(TensorBackend backend, DType dtype) {
        Shape shape = new Shape(5, 7);
        Tensor parameter = Points.uniform(backend, dtype, 5, 7, -1, 1, 41);
        Tensor gradient = Points.uniform(backend, dtype, 5, 7, -0.5, 0.5, 42);
        Tensor m = Points.uniform(backend, dtype, 5, 7, -0.1, 0.1, 43);
        Tensor v = Points.uniform(backend, dtype, 5, 7, 0, 0.01, 44);
        double[] p = parameter.toDoubleArray();
        double[] g = gradient.toDoubleArray();
        double[] first = m.toDoubleArray();
        double[] second = v.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            first[i] = 0.9 * first[i] + 0.1 * g[i];
            second[i] = 0.99 * second[i] + 0.01 * g[i] * g[i];
            p[i] -= 0.01 * first[i] / (Math.sqrt(second[i]) + 1e-3);
        }
        backend.adamStep(parameter, gradient, m, v, 0.9, 0.99, 0.01, 1e-3, backend.zeros(dtype, shape));
        assertClose(first, m.toDoubleArray(), Approx.accumulated(dtype), "adamStep's first moment");
        assertClose(second, v.toDoubleArray(), Approx.accumulated(dtype), "adamStep's second moment");
        assertClose(p, parameter.toDoubleArray(), Approx.accumulated(dtype), "adamStep's parameter");
    }

    /**
     * The backend's adamStep, fused or not, gives bit for bit the numbers of the passes that define it: for a few
     * elements, for several thousand, and for a parameter long enough that a backend may share it among threads
     * (backend-plain does from 65,536 elements).
     */
    static void adamStepMatchesItsPassesBitForBit(TensorBackend backend, DType dtype) {
        for (Shape shape : List.of(new Shape(3, 5), new Shape(37, 61), new Shape(1, 70_000))) {
            AdamStepCheck.assertFusedMatchesItsPasses(backend, dtype, shape, shape.size());
        }
    }

    static void gatherRowsCopiesTheListedRowsFromTheOffset(TensorBackend backend, DType dtype) {
        Tensor source = Points.uniform(backend, dtype, 5, 3, -1, 1, 31);
        double[] rows = source.toDoubleArray();
        int[] indices = {9, 4, 0, 4, 2, 9};
        Tensor out = backend.zeros(dtype, new Shape(4, 3));
        assertSame(out, backend.gatherRows(source, indices, 1, out));
        double[] expected = new double[12];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(rows, indices[1 + r] * 3, expected, r * 3, 3);
        }
        assertArrayEquals(expected, out.toDoubleArray());
        Tensor one = backend.gatherRows(source, new int[] {3}, 0, backend.zeros(dtype, new Shape(1, 3)));
        assertArrayEquals(Arrays.copyOfRange(rows, 9, 12), one.toDoubleArray());
        Tensor column = Points.uniform(backend, dtype, 4, 1, -1, 1, 32);
        Tensor picked = backend.gatherRows(column, new int[] {3, 1}, 0, backend.zeros(dtype, new Shape(2, 1)));
        assertArrayEquals(new double[] {column.get(3, 0), column.get(1, 0)}, picked.toDoubleArray());
    }

    /** Values from {-2, -1.5, ..., 2}: ties for the comparisons, zeros for the divisions, negatives for pow. */
    static Tensor halves(TensorBackend backend, DType dtype, Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(-4, 5) / 2.0;
        }
        return backend.fromArray(dtype, shape, values);
    }
}
