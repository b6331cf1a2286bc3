package dev.chainrule.onnx;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/** A third-party activation for the tests, {@code z^2}, which Chainrule's built-in mappings do not know. */
class Square implements Activation {

    @Override
    public String name() {
        return "square";
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().binary(BinaryOp.MUL, z, z, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        Tensor slope = z.backend().binary(BinaryOp.MUL, z, 2, out);
        return z.backend().binary(BinaryOp.MUL, slope, gradA, out);
    }

    /** Its ONNX mapping, registered in this module's test META-INF/services as a third party's jar would. */
    public static final class Mapping implements ActivationMapping {

        @Override
        public String activation() {
            return "square";
        }

        @Override
        public String export(Activation activation, String input, OnnxGraph graph) {
            return graph.op("Mul", input, input);
        }
    }
}
