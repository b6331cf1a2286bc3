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
        Tensor y = backend.binary(BinaryOp.MUL, z, 2.0 / 3, out.scratch(0));
        Tensor reciprocal = denominator(y, out.scratch(1));
        backend.unary(UnaryOp.RECIPROCAL, reciprocal, reciprocal);
        backend.unary(UnaryOp.NEG, reciprocal, reciprocal);
        backend.binary(BinaryOp.ADD, reciprocal, 1, reciprocal);
        backend.unary(UnaryOp.SIGN, y, out);
        backend.binary(BinaryOp.MUL, out, reciprocal, out);
        return backend.binary(BinaryOp.MUL, out, SCALE, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor y = backend.binary(BinaryOp.MUL, z, 2.0 / 3, out.scratch(0));
        Tensor magnitude = backend.unary(UnaryOp.ABS, y, out.scratch(1));
        backend.unary(UnaryOp.SQUARE, magnitude, out);
        backend.binary(BinaryOp.MUL, out, magnitude, out);
        backend.binary(BinaryOp.MUL, out, 4 * QUARTIC, out);
        backend.addScaled(out, 2, magnitude, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        Tensor denominator = denominator(y, out.scratch(2));
        backend.unary(UnaryOp.SQUARE, denominator, denominator);
        backend.binary(BinaryOp.DIV, out, denominator, out);
        backend.binary(BinaryOp.MUL, out, SCALE * 2 / 3, out);
        return Stable.times(gradA, out, out);
    }

    /** {@code 1 + |y| + y^2 + 1.41645 y^4}. */
    private static Tensor denominator(Tensor y, Tensor out) {
        TensorBackend backend = y.backend();
        Tensor square = backend.unary(UnaryOp.SQUARE, y, out.scratch(0));
        backend.unary(UnaryOp.SQUARE, square, out);
        backend.binary(BinaryOp.MUL, out, QUARTIC, out);
        backend.binary(BinaryOp.ADD, out, square, out);
        backend.binary(BinaryOp.ADD, out, backend.unary(UnaryOp.ABS, y, out.scratch(0)), out);
        return backend.binary(BinaryOp.ADD, out, 1, out);
    }
}
