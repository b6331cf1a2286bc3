package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * The exact Gaussian error linear unit (Hendrycks and Gimpel 2016), as PyTorch's {@code GELU()}:
 * {@code phi(z) = z Phi(z) = z (1 + erf(z / sqrt 2)) / 2}; {@code phi'(z) = Phi(z) + z e^(-z^2/2) / sqrt(2 pi)}.
 * Both stay finite for any {@code z}: {@code erf} saturates at ±1 and the Gaussian density underflows to 0.
 */
@AutoService(Activation.class)
public final class GELU implements Activation {

    /** The registry name. */
    public static final String NAME = "gelu";

    private static final double INVERSE_SQRT_2 = Math.sqrt(0.5);
    private static final double INVERSE_SQRT_2_PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().binary(BinaryOp.MUL, z, normalCdf(z, out), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor density = backend.unary(UnaryOp.SQUARE, z, out.scratch(0));
        backend.binary(BinaryOp.MUL, density, -0.5, density);
        backend.unary(UnaryOp.EXP, density, density);
        backend.binary(BinaryOp.MUL, density, INVERSE_SQRT_2_PI, density);
        backend.binary(BinaryOp.MUL, density, z, density);
        Tensor slope = normalCdf(z, out);
        backend.binary(BinaryOp.ADD, slope, density, slope);
        return Stable.times(gradA, slope, out);
    }

    /** {@code out = Phi(z) = (1 + erf(z / sqrt 2)) / 2}, the standard normal distribution function. */
    private static Tensor normalCdf(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor cdf = backend.binary(BinaryOp.MUL, z, INVERSE_SQRT_2, out);
        backend.unary(UnaryOp.ERF, cdf, cdf);
        backend.binary(BinaryOp.ADD, cdf, 1, cdf);
        return backend.binary(BinaryOp.MUL, cdf, 0.5, cdf);
    }
}
