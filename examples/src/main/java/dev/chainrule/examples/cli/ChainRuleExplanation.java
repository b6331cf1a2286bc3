package dev.chainrule.examples.cli;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.core.training.Trace;
import dev.chainrule.layers.Conv2d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The classic derivation of backpropagation, checked against the trainer for one sample. For the weight {@code w_ij}
 * from unit {@code i} of layer {@code k-1} to unit {@code j} of layer {@code k}:
 * <pre>
 * dE/dw_ij = dE/do_j * do_j/dz_j * dz_j/dw_ij
 * </pre>
 * where {@code o_j = phi_k(z_j)} is the unit's output and {@code z_j = sum_i o_i w_ij + b_j} its weighted input. The
 * three factors come from the generic (non-fused) backward pass: {@code dE/do} is the trace's output error,
 * {@code do/dz = phi'(z)} the layer's own activation derivative, found as the diagonal of its Jacobian, and
 * {@code dz/dw} the previous layer's output. For an activation that is not element-wise (softmax), {@code do/dz} is a
 * full Jacobian and the explanation uses {@code dE/dz = delta} directly.
 *
 * @param network   the network's description
 * @param loss      the loss's spec
 * @param lossValue the sample's loss
 * @param output    the network's output for the sample
 * @param target    the sample's target
 * @param layers    one explanation per layer, first to last
 */
record ChainRuleExplanation(String network, String loss, double lossValue, double[] output, double[] target,
        List<Layer> layers) {

    /**
     * One layer.
     *
     * @param index         1 for the first layer
     * @param activation    the activation's spec
     * @param inputs        units of the previous layer
     * @param units         units of this layer
     * @param elementWise   whether {@code do/dz} is diagonal, so that it is one factor per unit
     * @param weights       the weights shown, those with the largest gradients
     * @param weightCount   all weights of the layer
     * @param maxDifference over every weight of the layer, the largest {@code |product - trainer gradient|}
     * @param ownFactor     for a layer without weights {@code w_ij} (dropout, batch_norm, ...), what its own backward
     *                      did with the error; for a convolution, whose kernel weights are shared by every position,
     *                      its own backward factor for its weight with the largest gradient; empty for a dense layer
     */
    record Layer(int index, String activation, int inputs, int units, boolean elementWise, List<Weight> weights,
            int weightCount, double maxDifference, String ownFactor) {
    }

    /**
     * The factors for one weight.
     *
     * @param input           {@code i}, the unit of the previous layer (the feature, for layer 1), from 0
     * @param unit            {@code j}, the unit of this layer, from 0
     * @param errorAtOutput   {@code dE/do_j}
     * @param slope           {@code do_j/dz_j = phi'(z_j)}; empty where {@code do/dz} is a full Jacobian
     * @param delta           {@code dE/dz_j}
     * @param previousOutput  {@code dz_j/dw_ij = o_i}
     * @param product         the chain rule's product
     * @param trainerGradient the gradient that backpropagation computed for {@code w_ij}
     */
    record Weight(int input, int unit, double errorAtOutput, OptionalDouble slope, double delta, double previousOutput,
            double product, double trainerGradient) {
    }

    /** The largest {@code |product - trainer gradient|} over every weight of the network. */
    double maxDifference() {
        return layers.stream().mapToDouble(Layer::maxDifference).max().orElse(0);
    }

    /**
     * Explains {@code network}'s gradient for one sample {@code x} with target {@code y}.
     *
     * @param top how many weights to show per layer, those with the largest gradients
     */
    static ChainRuleExplanation of(Network network, Loss loss, double[] x, double[] y, int top) {
        Backpropagation backpropagation = new Backpropagation(network, loss, false);
        Tensor input = network.backend().fromArray(network.dtype(), new Shape(1, x.length), x);
        Tensor target = network.backend().fromArray(network.dtype(), new Shape(1, y.length), y);
        Trace trace = backpropagation.forward(input);
        double lossValue = backpropagation.loss(trace, target);
        Gradients gradients = backpropagation.backward(trace, target);
        List<Layer> layers = new ArrayList<>();
        for (int k = 1; k <= trace.layers(); k++) {
            dev.chainrule.core.network.Layer layer = network.layer(k);
            if (layer instanceof DenseLayer dense) {
                layers.add(layer(dense, trace, gradients, k, top));
            } else if (layer instanceof Conv2d convolution) {
                layers.add(ConvolutionFactor.explain(convolution, network, trace, gradients, k));
            } else {
                layers.add(passage(network, trace, k));
            }
        }
        return new ChainRuleExplanation(network.toString(), loss.spec().toString(), lossValue,
                trace.activation(trace.layers()).toDoubleArray(), y, layers);
    }

    private static Layer layer(DenseLayer layer, Trace trace, Gradients gradients, int k, int top) {
        double[] errorAtOutput = trace.outputError(k).toDoubleArray();
        double[] delta = trace.delta(k).toDoubleArray();
        double[] previous = trace.activation(k - 1).toDoubleArray();
        double[] slopes = diagonalSlopes(layer.activation(), trace.preActivation(k), trace.activation(k));
        double[] trainer = gradients.of(weightsOf(layer)).toDoubleArray();
        int units = layer.outputs();
        double maxDifference = 0;
        double[] products = new double[trainer.length];
        for (int i = 0; i < layer.inputs(); i++) {
            for (int j = 0; j < units; j++) {
                int index = i * units + j;
                products[index] = slopes != null ? errorAtOutput[j] * slopes[j] * previous[i] : delta[j] * previous[i];
                maxDifference = Math.max(maxDifference, Math.abs(products[index] - trainer[index]));
            }
        }
        List<Weight> shown = IntStream.range(0, trainer.length).boxed()
                .sorted(Comparator.comparingDouble((Integer index) -> -Math.abs(trainer[index]))
                        .thenComparingInt(index -> index))
                .limit(top)
                .map(index -> {
                    int i = index / units;
                    int j = index % units;
                    return new Weight(i, j, errorAtOutput[j],
                            slopes != null ? OptionalDouble.of(slopes[j]) : OptionalDouble.empty(), delta[j],
                            previous[i], products[index], trainer[index]);
                })
                .toList();
        return new Layer(k, layer.activation().spec().toString(), layer.inputs(), units, slopes != null, shown,
                trainer.length, maxDifference, "");
    }

    /**
     * A layer without weights {@code w_ij}: its own backward turns {@code dE/d(output)} into {@code dE/d(input)}, the
     * error that reaches the layer before (not computed for the first layer, where nothing needs it).
     */
    private static Layer passage(Network network, Trace trace, int k) {
        dev.chainrule.core.network.Layer layer = network.layer(k);
        double outputNorm = norm(trace.outputError(k).toDoubleArray());
        String factor = k == 1 ? String.format(java.util.Locale.ROOT, "its own backward takes |dE/d(output)| = %.6g; "
                + "as the first layer it passes no error on", outputNorm)
                : String.format(java.util.Locale.ROOT, "its own backward turned |dE/d(output)| = %.6g into "
                        + "|dE/d(input)| = %.6g for layer %d", outputNorm, norm(trace.outputError(k - 1)
                        .toDoubleArray()), k - 1);
        return new Layer(k, layer.spec().toString(), network.inputShape(k).size(), network.outputShape(k).size(),
                false, List.of(), 0, 0, factor);
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /**
     * {@code phi'(z_j)} per unit when the activation is element-wise, else {@code null}. Row {@code j} of the
     * Jacobian is {@code backward(z, a, e_j)}; the activation is element-wise when every row is zero off its diagonal.
     */
    private static double[] diagonalSlopes(Activation activation, Tensor z, Tensor a) {
        int units = z.columns();
        double[] slopes = new double[units];
        double[] basis = new double[units];
        for (int j = 0; j < units; j++) {
            basis[j] = 1;
            Tensor unit = z.backend().fromArray(z.dtype(), z.shape(), basis);
            double[] row = activation.backward(z, a, unit).toDoubleArray();
            basis[j] = 0;
            for (int i = 0; i < units; i++) {
                if (i != j && row[i] != 0) {
                    return null;
                }
            }
            slopes[j] = row[j];
        }
        return slopes;
    }

    private static Parameter weightsOf(DenseLayer layer) {
        return layer.parameters().stream().filter(parameter -> parameter.value() == layer.weights()).findFirst()
                .orElseThrow(() -> new IllegalStateException("layer " + layer.index() + " does not list its weights"));
    }
}
