package dev.chainrule.onnx;

import dev.chainrule.onnx.Initializers.Constant;
import dev.chainrule.onnx.proto.Onnx.NodeProto;

/**
 * The dense layers that {@code Gemm} ({@code alpha} 1, {@code transA} 0, any {@code transB}, its bias {@code C} scaled
 * by {@code beta}) and {@code MatMul} nodes with constant weights are, on rows of {@code inputs} numbers; a
 * {@code MatMul}'s bias is the {@code Add} after it.
 */
final class DenseNodes {

    private DenseNodes() {
    }

    static LayerPlan gemm(Initializers constants, NodeProto node, NodeAttributes attributes, int inputs, String where)
            throws OnnxException {
        if (attributes.real("alpha", 1) != 1 || attributes.integer("transA", 0) != 0) {
            throw GraphReader.unsupported(where + " has alpha " + attributes.real("alpha", 1) + " or transA "
                    + attributes.integer("transA", 0) + "; Chainrule imports Gemm with alpha 1 and transA 0");
        }
        boolean transposed = attributes.integer("transB", 0) == 1;
        Constant b = ConstantInputs.input(constants, node, 1, where, "its weights B");
        double[] weights = ConstantInputs.denseWeights(b, transposed, inputs, where);
        int units = weights.length / inputs;
        double[] bias = new double[units];
        LayerPlan plan = LayerPlan.dense(units, weights, bias);
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            double beta = attributes.real("beta", 1);
            Constant c = ConstantInputs.input(constants, node, 2, where, "its bias C");
            double[] scaled = ConstantInputs.broadcast(c, units, where, "bias C");
            for (int i = 0; i < units; i++) {
                scaled[i] *= beta;
            }
            plan.addBias(scaled);
        }
        return plan;
    }

    static LayerPlan matmul(Initializers constants, NodeProto node, int inputs, String where) throws OnnxException {
        double[] weights = ConstantInputs.denseWeights(ConstantInputs.input(constants, node, 1, where, "its weights"),
                false, inputs, where);
        int units = weights.length / inputs;
        return LayerPlan.dense(units, weights, new double[units]);
    }
}
