package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.UnaryOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Floor;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Reciprocal;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Each {@link UnaryOp} as ND4J native transforms, which accept {@code out == x}. ND4J's {@code sign(NaN)} is 0; it is
 * corrected to NaN as {@link Math#signum} gives, and {@link NearZero} supplies accurate {@code expm1} and
 * {@code log1p}. FLOAT32 {@code tanh} is not computed here but on the Java side ({@link FloatTanh}); Adam's square
 * root too, inside {@link FusedAdam}.
 */
final class UnaryKernels {

    private UnaryKernels() {
    }

    /** {@code out = op(x)}; shapes and dtypes are already checked. */
    static void apply(UnaryOp op, INDArray x, Nd4jTensor out) {
        INDArray z = out.array();
        switch (op) {
            case NEG -> Nd4j.exec(new Negative(x, z));
            case ABS -> Nd4j.exec(new Abs(x, z));
            case SIGN -> {
                Nd4j.exec(new Sign(x, out.work(0)));
                Nd4j.exec(new CompareAndSet(out.work(0), x, z, Conditions.isNan()));
            }
            case EXP -> Nd4j.exec(new Exp(x, z));
            case EXPM1 -> NearZero.expm1(x, out);
            case LOG -> Nd4j.exec(new Log(x, z));
            case LOG1P -> NearZero.log1p(x, out);
            case SQRT -> Nd4j.exec(new Sqrt(x, z));
            case SQUARE -> Nd4j.exec(new Square(x, z));
            case RECIPROCAL -> Nd4j.exec(new Reciprocal(x, z));
            case TANH -> Nd4j.exec(new Tanh(x, z));
            case ERF -> Nd4j.exec(new Erf(x, z));
            case SIN -> Nd4j.exec(new Sin(x, z));
            case COS -> Nd4j.exec(new Cos(x, z));
            case FLOOR -> Nd4j.exec(new Floor(x, z));
        }
    }
}
