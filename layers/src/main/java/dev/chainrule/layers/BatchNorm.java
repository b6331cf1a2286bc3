package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.network.State;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.List;
import java.util.Optional;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015; PyTorch's {@code BatchNorm1d}), per feature (column):
 * <pre>
 * training:   mu, var = mean and biased variance of the batch's column     xhat = (x - mu) / sqrt(var + eps)
 *             out = gamma xhat + beta
 *             running_mean = (1 - momentum) running_mean + momentum mu
 *             running_var  = (1 - momentum) running_var  + momentum var * m / (m - 1)     (unbiased, m rows)
 * inference:  out = gamma (x - running_mean) / sqrt(running_var + eps) + beta
 * backward (training):  dbeta = sum dE/dout     dgamma = sum dE/dout xhat
 *             dE/dx = gamma / sqrt(var + eps) * (dE/dout - dbeta / m - xhat dgamma / m)
 * </pre>
 * {@code gamma} starts at 1, {@code beta} at 0, the running mean at 0 and the running variance at 1. The running
 * statistics are the layer's {@linkplain #state() state}: saved in model files, updated by training passes only.
 * Spec {@code batch_norm(momentum=0.1, eps=1e-5)}.
 */
@AutoService(Layer.class)
public final class BatchNorm implements Layer {

    /** The registry name. */
    public static final String NAME = "batch_norm";

    private static final int XHAT = 0;
    private static final int MEAN = 1;
    private static final int VARIANCE = 2;
    private static final int INVERSE_STD = 3;
    private static final int SCALE = 4;
    private static final int WORK = 5;
    private static final int ROW_WORK = 6;

    private final double momentum;
    private final double eps;
    private final Spec spec;
    private final Normalization affine;
    private final State runningMean;
    private final State runningVariance;

    /** {@code momentum = 0.1, eps = 1e-5}. */
    public BatchNorm() {
        this(Arguments.defaults(NAME));
    }

    private BatchNorm(Arguments arguments) {
        this(arguments.number("momentum", 0.1, value -> value >= 0 && value <= 1, "must be in [0, 1]"),
                Normalization.epsilon(arguments), arguments.resolvedSpec(), null, null, null);
    }

    private BatchNorm(double momentum, double eps, Spec spec, Normalization affine, State runningMean,
            State runningVariance) {
        this.momentum = momentum;
        this.eps = eps;
        this.spec = spec;
        this.affine = affine;
        this.runningMean = runningMean;
        this.runningVariance = runningVariance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BatchNorm configure(Arguments arguments) {
        return new BatchNorm(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public FeatureShape outputShape(FeatureShape input) {
        return input;
    }

    @Override
    public BatchNorm bind(LayerBinding binding) {
        Shape row = new Shape(1, binding.input().size());
        return new BatchNorm(momentum, eps, spec, Normalization.create(binding),
                new State(binding.tensorName("running_mean"), binding.filled(row, 0)),
                new State(binding.tensorName("running_var"), binding.filled(row, 1)));
    }

    @Override
    public List<Parameter> parameters() {
        return affine == null ? List.of() : affine.parameters();
    }

    @Override
    public List<State> state() {
        return runningMean == null ? List.of() : List.of(runningMean, runningVariance);
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        TensorBackend backend = input.backend();
        int features = input.columns();
        Tensor mean = memory.row(MEAN, features);
        Tensor variance = memory.row(VARIANCE, features);
        if (context.training()) {
            backend.reduce(ReduceOp.MEAN, ReduceAxis.PER_COLUMN, input, mean);
            Tensor centred = backend.binary(BinaryOp.SUB, input, mean, memory.tensor(XHAT, features));
            Tensor squares = backend.unary(UnaryOp.SQUARE, centred, output.scratch(0));
            backend.reduce(ReduceOp.MEAN, ReduceAxis.PER_COLUMN, squares, variance);
            updateRunningStatistics(mean, variance, input.rows());
        } else {
            backend.copy(runningMean.value(), mean);
            backend.copy(runningVariance.value(), variance);
            backend.binary(BinaryOp.SUB, input, mean, memory.tensor(XHAT, features));
        }
        Tensor inverseStd = memory.row(INVERSE_STD, features);
        backend.binary(BinaryOp.ADD, variance, eps, inverseStd);
        backend.unary(UnaryOp.SQRT, inverseStd, inverseStd);
        backend.unary(UnaryOp.RECIPROCAL, inverseStd, inverseStd);
        Tensor xhat = memory.tensor(XHAT, features);
        backend.binary(BinaryOp.MUL, xhat, inverseStd, xhat);
        backend.binary(BinaryOp.MUL, xhat, affine.gamma().value(), output);
        return backend.binary(BinaryOp.ADD, output, affine.beta().value(), output);
    }

    private void updateRunningStatistics(Tensor mean, Tensor variance, int rows) {
        TensorBackend backend = mean.backend();
        Tensor runMean = runningMean.value();
        Tensor runVariance = runningVariance.value();
        backend.binary(BinaryOp.MUL, runMean, 1 - momentum, runMean);
        backend.addScaled(runMean, momentum, mean, runMean);
        double unbiased = rows > 1 ? (double) rows / (rows - 1) : 1;
        backend.binary(BinaryOp.MUL, runVariance, 1 - momentum, runVariance);
        backend.addScaled(runVariance, momentum * unbiased, variance, runVariance);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        TensorBackend backend = input.backend();
        int features = input.columns();
        Tensor xhat = memory.tensor(XHAT, features);
        Tensor work = memory.tensor(WORK, features);
        Tensor dgamma = parameterGradients.get(0);
        Tensor dbeta = parameterGradients.get(1);
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, gradOutput, dbeta);
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, backend.binary(BinaryOp.MUL, gradOutput, xhat, work),
                dgamma);
        if (gradInput.isEmpty()) {
            return;
        }
        Tensor scale = backend.binary(BinaryOp.MUL, affine.gamma().value(), memory.row(INVERSE_STD, features),
                memory.row(SCALE, features));
        Tensor out = gradInput.get();
        if (!memory.training()) {
            backend.binary(BinaryOp.MUL, gradOutput, scale, out);
            return;
        }
        double perRow = 1.0 / input.rows();
        backend.binary(BinaryOp.MUL, xhat, dgamma, work);
        backend.addScaled(gradOutput, -perRow, work, out);
        Tensor meanGradient = backend.binary(BinaryOp.MUL, dbeta, perRow, memory.row(ROW_WORK, features));
        backend.binary(BinaryOp.SUB, out, meanGradient, out);
        backend.binary(BinaryOp.MUL, out, scale, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
