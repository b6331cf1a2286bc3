package dev.chainrule.core.training;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chain rule over a network, for one loss. For a batch {@code x} with targets {@code y}:
 * <pre>
 * forward:   a_k = layer_k.forward(a_{k-1})             a_0 = x
 * backward:  g_n = dE/da_n                              (the loss's gradient)
 *            g_{k-1}, dp_k = layer_k.backward(a_{k-1}, a_k, g_k)     (layer k's own vector-Jacobian product)
 * </pre>
 * For a dense layer, {@code backward} is {@code delta_k = phi_k.backward(z_k, a_k, g_k)}, {@code dW_k = a_{k-1}^T
 * delta_k}, {@code db_k = column sums of delta_k}, {@code g_{k-1} = delta_k W_k^T}; a dropout or normalisation layer
 * brings its own. At the output, a loss's fused {@code dE/dz_n} replaces the output activation's derivative when the
 * last layer ends in an activation ({@link Layer#outputActivation()}), the loss offers a fused gradient for it, fusing
 * is on, and the activation has no parameters of its own (whose gradients need {@code g_n}). This class contains no
 * mathematics of any layer, activation or loss, and knows no layer type: it orders the work and calls theirs.
 *
 * <p>Buffers are allocated for a batch size on first use and reused for every later batch of that size (a few sizes
 * are kept, so a smaller last batch reallocates nothing either); the gradients are allocated once. Plugins get these
 * buffers as their {@code out} and take their temporaries from the buffers' {@linkplain Tensor#scratch(int) work
 * tensors} and their layer's memory, so that a step allocates nothing in proportion to the batch once every size has
 * run. An instance is not thread-safe.
 */
public final class Backpropagation {

    private final Network network;
    private final Loss loss;
    private final Optional<FusedOutputGradient> fused;
    private final Gradients gradients;
    /** Per layer (index k - 1): the gradient tensors of its parameters, in its order. */
    private final List<List<Tensor>> layerGradients;
    private final BufferCache<Trace> traces = new BufferCache<>();

    /**
     * Backpropagation of {@code loss} through {@code network}.
     *
     * @param useFusedOutputGradient take the loss's fused output gradient when it offers one
     */
    public Backpropagation(Network network, Loss loss, boolean useFusedOutputGradient) {
        this.network = network;
        this.loss = loss;
        Layer last = network.layer(network.layers().size());
        Optional<Activation> output = last.outputActivation();
        this.fused = useFusedOutputGradient && output.isPresent() && output.get().parameters().isEmpty()
                ? loss.fusedGradient(output.get()) : Optional.empty();
        this.gradients = new Gradients(network.parameters());
        this.layerGradients = new ArrayList<>();
        int next = 0;
        for (Layer layer : network.layers()) {
            List<Tensor> own = new ArrayList<>();
            for (int p = 0; p < layer.parameters().size(); p++) {
                own.add(gradients.get(next++));
            }
            layerGradients.add(List.copyOf(own));
        }
    }

    /** Whether the output layer uses the loss's fused gradient. */
    public boolean usesFusedOutputGradient() {
        return fused.isPresent();
    }

    /** The network. */
    public Network network() {
        return network;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** Runs an inference pass on {@code x} ({@code batch x inputs}, not modified) and returns the trace. */
    public Trace forward(Tensor x) {
        return forward(x, ForwardContext.inference());
    }

    /**
     * Runs the forward pass on {@code x} ({@code batch x inputs}, not modified) as {@code context} says: training
     * (dropout and rrelu draw from its generator, batch_norm uses batch statistics and updates its running ones) or
     * inference. Returns the trace.
     */
    public Trace forward(Tensor x, ForwardContext context) {
        if (x.columns() != network.inputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs per row, but the batch is "
                    + x.shape());
        }
        Trace trace = traces.get(x.rows(), this::allocate);
        trace.input(x);
        network.forward(x, trace.activation(trace.layers()), context, trace.buffers());
        return trace;
    }

    /** The loss of the traced batch against {@code y}. */
    public double loss(Trace trace, Tensor y) {
        return loss.value(trace.activation(trace.layers()), y, trace.lossWork());
    }

    /** Runs the backward pass for a traced batch with targets {@code y}; returns the (reused) gradients. */
    public Gradients backward(Trace trace, Tensor y) {
        Tensor[] a = trace.a();
        Tensor[] g = trace.gradA();
        int n = trace.layers();
        Layer last = network.layer(n);
        if (fused.isPresent()) {
            Tensor z = last.preActivation(a[n - 1], trace.memory(n));
            fused.get().gradient(z, a[n], y, last.preActivationGradient(trace.memory(n)));
            last.backwardFromPreActivation(a[n - 1], trace.gradInput(n), layerGradients.get(n - 1), trace.memory(n));
        } else {
            loss.gradient(a[n], y, g[n]);
            last.backward(a[n - 1], a[n], g[n], trace.gradInput(n), layerGradients.get(n - 1), trace.memory(n));
        }
        for (int k = n - 1; k >= 1; k--) {
            network.layer(k).backward(a[k - 1], a[k], g[k], trace.gradInput(k), layerGradients.get(k - 1),
                    trace.memory(k));
        }
        return gradients;
    }

    /**
     * An inference pass forward and backward in one call; returns the batch's loss. The gradients are in
     * {@link #gradients()}.
     */
    public double computeGradients(Tensor x, Tensor y) {
        return computeGradients(x, y, ForwardContext.inference());
    }

    /** Forward (as {@code context} says) and backward in one call; returns the batch's loss. */
    public double computeGradients(Tensor x, Tensor y, ForwardContext context) {
        Trace trace = forward(x, context);
        double value = loss(trace, y);
        backward(trace, y);
        return value;
    }

    /** The gradients of the last backward pass. */
    public Gradients gradients() {
        return gradients;
    }

    private Trace allocate(int rows) {
        int n = network.layers().size();
        Tensor[] g = new Tensor[n + 1];
        for (int k = 1; k <= n; k++) {
            g[k] = network.backend().zeros(network.dtype(), new Shape(rows, network.outputShape(k).size()));
        }
        Shape output = new Shape(rows, network.outputs());
        return new Trace(network, network.forwardBuffers(rows), network.backend().zeros(network.dtype(), output), g,
                network.backend().zeros(network.dtype(), output));
    }
}
