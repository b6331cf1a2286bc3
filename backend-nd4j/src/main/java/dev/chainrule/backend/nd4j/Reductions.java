package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Min;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;

/** Each {@link ReduceOp} as an ND4J native reduction, along one axis into a kept-dimension result or over all. */
final class Reductions {

    private Reductions() {
    }

    /**
     * {@code out = op of x along axis}; {@code out} is {@code rows x 1} or {@code 1 x columns}, already checked. Column
     * sums (the bias gradient of every training step) are the product of a row of ones and {@code x}, which OpenBLAS
     * computes several times faster than ND4J's reduction along dimension 0; the rows of a small tensor are reduced
     * on the Java side ({@link JavaReductions}).
     */
    static void along(ReduceOp op, ReduceAxis axis, Nd4jTensor input, Nd4jTensor result, Staging staging) {
        INDArray x = input.array();
        INDArray out = result.array();
        if (op == ReduceOp.SUM && axis == ReduceAxis.PER_COLUMN) {
            Nd4jRuntime.product().compute(result.ones(x.rows()), false, x, false, out, 1, x.columns(), x.rows());
            return;
        }
        if (axis == ReduceAxis.PER_ROW && JavaReductions.suits(input)) {
            JavaReductions.perRow(op, input, result, staging);
            return;
        }
        int dimension = axis == ReduceAxis.PER_ROW ? 1 : 0;
        switch (op) {
            case SUM -> Nd4j.exec(new Sum(x, out, true, dimension));
            case MEAN -> Nd4j.exec(new Mean(x, out, true, dimension));
            case MAX -> Nd4j.exec(new Max(x, out, true, dimension));
            case MIN -> Nd4j.exec(new Min(x, out, true, dimension));
        }
    }

    /**
     * {@code op} of every element of {@code x}: on the Java side for a small tensor, else by an operation and into a
     * scalar that {@code x} keeps.
     */
    static double all(ReduceOp op, Nd4jTensor x, Staging staging) {
        if (JavaReductions.suits(x)) {
            return JavaReductions.all(op, x, staging);
        }
        BaseReduceOp reduction = x.reductionOfAll(op, (array, result) -> switch (op) {
            case SUM -> new Sum(array, result);
            case MEAN -> new Mean(array, result);
            case MAX -> new Max(array, result);
            case MIN -> new Min(array, result);
        });
        Nd4j.exec(reduction);
        return x.reduced();
    }
}
