package dev.chainrule.core.network;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.stream.Collectors;

/** A feed-forward network: dense layers in order, each with its own activation, on one backend and dtype. */
public final class Network {

    private final List<DenseLayer> layers;

    /** A network of the given layers, whose sizes must chain and which must share one backend and dtype. */
    public Network(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            DenseLayer previous = layers.get(k - 1);
            DenseLayer layer = layers.get(k);
            if (previous.outputs() != layer.inputs()) {
                throw new IllegalArgumentException("layer " + layer.index() + " takes " + layer.inputs()
                        + " inputs but layer " + previous.index() + " gives " + previous.outputs());
            }
            if (layer.weights().backend() != previous.weights().backend()
                    || layer.weights().dtype() != previous.weights().dtype()) {
                throw new IllegalArgumentException("layers " + previous.index() + " and " + layer.index()
                        + " live on different backends or dtypes");
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** The layers, first to last. */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** Number of input features. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** Number of outputs. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** The backend holding the parameters. */
    public TensorBackend backend() {
        return layers.get(0).weights().backend();
    }

    /** The parameters' dtype. */
    public DType dtype() {
        return layers.get(0).weights().dtype();
    }

    /** Every trainable parameter, layer by layer. */
    public List<Parameter> parameters() {
        return layers.stream().flatMap(layer -> layer.parameters().stream()).toList();
    }

    /** The number of trainable numbers. */
    public long parameterCount() {
        return parameters().stream().mapToLong(parameter -> parameter.value().shape().size()).sum();
    }

    /** The network's output for a batch {@code x} ({@code batch x inputs}, not modified), in a new tensor. */
    public Tensor predict(Tensor x) {
        Tensor activations = x;
        for (DenseLayer layer : layers) {
            activations = layer.forward(activations);
        }
        return activations;
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

    @Override
    public String toString() {
        return inputs() + " inputs -> " + layers.stream().map(layer -> layer.outputs() + " " + layer.activation().spec())
                .collect(Collectors.joining(" -> "));
    }
}
