package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.BinaryOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarEquals;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarGreaterThan;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarGreaterThanOrEqual;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarLessThan;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarLessThanOrEqual;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.custom.EqualTo;
import org.nd4j.linalg.api.ops.impl.transforms.custom.GreaterThan;
import org.nd4j.linalg.api.ops.impl.transforms.custom.GreaterThanOrEqual;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LessThan;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LessThanOrEqual;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Min;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Condition;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Each {@link BinaryOp} as ND4J native operations, with a tensor (broadcast by ND4J's broadcasting kernels) or a
 * scalar as the second operand. All accept {@code out == a}. Maximum, minimum and comparisons come here only in their
 * broadcast forms and for tensors too large for a buffer view; the others run on the Java side
 * ({@link JavaElementwise}).
 *
 * <p>ND4J behaviours are corrected to the meaning the plain backend defines: comparisons produce BOOL arrays,
 * cast here into {@code 0/1} of the output's dtype; ND4J's maximum and minimum drop a NaN in the first operand
 * ({@code max(NaN, 1) == 1}), where Java's {@code Math.max} propagates it, which matters because a ReLU must not hide
 * a diverged pre-activation; and {@link JavaPow} gives {@code pow} Java's special cases.
 */
final class BinaryKernels {

    private static final Condition NAN = Conditions.isNan();

    private BinaryKernels() {
    }

    /** {@code out = a op b} with {@code b} of {@code a}'s shape, a row, a column or 1x1; checks are done. */
    static void apply(BinaryOp op, INDArray a, INDArray b, Nd4jTensor out) {
        INDArray z = out.array();
        switch (op) {
            case ADD -> out.runPairwise(op, AddOp::new, a, b, z);
            case SUB -> out.runPairwise(op, SubOp::new, a, b, z);
            case MUL -> out.runPairwise(op, MulOp::new, a, b, z);
            case DIV -> out.runPairwise(op, DivOp::new, a, b, z);
            case POW -> JavaPow.tensor(a, b, out);
            case MAX -> {
                out.runPairwise(op, Max::new, a, b, out.work(0));
                keepNaNs(a, out.work(0), z);
            }
            case MIN -> {
                out.runPairwise(op, Min::new, a, b, out.work(0));
                keepNaNs(a, out.work(0), z);
            }
            case GREATER -> out.runPairwise(op, GreaterThan::new, a, b, out.mask());
            case GREATER_EQUAL -> out.runPairwise(op, GreaterThanOrEqual::new, a, b, out.mask());
            case LESS -> out.runPairwise(op, LessThan::new, a, b, out.mask());
            case LESS_EQUAL -> out.runPairwise(op, LessThanOrEqual::new, a, b, out.mask());
            case EQUAL -> out.runPairwise(op, EqualTo::new, a, b, out.mask());
        }
        if (isComparison(op)) {
            Nd4j.exec(out.maskToNumbers());
        }
    }

    /** {@code out = a op b} for a scalar {@code b}, already rounded to the dtype; checks are done. */
    static void apply(BinaryOp op, INDArray a, double b, Nd4jTensor out) {
        INDArray z = out.array();
        switch (op) {
            case ADD -> Nd4j.exec(out.scalarOp(op, ScalarAdd::new, a, z, b));
            case SUB -> Nd4j.exec(out.scalarOp(op, ScalarSubtraction::new, a, z, b));
            case MUL -> Nd4j.exec(out.scalarOp(op, ScalarMultiplication::new, a, z, b));
            case DIV -> Nd4j.exec(out.scalarOp(op, ScalarDivision::new, a, z, b));
            case POW -> JavaPow.scalar(a, b, out);
            case MAX -> replace(a, b, z, isNegativeZero(b) ? Conditions.lessThan(b) : Conditions.lessThanOrEqual(b));
            case MIN -> replace(a, b, z,
                    isNegativeZero(b) ? Conditions.greaterThanOrEqual(b) : Conditions.greaterThan(b));
            case GREATER -> Nd4j.exec(out.scalarOp(op, ScalarGreaterThan::new, a, out.mask(), b));
            case GREATER_EQUAL -> Nd4j.exec(out.scalarOp(op, ScalarGreaterThanOrEqual::new, a, out.mask(), b));
            case LESS -> Nd4j.exec(out.scalarOp(op, ScalarLessThan::new, a, out.mask(), b));
            case LESS_EQUAL -> Nd4j.exec(out.scalarOp(op, ScalarLessThanOrEqual::new, a, out.mask(), b));
            case EQUAL -> Nd4j.exec(out.scalarOp(op, ScalarEquals::new, a, out.mask(), b));
        }
        if (isComparison(op)) {
            Nd4j.exec(out.maskToNumbers());
        }
    }

    private static boolean isComparison(BinaryOp op) {
        return switch (op) {
            case GREATER, GREATER_EQUAL, LESS, LESS_EQUAL, EQUAL -> true;
            default -> false;
        };
    }

    /** {@code z = isNaN(a) ? a : result}. */
    private static void keepNaNs(INDArray a, INDArray result, INDArray z) {
        Nd4j.exec(new CompareAndSet(result, a, z, NAN));
    }

    /**
     * {@code z = replaced(a) ? b : a}: max and min against a scalar in one pass that keeps a NaN in {@code a}. The
     * condition is chosen so that signed zeros come out as {@code Math.max} and {@code Math.min} give them.
     */
    private static void replace(INDArray a, double b, INDArray z, Condition replaced) {
        if (Double.isNaN(b)) {
            z.assign(Double.NaN);
        } else {
            Nd4j.exec(new CompareAndSet(a, z, b, replaced));
        }
    }

    private static boolean isNegativeZero(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
    }
}
