package org.example.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/** The bent identity: {@code phi(z) = (sqrt(z^2 + 1) - 1) / 2 + z}, {@code phi'(z) = z / (2 sqrt(z^2 + 1)) + 1}. */
@AutoService(Activation.class)
public final class BentIdentity implements Activation {

    @Override
    public String name() {
        return "bent_identity";
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        Tensor root = z.map(UnaryOp.SQUARE).add(1).map(UnaryOp.SQRT);
        return z.backend().addScaled(z, 0.5, root.sub(1), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        Tensor slope = z.div(z.map(UnaryOp.SQUARE).add(1).map(UnaryOp.SQRT).mul(2)).add(1);
        return z.backend().binary(BinaryOp.MUL, gradA, slope, out);
    }

    @Override
    public String toString() {
        return name();
    }
}
