package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * LeCun's scaled tanh {@code 1.7159 tanh(2z/3)} with tanh replaced by a rational approximation, as Deeplearning4j's
 * {@code RATIONALTANH}: with {@code y = 2z/3} and {@code D = 1 + |y| + y^2 + 1.41645 y^4},
 * {@code phi(z) = 1.7159 sgn(y) (1 - 1/D)};
 * {@code phi'(z) = 1.7159 (2/3) (1 + 2|y| + 4 (1.41645) |y|^3) / D^2}.
 */
@AutoService(Activation.class)
public final class RationalTanh implements Activation {

    /** The registry name. */
    public static final String NAME = "rational_tanh";

    private static final double SCALE = 1.7159;
    private static final double QUARTIC = 1.41645;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor y = z.mul(2.0 / 3);
        Tensor reciprocal = denominator(y);
        backend.unary(UnaryOp.RECIPROCAL, reciprocal, reciprocal);
        backend.unary(UnaryOp.SIGN, y, out);
        backend.binary(BinaryOp.MUL, out, reciprocal.rsub(1), out);
        return backend.binary(BinaryOp.MUL, out, SCALE, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor y = z.mul(2.0 / 3);
        Tensor magnitude = y.map(UnaryOp.ABS);
        Tensor numerator = magnitude.map(UnaryOp.SQUARE).mul(magnitude).mul(4 * QUARTIC);
        backend.addScaled(numerator, 2, magnitude, numerator);
        backend.binary(BinaryOp.ADD, numerator, 1, numerator);
        Tensor slope = numerator.div(denominator(y).map(UnaryOp.SQUARE));
        backend.binary(BinaryOp.MUL, slope, SCALE * 2 / 3, slope);
        return Stable.times(gradA, slope, out);
    }

    /** {@code 1 + |y| + y^2 + 1.41645 y^4}. */
    private static Tensor denominator(Tensor y) {
        TensorBackend backend = y.backend();
        Tensor square = y.map(UnaryOp.SQUARE);
        Tensor sum = square.map(UnaryOp.SQUARE).mul(QUARTIC);
        backend.binary(BinaryOp.ADD, sum, square, sum);
        backend.binary(BinaryOp.ADD, sum, y.map(UnaryOp.ABS), sum);
        return backend.binary(BinaryOp.ADD, sum, 1, sum);
    }
}
