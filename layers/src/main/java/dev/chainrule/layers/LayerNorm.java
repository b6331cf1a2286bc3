package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.List;
import java.util.Optional;

/**
 * Layer normalisation (Ba et al., 2016; PyTorch's {@code LayerNorm} over the features), per example (row), the same in
 * training and inference:
 * <pre>
 * mu, var = mean and biased variance of the row     xhat = (x - mu) / sqrt(var + eps)     out = gamma xhat + beta
 * backward:  dbeta = sum over rows of dE/dout       dgamma = sum over rows of dE/dout xhat
 *            h = dE/dout gamma        dE/dx = (h - mean_row(h) - xhat mean_row(h xhat)) / sqrt(var + eps)
 * </pre>
 * {@code gamma} (per feature) starts at 1 and {@code beta} at 0. Spec {@code layer_norm(eps=1e-5)}.
 */
@AutoService(Layer.class)
public final class LayerNorm implements Layer {

    /** The registry name. */
    public static final String NAME = "layer_norm";

    private static final int XHAT = 0;
    private static final int MEAN = 1;
    private static final int INVERSE_STD = 2;
    private static final int SCALED_GRADIENT = 3;
    private static final int WORK = 4;
    private static final int ROW_MEAN = 5;
    private static final int ROW_PRODUCT_MEAN = 6;

    private final double eps;
    private final Spec spec;
    private final Normalization affine;

    /** {@code eps = 1e-5}. */
    public LayerNorm() {
        this(Arguments.defaults(NAME));
    }

    private LayerNorm(Arguments arguments) {
        this(Normalization.epsilon(arguments), arguments.resolvedSpec(), null);
    }

    private LayerNorm(double eps, Spec spec, Normalization affine) {
        this.eps = eps;
        this.spec = spec;
        this.affine = affine;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LayerNorm configure(Arguments arguments) {
        return new LayerNorm(arguments);
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
    public LayerNorm bind(LayerBinding binding) {
        return new LayerNorm(eps, spec, Normalization.create(binding));
    }

    @Override
    public List<Parameter> parameters() {
        return affine == null ? List.of() : affine.parameters();
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        TensorBackend backend = input.backend();
        Tensor mean = backend.reduce(ReduceOp.MEAN, ReduceAxis.PER_ROW, input, memory.column(MEAN));
        Tensor xhat = backend.binary(BinaryOp.SUB, input, mean, memory.tensor(XHAT, input.columns()));
        Tensor squares = backend.unary(UnaryOp.SQUARE, xhat, output.scratch(0));
        Tensor inverseStd = backend.reduce(ReduceOp.MEAN, ReduceAxis.PER_ROW, squares, memory.column(INVERSE_STD));
        backend.binary(BinaryOp.ADD, inverseStd, eps, inverseStd);
        backend.unary(UnaryOp.SQRT, inverseStd, inverseStd);
        backend.unary(UnaryOp.RECIPROCAL, inverseStd, inverseStd);
        backend.binary(BinaryOp.MUL, xhat, inverseStd, xhat);
        backend.binary(BinaryOp.MUL, xhat, affine.gamma().value(), output);
        return backend.binary(BinaryOp.ADD, output, affine.beta().value(), output);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        TensorBackend backend = input.backend();
        int features = input.columns();
        Tensor xhat = memory.tensor(XHAT, features);
        Tensor work = memory.tensor(WORK, features);
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, gradOutput, parameterGradients.get(1));
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, backend.binary(BinaryOp.MUL, gradOutput, xhat, work),
                parameterGradients.get(0));
        if (gradInput.isEmpty()) {
            return;
        }
        Tensor out = gradInput.get();
        Tensor scaled = backend.binary(BinaryOp.MUL, gradOutput, affine.gamma().value(),
                memory.tensor(SCALED_GRADIENT, features));
        Tensor rowMean = backend.reduce(ReduceOp.MEAN, ReduceAxis.PER_ROW, scaled, memory.column(ROW_MEAN));
        Tensor productMean = backend.reduce(ReduceOp.MEAN, ReduceAxis.PER_ROW,
                backend.binary(BinaryOp.MUL, scaled, xhat, work), memory.column(ROW_PRODUCT_MEAN));
        backend.binary(BinaryOp.SUB, scaled, rowMean, out);
        backend.binary(BinaryOp.MUL, xhat, productMean, work);
        backend.binary(BinaryOp.SUB, out, work, out);
        backend.binary(BinaryOp.MUL, out, memory.column(INVERSE_STD), out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
