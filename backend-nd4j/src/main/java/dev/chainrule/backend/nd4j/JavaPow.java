package dev.chainrule.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.Pow;
import org.nd4j.linalg.api.ops.impl.scalar.ReplaceNans;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndReplace;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Condition;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * {@code a ^ b} as {@link Math#pow} defines it. ND4J calls C's {@code pow}, which gives 1 for {@code pow(1, NaN)} and
 * {@code pow(-1, ±inf)} where Java gives NaN; every other case agrees. So after C's {@code pow} a marker array puts NaN
 * exactly where {@code |a| == 1} and the exponent is not finite.
 */
final class JavaPow {

    private static final Condition ZERO = Conditions.absLessThanOrEqual(0.0);
    private static final Condition NAN = Conditions.isNan();

    private JavaPow() {
    }

    /** {@code out = a ^ b} with {@code b} broadcast; {@code out} may be {@code a} or {@code b}. */
    static void tensor(INDArray a, INDArray b, Nd4jTensor out) {
        INDArray exponentNotFinite = out.scratch(0);
        exponentNotFinite.assign(0.0);
        Nd4j.exec(new AddOp(exponentNotFinite, b, exponentNotFinite));
        Nd4j.exec(new SubOp(exponentNotFinite, exponentNotFinite, exponentNotFinite));
        INDArray marker = out.scratch(1);
        unitBaseAtZero(a, marker);
        Nd4j.exec(new CompareAndReplace(marker, exponentNotFinite, marker, ZERO));
        Nd4j.exec(DynamicCustomOp.builder("Pow").addInputs(a, b).addOutputs(out.array()).build());
        Nd4j.exec(new CompareAndSet(out.array(), marker, out.array(), NAN));
    }

    /** {@code out = a ^ b} for a scalar {@code b}; {@code out} may be {@code a}. */
    static void scalar(INDArray a, double b, Nd4jTensor out) {
        INDArray z = out.array();
        if (Double.isNaN(b)) {
            z.assign(Double.NaN);
        } else if (Double.isInfinite(b)) {
            INDArray marker = out.scratch(0);
            unitBaseAtZero(a, marker);
            Nd4j.exec(new CompareAndSet(marker, marker, Double.NaN, ZERO));
            Nd4j.exec(new Pow(a, z, b));
            Nd4j.exec(new CompareAndSet(z, marker, z, NAN));
        } else {
            Nd4j.exec(new Pow(a, z, b));
        }
    }

    /** {@code marker = |a| - 1}, which is 0 exactly where {@code |a| == 1}, with NaN replaced by 1. */
    private static void unitBaseAtZero(INDArray a, INDArray marker) {
        Nd4j.exec(new Abs(a, marker));
        Nd4j.exec(new ScalarAdd(marker, null, marker, -1.0));
        Nd4j.exec(new ReplaceNans(marker, marker, 1.0));
    }
}
