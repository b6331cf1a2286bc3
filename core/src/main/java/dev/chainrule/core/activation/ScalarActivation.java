package dev.chainrule.core.activation;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorChecks;

/**
 * The easy way to write an element-wise activation from two scalar formulas: {@link #phi} and its derivative
 * {@link #derivative}. Correct on every backend, but each call copies the tensor to Java arrays and back, so an
 * activation that matters for speed should implement {@link Activation} with tensor operations instead.
 */
public abstract class ScalarActivation implements Activation {

    /** {@code phi(x)}. */
    protected abstract double phi(double x);

    /**
     * {@code phi'(x)}.
     *
     * @param x    the input
     * @param phiX {@code phi(x)}, for derivatives best written in terms of the output
     */
    protected abstract double derivative(double x, double phiX);

    @Override
    public final Tensor forward(Tensor z, Tensor out) {
        TensorChecks.sameShape(name() + ".forward", "out", z.shape(), out.shape());
        double[] values = z.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = phi(values[i]);
        }
        return out.backend().assign(values, out);
    }

    @Override
    public final Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorChecks.sameShape(name() + ".backward", "gradA", z.shape(), gradA.shape());
        TensorChecks.sameShape(name() + ".backward", "out", z.shape(), out.shape());
        double[] x = z.toDoubleArray();
        double[] phiX = a.toDoubleArray();
        double[] grad = gradA.toDoubleArray();
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= derivative(x[i], phiX[i]);
        }
        return out.backend().assign(grad, out);
    }

    @Override
    public String toString() {
        return spec().toString();
    }
}
