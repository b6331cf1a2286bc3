package dev.chainrule.core.network;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A feed-forward network: bound {@link Layer}s in order (dense layers each with its own activation, dropout, batch
 * normalisation, ...), on one backend and dtype. Build one with {@link NetworkBuilder}.
 *
 * <p>Inference into buffers the caller keeps: {@link #forwardBuffers(int)} once per thread and batch size, then
 * {@link #predict(Tensor, Tensor, ForwardBuffers)} for every batch. An application is usually better served by a
 * {@link dev.chainrule.core.inference.Predictor}, which keeps those buffers for it, takes Java rows and may be shared
 * between threads.
 *
 * <p><b>Threads.</b> Inference may run on any number of threads at once: {@link #predict(Tensor)}, or
 * {@link #predict(Tensor, Tensor, ForwardBuffers)} with buffers of each thread's own, since the layers keep nothing of
 * a pass in their own fields (tested with eight threads on both backends and dtypes). Anything that writes the
 * parameters or the layers' state (a training pass, an optimizer step, loading parameters) must not overlap with any
 * other use of the network.
 */
public final class Network {

    private final TensorBackend backend;
    private final DType dtype;
    private final List<FeatureShape> shapes;
    private final List<Layer> layers;

    /**
     * A network of bound layers, first to last.
     *
     * @param input  what each example looks like at the input
     * @param layers bound layers ({@link Layer#bind}), each accepting what the one before gives
     */
    public Network(TensorBackend backend, DType dtype, FeatureShape input, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.backend = backend;
        this.dtype = dtype;
        this.layers = List.copyOf(layers);
        List<FeatureShape> all = new ArrayList<>();
        all.add(input);
        for (int k = 1; k <= layers.size(); k++) {
            Layer layer = layers.get(k - 1);
            FeatureShape previous = all.get(k - 1);
            try {
                all.add(layer.outputShape(previous));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + k + " (" + layer.spec() + ") cannot take " + previous
                        + " inputs: " + e.getMessage(), e);
            }
            for (Parameter parameter : layer.parameters()) {
                if (parameter.value().backend() != backend || parameter.value().dtype() != dtype) {
                    throw new IllegalArgumentException("layer " + k + "'s " + parameter.name() + " lives on "
                            + parameter.value().backend().name() + " in " + parameter.value().dtype().label()
                            + ", not on the network's " + backend.name() + " in " + dtype.label());
                }
            }
        }
        this.shapes = List.copyOf(all);
    }

    /** A network of dense layers, whose sizes must chain and which must share one backend and dtype. */
    public static Network of(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        DenseLayer first = layers.get(0);
        for (int k = 1; k < layers.size(); k++) {
            DenseLayer previous = layers.get(k - 1);
            DenseLayer layer = layers.get(k);
            if (previous.outputs() != layer.inputs()) {
                throw new IllegalArgumentException("layer " + layer.index() + " takes " + layer.inputs()
                        + " inputs but layer " + previous.index() + " gives " + previous.outputs());
            }
        }
        return new Network(first.weights().backend(), first.weights().dtype(), FeatureShape.flat(first.inputs()),
                List.copyOf(layers));
    }

    /** The layers, first to last; layer {@code k} (from 1) is {@code layers().get(k - 1)}. */
    public List<Layer> layers() {
        return layers;
    }

    /** The layer at position {@code k}, from 1. */
    public Layer layer(int k) {
        if (k < 1 || k > layers.size()) {
            throw new IllegalArgumentException("layer " + k + " does not exist; layers run from 1 to " + layers.size());
        }
        return layers.get(k - 1);
    }

    /** What each example looks like at the input of layer {@code k} (from 1); {@code 1} gives the network's input. */
    public FeatureShape inputShape(int k) {
        layer(k);
        return shapes.get(k - 1);
    }

    /** What each example looks like at the output of layer {@code k} (from 1). */
    public FeatureShape outputShape(int k) {
        layer(k);
        return shapes.get(k);
    }

    /** What each example looks like at the input. */
    public FeatureShape inputShape() {
        return shapes.get(0);
    }

    /** Number of input features: numbers per example. */
    public int inputs() {
        return shapes.get(0).size();
    }

    /** Number of outputs. */
    public int outputs() {
        return shapes.get(shapes.size() - 1).size();
    }

    /** The backend holding the parameters. */
    public TensorBackend backend() {
        return backend;
    }

    /** The parameters' dtype. */
    public DType dtype() {
        return dtype;
    }

    /** Every trainable parameter, layer by layer. */
    public List<Parameter> parameters() {
        return layers.stream().flatMap(layer -> layer.parameters().stream()).toList();
    }

    /**
     * Every non-trainable tensor, layer by layer (batch_norm's running statistics): what a model file and a checkpoint
     * save beside {@link #parameters()}.
     */
    public List<State> state() {
        return layers.stream().flatMap(layer -> layer.state().stream()).toList();
    }

    /** The number of trainable numbers. */
    public long parameterCount() {
        return parameters().stream().mapToLong(parameter -> parameter.value().shape().size()).sum();
    }

    /** Buffers for passes of {@code rows} examples: keep one per thread and batch size. */
    public ForwardBuffers forwardBuffers(int rows) {
        return new ForwardBuffers(this, rows);
    }

    /**
     * Runs a pass on {@code x} in {@code buffers} as {@code context} says, writing the last layer's output into
     * {@code out}; returns {@code out}. Allocates nothing once the buffers and the layers' work tensors exist.
     *
     * @param x       {@code rows x inputs}; not modified
     * @param out     {@code rows x outputs}; modified
     * @param buffers made by {@link #forwardBuffers(int)} of this network for {@code rows}; modified
     */
    public Tensor forward(Tensor x, Tensor out, ForwardContext context, ForwardBuffers buffers) {
        buffers.check(this, x, out);
        Tensor input = x;
        int n = layers.size();
        for (int k = 1; k <= n; k++) {
            LayerMemory memory = buffers.memory(k);
            memory.beginPass(context);
            Tensor output = k == n ? out : buffers.output(k);
            layers.get(k - 1).forward(input, output, context, memory);
            input = output;
        }
        return out;
    }

    /** An inference pass into {@code out} with the caller's {@code buffers}; see {@link #forward}. */
    public Tensor predict(Tensor x, Tensor out, ForwardBuffers buffers) {
        return forward(x, out, ForwardContext.inference(), buffers);
    }

    /** The network's output for a batch {@code x} ({@code batch x inputs}, not modified), in a new tensor. */
    public Tensor predict(Tensor x) {
        Tensor out = backend.zeros(dtype, new Shape(x.rows(), outputs()));
        return predict(x, out, forwardBuffers(x.rows()));
    }

    /** The network's output for rows of Java numbers, as rows of Java numbers. */
    public double[][] predict(double[][] rows) {
        double[] flat = new double[rows.length * inputs()];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != inputs()) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values but the network takes "
                        + inputs());
            }
            System.arraycopy(rows[r], 0, flat, r * inputs(), inputs());
        }
        Tensor output = predict(backend().fromArray(dtype(), new Shape(rows.length, inputs()), flat));
        double[] values = output.toDoubleArray();
        double[][] result = new double[rows.length][outputs()];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, r * outputs(), result[r], 0, outputs());
        }
        return result;
    }

    /** {@code 64 inputs -> 32 tanh -> batch_norm(...) -> 10 softmax}: the dense layers by units and activation. */
    @Override
    public String toString() {
        return inputShape() + " inputs -> " + layers.stream().map(Network::describe).collect(Collectors.joining(" -> "));
    }

    private static String describe(Layer layer) {
        return layer instanceof DenseLayer dense ? dense.outputs() + " " + dense.activation().spec()
                : layer.spec().toString();
    }
}
