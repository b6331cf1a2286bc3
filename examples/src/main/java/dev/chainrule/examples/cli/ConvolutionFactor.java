package dev.chainrule.examples.cli;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.core.training.Trace;
import dev.chainrule.layers.Conv2d;
import java.util.List;
import java.util.Locale;

/**
 * A convolution's part of the chain rule for one sample. Its kernel weight {@code K[f][c][kh][kw]} is shared by every
 * output position, so its gradient is a sum over positions of the same two factors a dense weight has:
 * <pre>
 * dE/dK[f][c][kh][kw] = sum over (oh, ow) of dE/dz[f][oh][ow] * x[c][oh*stride - pad + kh*dilation][ow*stride - ...]
 * </pre>
 * where {@code dE/dz} is the error after the layer's own activation derivative and {@code x} the layer's input (zero
 * in the padding). This computes that sum for every kernel weight, compares it with the trainer's gradient, and
 * describes it for the weight with the largest gradient.
 */
final class ConvolutionFactor {

    private ConvolutionFactor() {
    }

    static ChainRuleExplanation.Layer explain(Conv2d layer, Network network, Trace trace, Gradients gradients, int k) {
        Window2d w = layer.window();
        double[] x = trace.activation(k - 1).toDoubleArray();
        double[] delta = trace.delta(k).toDoubleArray();
        double[] trainer = gradients.of(layer.parameters().get(0)).toDoubleArray();
        int patch = w.patchSize();
        double maxDifference = 0;
        int largest = 0;
        for (int index = 0; index < trainer.length; index++) {
            maxDifference = Math.max(maxDifference, Math.abs(sum(w, x, delta, index / patch, index % patch).total()
                    - trainer[index]));
            if (Math.abs(trainer[index]) > Math.abs(trainer[largest])) {
                largest = index;
            }
        }
        int f = largest / patch;
        int c = largest % patch / w.taps();
        int kh = largest % w.taps() / w.kernelWidth();
        int kw = largest % w.kernelWidth();
        Sum shown = sum(w, x, delta, f, largest % patch);
        String factor = String.format(Locale.ROOT, "for K[%d][%d][%d][%d], its own backward sums dE/dz[%d][oh][ow] "
                + "(dE/do times %s's slope) x input[%d][oh*%d-%d+%d][ow*%d-%d+%d] over the %dx%d output positions: "
                + "%d terms inside the input, the largest %.6g at (%d, %d), sum %.6g; trainer dE/dK %.6g; largest "
                + "difference over all %d kernel weights %.3g", f, c, kh, kw, f,
                layer.outputActivation().map(a -> a.spec().toString()).orElse("identity"), c, w.stride(), w.padTop(),
                kh * w.dilation(), w.stride(), w.padLeft(), kw * w.dilation(), w.outHeight(), w.outWidth(),
                shown.terms(), shown.largest(), shown.largestRow(), shown.largestColumn(), shown.total(),
                trainer[largest], trainer.length, maxDifference);
        return new ChainRuleExplanation.Layer(k, layer.spec().toString(), network.inputShape(k).size(),
                network.outputShape(k).size(), false, List.of(), trainer.length, maxDifference, factor);
    }

    /** The sum over positions for filter {@code f} and tap {@code t = (c * kernelHeight + kh) * kernelWidth + kw}. */
    private static Sum sum(Window2d w, double[] x, double[] delta, int f, int t) {
        int c = t / w.taps();
        int kh = t % w.taps() / w.kernelWidth();
        int kw = t % w.kernelWidth();
        double total = 0;
        double largest = 0;
        int terms = 0;
        int largestRow = -1;
        int largestColumn = -1;
        for (int oh = 0; oh < w.outHeight(); oh++) {
            int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
            for (int ow = 0; ow < w.outWidth(); ow++) {
                int iw = ow * w.stride() - w.padLeft() + kw * w.dilation();
                if (ih < 0 || ih >= w.height() || iw < 0 || iw >= w.width()) {
                    continue;
                }
                double term = delta[f * w.positions() + oh * w.outWidth() + ow]
                        * x[(c * w.height() + ih) * w.width() + iw];
                total += term;
                terms++;
                if (largestRow < 0 || Math.abs(term) > Math.abs(largest)) {
                    largest = term;
                    largestRow = oh;
                    largestColumn = ow;
                }
            }
        }
        return new Sum(total, terms, largest, largestRow, largestColumn);
    }

    /** One weight's sum over positions. */
    private record Sum(double total, int terms, double largest, int largestRow, int largestColumn) {
    }
}
