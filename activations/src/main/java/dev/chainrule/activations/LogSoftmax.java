package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Row-wise {@code phi(z)_i = z_i - log sum_j e^(z_j)}, computed as {@code (z_i - m) - log sum_j e^(z_j - m)} with the
 * row maximum {@code m}, so nothing overflows. Its Jacobian is {@code da_i/dz_j = delta_ij - softmax(z)_j}, so the
 * vector-Jacobian product is {@code dE/dz_j = g_j - softmax(z)_j sum_i g_i}, with {@code softmax(z) = e^a}. As
 * PyTorch's {@code LogSoftmax(dim=1)}.
 */
@AutoService(Activation.class)
public final class LogSoftmax implements Activation {

    /** The registry name. */
    public static final String NAME = "log_softmax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor perRow = out.scratch(0, z.rows(), 1);
        Tensor rowMax = backend.reduce(ReduceOp.MAX, ReduceAxis.PER_ROW, z, perRow);
        backend.binary(BinaryOp.SUB, z, rowMax, out);
        Tensor exponentials = backend.unary(UnaryOp.EXP, out, out.scratch(1));
        Tensor logSum = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, exponentials, perRow);
        backend.unary(UnaryOp.LOG, logSum, logSum);
        return backend.binary(BinaryOp.SUB, out, logSum, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor gradSum = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, gradA, out.scratch(0, z.rows(), 1));
        backend.unary(UnaryOp.EXP, a, out);
        backend.binary(BinaryOp.MUL, out, gradSum, out);
        return backend.binary(BinaryOp.SUB, gradA, out, out);
    }
}
