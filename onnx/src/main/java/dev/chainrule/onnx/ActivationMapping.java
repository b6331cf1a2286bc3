package dev.chainrule.onnx;

import dev.chainrule.core.activation.Activation;

/**
 * How one activation is written in ONNX: the service that a third-party activation provides so that networks using
 * it can be exported. Register an implementation with {@code META-INF/services/dev.chainrule.onnx.ActivationMapping}
 * (or {@code @AutoService(ActivationMapping.class)}) in the jar beside the activation; the exporter finds it by
 * {@link #activation()}. Without one, exporting a network that uses the activation fails, naming it and this
 * interface.
 *
 * <p>An example, the bent identity {@code (sqrt(z^2 + 1) - 1) / 2 + z} in primitive operators:
 * <pre>{@code
 * public final class BentIdentityMapping implements ActivationMapping {
 *     public String activation() { return "bent_identity"; }
 *
 *     public String export(Activation activation, String input, OnnxGraph graph) {
 *         String root = graph.op("Sqrt", graph.op("Add", graph.op("Mul", input, input), graph.constant(1)));
 *         String half = graph.op("Div", graph.op("Sub", root, graph.constant(1)), graph.constant(2));
 *         return graph.op("Add", half, input);
 *     }
 * }
 * }</pre>
 * Write the nodes so that they hold in the graph's {@link OnnxGraph#dtype() dtype}; prove the mapping by running the
 * exported model in ONNX Runtime against the activation's own {@code forward}.
 */
public interface ActivationMapping {

    /** The name of the activation this maps, as its {@code name()} gives it ({@code bent_identity}). */
    String activation();

    /**
     * Adds the nodes that compute {@code activation} of the tensor {@code input} to {@code graph}.
     *
     * @param activation the bound activation instance of a layer (its spec holds its arguments, its parameters their
     *                   values)
     * @param input      the name of the {@code batch x units} tensor the activation receives
     * @param graph      the graph being written
     * @return the name of the output tensor, of {@code input}'s shape
     * @throws OnnxException when this instance cannot be written (an argument the mapping cannot express)
     */
    String export(Activation activation, String input, OnnxGraph graph) throws OnnxException;
}
