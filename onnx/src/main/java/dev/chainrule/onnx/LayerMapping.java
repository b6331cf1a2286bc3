package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;

/**
 * How one kind of layer is written in ONNX for inference: the service that a third-party layer provides so that
 * networks using it can be exported. Register an implementation with
 * {@code META-INF/services/dev.chainrule.onnx.LayerMapping} (or {@code @AutoService(LayerMapping.class)}); the
 * exporter finds it by {@link #layer()}. Without one, exporting a network that uses the layer fails, naming it and
 * this interface.
 *
 * <p>The exporter passes tensors as they flow between Chainrule's layers: {@code batch x input.size()}, one example
 * per row. A layer that works on images (a convolution) reshapes to {@code batch x channels x height x width} with
 * {@link OnnxGraph#reshape}, runs its operator and flattens back, so that the next layer's mapping sees rows again.
 */
public interface LayerMapping {

    /** The name of the layer this maps, as its {@code name()} gives it ({@code batch_norm}). */
    String layer();

    /**
     * Adds the nodes that compute {@code layer}'s inference forward pass to {@code graph}.
     *
     * @param layer the bound layer (its spec holds its arguments; its parameters and state their values)
     * @param input what each example looks like at the layer's input
     * @param name  the name of the {@code batch x input.size()} tensor the layer receives
     * @param graph the graph being written; {@link OnnxGraph#activation} writes an activation through its mapping
     * @return the name of the output tensor, {@code batch x layer.outputShape(input).size()}
     * @throws OnnxException when this layer cannot be written
     */
    String export(Layer layer, FeatureShape input, String name, OnnxGraph graph) throws OnnxException;
}
