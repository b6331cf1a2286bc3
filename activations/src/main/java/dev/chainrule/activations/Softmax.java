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
 * Row-wise {@code phi(z)_i = e^(z_i - max z) / sum_j e^(z_j - max z)} (the shift by the row maximum keeps it
 * finite). Its Jacobian is {@code da_i/dz_j = a_i (delta_ij - a_j)}, so the vector-Jacobian product is
 * {@code dE/dz_i = a_i (g_i - sum_j g_j a_j)}.
 */
@AutoService(Activation.class)
public final class Softmax implements Activation {

    /** The registry name. */
    public static final String NAME = "softmax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor rowMax = backend.reduce(ReduceOp.MAX, ReduceAxis.PER_ROW, z, out.scratch(0, z.rows(), 1));
        backend.binary(BinaryOp.SUB, z, rowMax, out);
        backend.unary(UnaryOp.EXP, out, out);
        Tensor rowSum = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, out, rowMax);
        return backend.binary(BinaryOp.DIV, out, rowSum, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MUL, gradA, a, out);
        Tensor weightedSum = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, out, out.scratch(0, z.rows(), 1));
        backend.binary(BinaryOp.SUB, gradA, weightedSum, out);
        return backend.binary(BinaryOp.MUL, out, a, out);
    }
}
