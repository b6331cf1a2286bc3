package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * The tanh approximation of GELU, as PyTorch's {@code GELU(approximate='tanh')}: with
 * {@code u = sqrt(2/pi) (z + 0.044715 z^3)} and {@code t = tanh(u)}, {@code phi(z) = z (1 + t) / 2};
 * {@code phi'(z) = (1 + t) / 2 + z (1 - t^2) sqrt(2/pi) (1 + 3 (0.044715) z^2) / 2}.
 */
@AutoService(Activation.class)
public final class GELUTanh implements Activation {

    /** The registry name. */
    public static final String NAME = "gelu_tanh";

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double CUBIC = 0.044715;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.ADD, tanhOfU(z, out), 1, out);
        backend.binary(BinaryOp.MUL, out, z, out);
        return backend.binary(BinaryOp.MUL, out, 0.5, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor t = tanhOfU(z, out.scratch(0));
        Tensor inner = backend.unary(UnaryOp.SQUARE, z, out);
        backend.binary(BinaryOp.MUL, inner, 3 * CUBIC, inner);
        backend.binary(BinaryOp.ADD, inner, 1, inner);
        backend.binary(BinaryOp.MUL, inner, SQRT_2_OVER_PI, inner);
        Tensor sech2 = backend.unary(UnaryOp.SQUARE, t, out.scratch(1));
        backend.unary(UnaryOp.NEG, sech2, sech2);
        backend.binary(BinaryOp.ADD, sech2, 1, sech2);
        backend.binary(BinaryOp.MUL, inner, sech2, inner);
        backend.binary(BinaryOp.MUL, inner, z, inner);
        backend.binary(BinaryOp.ADD, inner, t, inner);
        backend.binary(BinaryOp.ADD, inner, 1, inner);
        backend.binary(BinaryOp.MUL, inner, 0.5, inner);
        return Stable.times(gradA, inner, out);
    }

    /** {@code tanh(sqrt(2/pi) (z + 0.044715 z^3))}. */
    private static Tensor tanhOfU(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor u = backend.unary(UnaryOp.SQUARE, z, out);
        backend.binary(BinaryOp.MUL, u, CUBIC, u);
        backend.binary(BinaryOp.MUL, u, z, u);
        backend.binary(BinaryOp.ADD, u, z, u);
        backend.binary(BinaryOp.MUL, u, SQRT_2_OVER_PI, u);
        return backend.unary(UnaryOp.TANH, u, u);
    }
}
