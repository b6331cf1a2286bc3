package dev.chainrule.layers;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the noise layers share: in a training pass {@code out = x * m + c}, with a multiplier {@code m} and an offset
 * {@code c} drawn per element on the Java side from the pass's generator (so every backend sees the same noise, and a
 * pass repeats under its seed); in an inference pass the identity. The backward pass is {@code dE/dx = dE/dout * m}
 * with the multiplier its forward pass drew (kept in the layer's memory), or {@code dE/dout} after an inference pass.
 * No parameters, no state: the noise comes from the generator that the training session owns.
 */
abstract class NoiseLayer implements Layer {

    private static final int MULTIPLIER = 0;
    private static final int OFFSET = 1;

    private final Spec spec;
    private final boolean multiplies;
    private final boolean adds;

    /**
     * A noise layer.
     *
     * @param multiplies whether it multiplies its input in training passes
     * @param adds       whether it adds to its input in training passes
     */
    NoiseLayer(Spec spec, boolean multiplies, boolean adds) {
        this.spec = spec;
        this.multiplies = multiplies;
        this.adds = adds;
    }

    @Override
    public final Spec spec() {
        return spec;
    }

    @Override
    public final FeatureShape outputShape(FeatureShape input) {
        return input;
    }

    /**
     * Draws the noise of one training pass into {@code multiplier} and {@code offset}, each as long as the batch has
     * numbers when the layer multiplies or adds, else empty.
     */
    abstract void draw(SplittableRandom random, double[] multiplier, double[] offset);

    @Override
    public final Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        TensorBackend backend = input.backend();
        if (!context.training()) {
            return backend.copy(input, output);
        }
        int size = input.shape().size();
        double[] multiplier = memory.array(MULTIPLIER, multiplies ? size : 0);
        double[] offset = memory.array(OFFSET, adds ? size : 0);
        draw(context.random(), multiplier, offset);
        Tensor result;
        if (multiplies) {
            Tensor mask = backend.assign(multiplier, memory.tensor(MULTIPLIER, input.columns()));
            result = backend.binary(BinaryOp.MUL, input, mask, output);
        } else {
            result = backend.copy(input, output);
        }
        if (adds) {
            Tensor noise = backend.assign(offset, memory.tensor(OFFSET, input.columns()));
            backend.binary(BinaryOp.ADD, result, noise, result);
        }
        return result;
    }

    @Override
    public final void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        if (gradInput.isEmpty()) {
            return;
        }
        TensorBackend backend = input.backend();
        if (memory.training() && multiplies) {
            backend.binary(BinaryOp.MUL, gradOutput, memory.tensor(MULTIPLIER, input.columns()), gradInput.get());
        } else {
            backend.copy(gradOutput, gradInput.get());
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
