package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Min;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;

/** Each {@link ReduceOp} as an ND4J native reduction, along one axis into a kept-dimension result or over all. */
final class Reductions {

    private Reductions() {
    }

    /** {@code out = op of x along axis}; {@code out} is {@code rows x 1} or {@code 1 x columns}, already checked. */
    static void along(ReduceOp op, ReduceAxis axis, INDArray x, INDArray out) {
        int dimension = axis == ReduceAxis.PER_ROW ? 1 : 0;
        switch (op) {
            case SUM -> Nd4j.exec(new Sum(x, out, true, dimension));
            case MEAN -> Nd4j.exec(new Mean(x, out, true, dimension));
            case MAX -> Nd4j.exec(new Max(x, out, true, dimension));
            case MIN -> Nd4j.exec(new Min(x, out, true, dimension));
        }
    }

    /** {@code op} of every element of {@code x}. */
    static double all(ReduceOp op, INDArray x) {
        Number value = switch (op) {
            case SUM -> x.sumNumber();
            case MEAN -> x.meanNumber();
            case MAX -> x.maxNumber();
            case MIN -> x.minNumber();
        };
        return value.doubleValue();
    }
}
