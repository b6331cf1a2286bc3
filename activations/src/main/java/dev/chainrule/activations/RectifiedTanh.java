package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * {@code phi(z) = max(0, tanh(z))}; {@code phi'(z) = 1 - tanh(z)^2 for z > 0, else 0}. As Deeplearning4j's
 * {@code RECTIFIEDTANH}.
 */
@AutoService(Activation.class)
public final class RectifiedTanh implements Activation {

    /** The registry name. */
    public static final String NAME = "rectified_tanh";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        z.backend().unary(UnaryOp.TANH, z, out);
        return z.backend().binary(BinaryOp.MAX, out, 0, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.TANH, z, out);
        backend.unary(UnaryOp.SQUARE, out, out);
        backend.unary(UnaryOp.NEG, out, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        backend.binary(BinaryOp.MUL, out, backend.binary(BinaryOp.GREATER, z, 0, out.scratch(0)), out);
        return Stable.times(gradA, out, out);
    }
}
