package dev.chainrule.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ReplaceNans;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarLessThan;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code expm1} and {@code log1p} accurate near zero. ND4J computes them as {@code exp(x) - 1} and {@code log(1 + x)},
 * which lose all relative precision as {@code x} approaches 0 (a 19% error at {@code 1e-7} in FLOAT32). For
 * {@code |x| < 1/2} these use Kahan's corrections, exact up to a few roundings given accurate {@code exp} and
 * {@code log}:
 * <pre>
 * u = e^x:     expm1(x) = (u - 1) * x / log(u)     (x where u == 1)
 * u = 1 + x:   log1p(x) = log(u) * x / (u - 1)     (x where u == 1)
 * </pre>
 * Farther from zero the plain formula is accurate, and it also handles overflow, {@code -1} and infinities.
 */
final class NearZero {

    private static final double CORRECTED_BELOW = 0.5;

    private NearZero() {
    }

    /** {@code out = e^x - 1}; {@code out} may be {@code x}. */
    static void expm1(INDArray x, Nd4jTensor out) {
        INDArray plain = out.scratch(0);
        INDArray corrected = out.scratch(1);
        INDArray near = out.mask();
        markNearZero(x, near, corrected);
        Nd4j.exec(new Exp(x, plain));
        Nd4j.exec(new Log(plain, corrected));
        Nd4j.exec(new ScalarAdd(plain, null, plain, -1.0));
        Nd4j.exec(new DivOp(plain, corrected, corrected));
        finish(x, corrected);
        Selection.choose(near, corrected, plain, out.array());
    }

    /** {@code out = log(1 + x)}; {@code out} may be {@code x}. */
    static void log1p(INDArray x, Nd4jTensor out) {
        INDArray plain = out.scratch(0);
        INDArray corrected = out.scratch(1);
        INDArray near = out.mask();
        markNearZero(x, near, corrected);
        Nd4j.exec(new ScalarAdd(x, null, plain, 1.0));
        Nd4j.exec(new Log(plain, corrected));
        Nd4j.exec(new ScalarAdd(plain, null, plain, -1.0));
        Nd4j.exec(new DivOp(corrected, plain, corrected));
        finish(x, corrected);
        Nd4j.exec(new ScalarAdd(x, null, plain, 1.0));
        Nd4j.exec(new Log(plain, plain));
        Selection.choose(near, corrected, plain, out.array());
    }

    private static void markNearZero(INDArray x, INDArray near, INDArray work) {
        Nd4j.exec(new Abs(x, work));
        Nd4j.exec(new ScalarLessThan(work, near, CORRECTED_BELOW));
    }

    /** {@code ratio = x * ratio}, where a ratio of 0/0 (u == 1) counts as 1. */
    private static void finish(INDArray x, INDArray ratio) {
        Nd4j.exec(new ReplaceNans(ratio, ratio, 1.0));
        Nd4j.exec(new MulOp(ratio, x, ratio));
    }
}
