package dev.chainrule.core.training;

import dev.chainrule.core.network.ForwardBuffers;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Tensor;
import java.util.Optional;

/**
 * Everything backpropagation computed for one batch, layer by layer (layer {@code k} runs from 1 to n; layer 0 is
 * the input): each layer's output {@code a_k}, the error {@code g_k = dE/da_k} arriving at it, and each layer's
 * {@link LayerMemory} of the pass. For a layer that ends in an activation (dense), its pre-activation {@code z_k} and
 * {@code delta_k = dE/dz_k} too.
 *
 * <p>The tensors are buffers that the next batch of the same size overwrites; copy what must outlive it.
 */
public final class Trace {

    private final Network network;
    private final ForwardBuffers buffers;
    private final Tensor[] a;
    private final Tensor[] gradA;
    private final Optional<Tensor>[] gradInputs;
    private final Tensor lossWork;

    @SuppressWarnings("unchecked")
    Trace(Network network, ForwardBuffers buffers, Tensor output, Tensor[] gradA, Tensor lossWork) {
        this.network = network;
        this.buffers = buffers;
        int n = network.layers().size();
        this.a = new Tensor[n + 1];
        for (int k = 1; k < n; k++) {
            a[k] = buffers.output(k);
        }
        a[n] = output;
        this.gradA = gradA;
        this.gradInputs = new Optional[n + 1];
        gradInputs[1] = Optional.empty();
        for (int k = 2; k <= n; k++) {
            gradInputs[k] = Optional.of(gradA[k - 1]);
        }
        this.lossWork = lossWork;
    }

    /** Number of layers. */
    public int layers() {
        return a.length - 1;
    }

    /** {@code a_k}, layer {@code k}'s output; {@code a_0} is the input batch. */
    public Tensor activation(int k) {
        if (k == 0) {
            return a[0];
        }
        return a[check(k)];
    }

    /** {@code a_k}, layer {@code k}'s output; the same as {@link #activation(int)}. */
    public Tensor output(int k) {
        return activation(k);
    }

    /** {@code g_k = dE/da_k}, the error arriving at layer {@code k}'s output. Not filled on the fused output path. */
    public Tensor outputError(int k) {
        return gradA[check(k)];
    }

    /** Layer {@code k}'s memory of this pass. */
    public LayerMemory memory(int k) {
        return buffers.memory(check(k));
    }

    /**
     * {@code z_k}, the pre-activation of layer {@code k}, which must end in an activation
     * ({@link Layer#outputActivation()}, as dense does).
     */
    public Tensor preActivation(int k) {
        return withActivation(k).preActivation(a[k - 1], memory(k));
    }

    /** {@code delta_k = dE/dz_k}, after layer {@code k}'s own activation derivative; see {@link #preActivation}. */
    public Tensor delta(int k) {
        return withActivation(k).preActivationGradient(memory(k));
    }

    private Layer withActivation(int k) {
        Layer layer = network.layer(check(k));
        if (layer.outputActivation().isEmpty()) {
            throw new IllegalArgumentException("layer " + k + " (" + layer.spec() + ") does not end in an activation, "
                    + "so it has no pre-activation");
        }
        return layer;
    }

    void input(Tensor x) {
        a[0] = x;
    }

    Tensor[] a() {
        return a;
    }

    Tensor[] gradA() {
        return gradA;
    }

    Optional<Tensor> gradInput(int k) {
        return gradInputs[k];
    }

    ForwardBuffers buffers() {
        return buffers;
    }

    /** The work tensor for the loss's value, of the output's shape. */
    Tensor lossWork() {
        return lossWork;
    }

    private int check(int k) {
        if (k < 1 || k >= a.length) {
            throw new IllegalArgumentException("layer " + k + " does not exist; layers run from 1 to " + layers());
        }
        return k;
    }
}
