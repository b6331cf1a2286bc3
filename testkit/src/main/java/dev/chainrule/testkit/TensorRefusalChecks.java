package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks of {@link TensorBackendContract} for bad arguments: a backend refuses them before it computes, with an
 * {@link IllegalArgumentException} that names the operation and what it got, and loses nothing: the output of a
 * refused call is untouched and the backend goes on working. A native backend must never crash or write out of bounds
 * on a shape, backend or dtype that does not fit.
 */
final class TensorRefusalChecks {

    /** A tensor that no usable backend holds. */
    private record ForeignTensor(TensorBackend backend, DType dtype, Shape shape) implements Tensor {
        @Override
        public double get(int row, int column) {
            return 0;
        }
    }

    private TensorRefusalChecks() {
    }

    /** A call that must fail, and the texts its message must contain. */
    private record Refusal(String call, Executable action, List<String> mentions) {
    }

    static void shapeMismatchesNameBothShapesAndLeaveTheOutputAlone(TensorBackend backend, DType dtype) {
        Tensor a = Points.uniform(backend, dtype, 3, 4, -1, 1, 1);
        Tensor out = Points.uniform(backend, dtype, 3, 4, -1, 1, 2);
        Tensor tall = backend.zeros(dtype, new Shape(4, 3));
        double[] outBefore = out.toDoubleArray();
        List<Refusal> refusals = List.of(
                new Refusal("binary", () -> backend.binary(BinaryOp.ADD, a, backend.zeros(dtype, new Shape(2, 4)), out),
                        List.of("2x4", "3x4")),
                new Refusal("binary out", () -> backend.binary(BinaryOp.MUL, a, a, tall), List.of("4x3", "3x4")),
                new Refusal("unary out", () -> backend.unary(UnaryOp.TANH, tall, out), List.of("3x4", "4x3")),
                new Refusal("matmul", () -> backend.matmul(a, false, a, false, out), List.of("3x4", "inner")),
                new Refusal("matmul transposed", () -> backend.matmul(tall, true, backend.zeros(dtype, new Shape(2, 5)),
                        false, out), List.of("4x3", "2x5")),
                new Refusal("matmul out", () -> backend.matmul(a, false, tall, false, out), List.of("3x3", "3x4")),
                new Refusal("addScaled", () -> backend.addScaled(a, 2, tall, out), List.of("4x3", "3x4")),
                new Refusal("where", () -> backend.where(a, a, tall, out), List.of("4x3", "3x4")),
                new Refusal("adamStep", () -> backend.adamStep(out, a, tall, a.newLike(), 0.9, 0.999, 0.001, 1e-8,
                        a.newLike()), List.of("4x3", "3x4")),
                new Refusal("reduce", () -> backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, a,
                        backend.zeros(dtype, new Shape(1, 3))), List.of("1x3", "1x4")),
                new Refusal("copy", () -> backend.copy(tall, out), List.of("4x3", "3x4")),
                new Refusal("gatherRows", () -> backend.gatherRows(tall, new int[] {0, 1, 2}, 0, out),
                        List.of("4x3", "3x4")),
                new Refusal("assign", () -> backend.assign(new double[5], out), List.of("5 values", "3x4")),
                new Refusal("fromArray", () -> backend.fromArray(dtype, new Shape(2, 2), new double[3]),
                        List.of("3 values", "2x2")));
        for (Refusal refusal : refusals) {
            assertRefused(refusal);
            assertArrayEquals(outBefore, out.toDoubleArray(), refusal.call() + " modified its output");
        }
        assertArrayEquals(Points.uniform(backend, dtype, 3, 4, -1, 1, 1).toDoubleArray(),
                backend.copy(a, out).toDoubleArray(), "the backend works on after refusals");
    }

    static void aTensorOfAnotherBackendIsRefusedByEveryOperation(TensorBackend backend, DType dtype) {
        Tensor foreign = new ForeignTensor(ForeignBackend.INSTANCE, dtype, new Shape(3, 3));
        Tensor own = Points.uniform(backend, dtype, 3, 3, -1, 1, 3);
        for (Refusal refusal : everyOperation(backend, own, foreign)) {
            assertRefused(new Refusal(refusal.call(), refusal.action(), List.of("'foreign'", "'" + backend.name() + "'")));
        }
        assertRefused(new Refusal("toDoubleArray", () -> backend.toDoubleArray(foreign), List.of("'foreign'")));
        assertRefused(new Refusal("reduceAll", () -> backend.reduceAll(ReduceOp.MAX, foreign), List.of("'foreign'")));
        assertRefused(new Refusal("fill", () -> backend.fill(1, foreign), List.of("'foreign'")));
        assertRefused(new Refusal("assign", () -> backend.assign(new double[9], foreign), List.of("'foreign'")));
    }

    static void tensorsOfTwoRealBackendsCannotBeMixed(TensorBackend backend, DType dtype) {
        Optional<TensorBackend> other = Backends.all().stream()
                .filter(candidate -> !candidate.name().equals(backend.name())).findFirst();
        assumeTrue(other.isPresent(), "needs a second usable backend");
        Tensor foreign = Points.uniform(other.get(), dtype, 3, 3, -1, 1, 4);
        Tensor own = Points.uniform(backend, dtype, 3, 3, -1, 1, 5);
        double[] ownBefore = own.toDoubleArray();
        for (Refusal refusal : everyOperation(backend, own, foreign)) {
            assertRefused(new Refusal(refusal.call(), refusal.action(),
                    List.of("'" + other.get().name() + "'", "'" + backend.name() + "'")));
        }
        assertArrayEquals(ownBefore, own.toDoubleArray());
    }

    static void tensorsOfTwoDTypesCannotBeMixed(TensorBackend backend, DType dtype) {
        DType otherType = dtype == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32;
        Tensor other = Points.uniform(backend, otherType, 3, 3, -1, 1, 6);
        Tensor own = Points.uniform(backend, dtype, 3, 3, -1, 1, 7);
        double[] ownBefore = own.toDoubleArray();
        for (Refusal refusal : everyOperation(backend, own, other)) {
            assertRefused(new Refusal(refusal.call(), refusal.action(), List.of("float32", "float64", "mixed")));
        }
        assertArrayEquals(ownBefore, own.toDoubleArray());
    }

    static void outputsMayNotAliasTheInputsOfMatmulAndGatherRows(TensorBackend backend, DType dtype) {
        Tensor square = Points.uniform(backend, dtype, 3, 3, -1, 1, 8);
        assertRefused(new Refusal("matmul into a", () -> backend.matmul(square, false, square.duplicate(), false,
                square), List.of("matmul", "output")));
        assertRefused(new Refusal("matmul into b", () -> backend.matmul(square.duplicate(), true, square, false,
                square), List.of("matmul", "output")));
        assertRefused(new Refusal("gatherRows", () -> backend.gatherRows(square, new int[] {0, 1, 2}, 0, square),
                List.of("gatherRows", "output")));
    }

    static void rowIndicesOutsideTheSourceAreRefusedNamingTheIndex(TensorBackend backend, DType dtype) {
        Tensor source = Points.uniform(backend, dtype, 4, 2, -1, 1, 9);
        Tensor out = backend.zeros(dtype, new Shape(2, 2));
        assertRefused(new Refusal("past the end", () -> backend.gatherRows(source, new int[] {0, 4}, 0, out),
                List.of("row index 4", "position 1", "4 rows")));
        assertRefused(new Refusal("negative", () -> backend.gatherRows(source, new int[] {-1, 0}, 0, out),
                List.of("row index -1")));
        assertRefused(new Refusal("too few", () -> backend.gatherRows(source, new int[] {0, 1, 2}, 2, out),
                List.of("offset 2", "3 indices")));
        assertArrayEquals(new double[4], out.toDoubleArray());
    }

    /** Every operation with {@code odd} in one of its tensor places and {@code own} in the others. */
    private static List<Refusal> everyOperation(TensorBackend backend, Tensor own, Tensor odd) {
        Function<Tensor, Tensor> fresh = tensor -> backend.zeros(own.dtype(), own.shape());
        Map<String, Executable> calls = Map.ofEntries(
                Map.entry("unary input", () -> backend.unary(UnaryOp.EXP, odd, fresh.apply(own))),
                Map.entry("unary output", () -> backend.unary(UnaryOp.EXP, own, odd)),
                Map.entry("binary b", () -> backend.binary(BinaryOp.ADD, own, odd, fresh.apply(own))),
                Map.entry("binary a", () -> backend.binary(BinaryOp.ADD, odd, own, fresh.apply(own))),
                Map.entry("binary scalar", () -> backend.binary(BinaryOp.ADD, odd, 1, own)),
                Map.entry("matmul", () -> backend.matmul(own, false, odd, false, fresh.apply(own))),
                Map.entry("matmul output", () -> backend.matmul(own, false, own.duplicate(), false, odd)),
                Map.entry("addScaled", () -> backend.addScaled(own, 0.5, odd, own)),
                Map.entry("where", () -> backend.where(odd, own, own, fresh.apply(own))),
                Map.entry("reduce", () -> backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, odd,
                        backend.zeros(own.dtype(), new Shape(3, 1)))),
                Map.entry("copy", () -> backend.copy(odd, own)),
                Map.entry("gatherRows", () -> backend.gatherRows(odd, new int[] {0, 1, 2}, 0, own)));
        return calls.entrySet().stream().map(call -> new Refusal(call.getKey(), call.getValue(), List.of())).toList();
    }

    private static void assertRefused(Refusal refusal) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, refusal.action(),
                refusal.call() + " should be refused");
        String message = String.valueOf(error.getMessage());
        for (String mention : refusal.mentions()) {
            assertTrue(message.contains(mention), refusal.call() + ": '" + message + "' should mention " + mention);
        }
    }
}
