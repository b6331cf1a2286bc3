package dev.chainrule.onnx;

import dev.chainrule.onnx.Initializers.Constant;
import dev.chainrule.onnx.proto.Onnx.AttributeProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.Arrays;

/**
 * A node's constant inputs decoded into the numbers a layer takes: looked up among the graph's {@link Initializers},
 * broadcast to a size, or turned from ONNX's weight layout into Chainrule's. {@code where} names the node in errors,
 * {@code what} the input.
 */
final class ConstantInputs {

    private ConstantInputs() {
    }

    /** Adds the tensor of a {@code Constant} node to {@code constants} under the node's output name. */
    static void addConstantNode(Initializers constants, NodeProto node, String where) throws OnnxException {
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.getName().equals("value")) {
                constants.add(node.getOutput(0), attribute.getT());
                return;
            }
        }
        throw GraphReader.unsupported(where + " has no tensor 'value'");
    }

    /** Input {@code index} of {@code node}, which must be one of {@code constants}; {@code what} names it. */
    static Constant input(Initializers constants, NodeProto node, int index, String where, String what)
            throws OnnxException {
        if (node.getInputCount() <= index || node.getInput(index).isEmpty()) {
            throw new OnnxException(where + " lacks " + what);
        }
        String name = node.getInput(index);
        if (!constants.has(name)) {
            throw GraphReader.unsupported(where + " takes " + what + " from '" + name + "', which is not a constant");
        }
        return constants.get(name);
    }

    /** {@code constant} as {@code size} values: its own, or its one value repeated. */
    static double[] broadcast(Constant constant, int size, String where, String what) throws OnnxException {
        if (constant.size() == size) {
            return constant.values().clone();
        }
        if (constant.size() == 1) {
            double[] out = new double[size];
            Arrays.fill(out, constant.values()[0]);
            return out;
        }
        throw new OnnxException(where + " has a " + what + " of shape " + constant + " for " + size + " features");
    }

    /**
     * A dense layer's weights, {@code inputs x units} row-major, from a {@code MatMul}'s or {@code Gemm}'s {@code B}
     * ({@code units x inputs} when {@code transposed}).
     */
    static double[] denseWeights(Constant b, boolean transposed, int inputs, String where) throws OnnxException {
        long[] dims = b.dims();
        if (dims.length != 2 || dims[transposed ? 1 : 0] != inputs) {
            throw new OnnxException(where + " has weights of shape " + b + " that do not take " + inputs
                    + " inputs" + (transposed ? " (transposed)" : ""));
        }
        int units = (int) dims[transposed ? 0 : 1];
        if (!transposed) {
            return b.values().clone();
        }
        double[] out = new double[b.values().length];
        for (int o = 0; o < units; o++) {
            for (int i = 0; i < inputs; i++) {
                out[i * units + o] = b.values()[o * inputs + i];
            }
        }
        return out;
    }
}
