package dev.chainrule.core.network;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A fully connected layer {@code a = phi(x W + b)}: weights {@code W} of shape {@code inputs x outputs}, a bias row
 * {@code b} of shape {@code 1 x outputs}, and its own activation {@code phi}, whose trainable parameters (if any, such
 * as {@code prelu}'s slopes) belong to the layer too.
 */
public final class DenseLayer {

    private final int index;
    private final Activation activation;
    private final Tensor weights;
    private final Tensor bias;
    private final List<Parameter> parameters;

    /**
     * A layer over the given tensors, which it keeps (not copied).
     *
     * @param index      1 for the first layer after the input
     * @param activation this layer's activation, bound to its units ({@link Activation#bind}); the layer lists its
     *                   parameters after the weights and bias
     * @param weights    {@code inputs x outputs}
     * @param bias       {@code 1 x outputs}
     */
    public DenseLayer(int index, Activation activation, Tensor weights, Tensor bias) {
        if (bias.rows() != 1 || bias.columns() != weights.columns()) {
            throw new IllegalArgumentException("layer " + index + ": bias is " + bias.shape() + " but must be 1x"
                    + weights.columns() + " for weights of " + weights.shape());
        }
        this.index = index;
        this.activation = activation;
        this.weights = weights;
        this.bias = bias;
        List<Parameter> all = new ArrayList<>();
        all.add(new Parameter("layer " + index + " weights", weights, Parameter.Kind.WEIGHT));
        all.add(new Parameter("layer " + index + " bias", bias, Parameter.Kind.BIAS));
        for (Parameter parameter : activation.parameters()) {
            all.add(new Parameter("layer " + index + " " + parameter.name(), parameter.value(), Parameter.Kind.OTHER));
        }
        this.parameters = List.copyOf(all);
    }

    /** 1 for the first layer after the input. */
    public int index() {
        return index;
    }

    /** Number of inputs (rows of the weights). */
    public int inputs() {
        return weights.rows();
    }

    /** Number of units (columns of the weights). */
    public int outputs() {
        return weights.columns();
    }

    /** This layer's activation. */
    public Activation activation() {
        return activation;
    }

    /** The weights, {@code inputs x outputs}. */
    public Tensor weights() {
        return weights;
    }

    /** The bias, {@code 1 x outputs}. */
    public Tensor bias() {
        return bias;
    }

    /** The trainable parameters: weights, then bias, then the activation's own (named after this layer). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Computes the pre-activation {@code out = input W + b}.
     *
     * @param input {@code batch x inputs}; not modified
     * @param out   {@code batch x outputs}; modified
     * @return {@code out}
     */
    public Tensor preActivation(Tensor input, Tensor out) {
        if (input.columns() != inputs()) {
            throw new IllegalArgumentException("layer " + index + " expects " + inputs() + " inputs per row but got "
                    + input.shape());
        }
        weights.backend().matmul(input, false, weights, false, out);
        return weights.backend().binary(BinaryOp.ADD, out, bias, out);
    }

    /** {@code phi(input W + b)} in new tensors. */
    public Tensor forward(Tensor input) {
        Tensor z = preActivation(input, weights.newLike(new Shape(input.rows(), outputs())));
        return activation.forward(z);
    }

    @Override
    public String toString() {
        return "dense " + inputs() + " -> " + outputs() + " " + activation.spec();
    }
}
