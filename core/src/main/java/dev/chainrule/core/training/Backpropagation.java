package dev.chainrule.core.training;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chain rule over a network, for one loss. For a batch {@code x} with targets {@code y}:
 * <pre>
 * forward:   z_k = a_{k-1} W_k + b_k          a_k = phi_k(z_k)          a_0 = x
 * backward:  g_n = dE/da_n                     (the loss's gradient)
 *            delta_k = phi_k.backward(z_k, a_k, g_k)   (layer k's own derivative)
 *            dW_k = a_{k-1}^T delta_k    db_k = column sums of delta_k
 *            dp_k = phi_k.parameterGradients(z_k, a_k, g_k)   (only for an activation with parameters)
 *            g_{k-1} = delta_k W_k^T
 * </pre>
 * At the output, a loss's fused {@code dE/dz_n} replaces the first two backward lines when the loss offers one for the
 * output activation and fusing is on (and the output activation has no parameters of its own, whose gradients need
 * {@code g_n}). This class contains no mathematics of any activation or loss: it orders the work and calls theirs.
 *
 * <p>Buffers are allocated for a batch size on first use and reused for every later batch of that size (a few sizes
 * are kept, so a smaller last batch reallocates nothing either); the gradients are allocated once. Plugins get these
 * buffers as their {@code out} and take their temporaries from the buffers' {@linkplain Tensor#scratch(int) work
 * tensors}, so that a step allocates nothing in proportion to the batch once every size has run. An instance is not
 * thread-safe.
 */
public final class Backpropagation {

    private final Network network;
    private final Loss loss;
    private final Optional<FusedOutputGradient> fused;
    private final Gradients gradients;
    /** Per layer (index k - 1): where its parameters start in the gradients, and its activation's gradient tensors. */
    private final int[] firstParameter;
    private final List<List<Tensor>> activationGradients;
    private final BufferCache<Trace> traces = new BufferCache<>();

    /**
     * Backpropagation of {@code loss} through {@code network}.
     *
     * @param useFusedOutputGradient take the loss's fused output gradient when it offers one
     */
    public Backpropagation(Network network, Loss loss, boolean useFusedOutputGradient) {
        this.network = network;
        this.loss = loss;
        Activation output = network.layers().get(network.layers().size() - 1).activation();
        this.fused = useFusedOutputGradient && output.parameters().isEmpty() ? loss.fusedGradient(output)
                : Optional.empty();
        this.gradients = new Gradients(network.parameters());
        List<DenseLayer> layers = network.layers();
        this.firstParameter = new int[layers.size()];
        this.activationGradients = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < layers.size(); k++) {
            firstParameter[k] = next;
            int count = layers.get(k).parameters().size();
            List<Tensor> own = new ArrayList<>();
            for (int p = next + 2; p < next + count; p++) {
                own.add(gradients.get(p));
            }
            activationGradients.add(List.copyOf(own));
            next += count;
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
     * (activations such as rrelu draw from its generator) or inference. Returns the trace.
     */
    public Trace forward(Tensor x, ForwardContext context) {
        if (x.columns() != network.inputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs per row, but the batch is "
                    + x.shape());
        }
        Trace trace = traces.get(x.rows(), this::allocate);
        Tensor[] z = trace.z();
        Tensor[] a = trace.a();
        a[0] = x;
        List<DenseLayer> layers = network.layers();
        for (int k = 1; k <= layers.size(); k++) {
            DenseLayer layer = layers.get(k - 1);
            layer.preActivation(a[k - 1], z[k]);
            layer.activation().forward(z[k], a[k], context);
        }
        return trace;
    }

    /** The loss of the traced batch against {@code y}. */
    public double loss(Trace trace, Tensor y) {
        return loss.value(trace.activation(trace.layers()), y, trace.lossWork());
    }

    /** Runs the backward pass for a traced batch with targets {@code y}; returns the (reused) gradients. */
    public Gradients backward(Trace trace, Tensor y) {
        Tensor[] z = trace.z();
        Tensor[] a = trace.a();
        Tensor[] g = trace.gradA();
        Tensor[] delta = trace.delta();
        List<DenseLayer> layers = network.layers();
        int n = layers.size();
        if (fused.isPresent()) {
            fused.get().gradient(z[n], a[n], y, delta[n]);
        } else {
            loss.gradient(a[n], y, g[n]);
            layers.get(n - 1).activation().backward(z[n], a[n], g[n], delta[n]);
        }
        TensorBackend backend = network.backend();
        for (int k = n; k >= 1; k--) {
            DenseLayer layer = layers.get(k - 1);
            int parameter = firstParameter[k - 1];
            backend.matmul(a[k - 1], true, delta[k], false, gradients.get(parameter));
            backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, delta[k], gradients.get(parameter + 1));
            List<Tensor> own = activationGradients.get(k - 1);
            if (!own.isEmpty()) {
                layer.activation().parameterGradients(z[k], a[k], g[k], own);
            }
            if (k > 1) {
                backend.matmul(delta[k], false, layer.weights(), true, g[k - 1]);
                layers.get(k - 2).activation().backward(z[k - 1], a[k - 1], g[k - 1], delta[k - 1]);
            }
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
        Tensor[] z = new Tensor[n + 1];
        Tensor[] a = new Tensor[n + 1];
        Tensor[] g = new Tensor[n + 1];
        Tensor[] delta = new Tensor[n + 1];
        for (int k = 1; k <= n; k++) {
            Shape shape = new Shape(rows, network.layers().get(k - 1).outputs());
            z[k] = network.backend().zeros(network.dtype(), shape);
            a[k] = network.backend().zeros(network.dtype(), shape);
            g[k] = network.backend().zeros(network.dtype(), shape);
            delta[k] = network.backend().zeros(network.dtype(), shape);
        }
        return new Trace(z, a, g, delta, network.backend().zeros(network.dtype(), z[n].shape()));
    }
}
