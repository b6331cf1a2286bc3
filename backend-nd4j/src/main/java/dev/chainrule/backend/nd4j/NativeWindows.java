package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sliding-window operations through libnd4j's own kernels ({@code conv2d}, {@code conv2d_bp}, {@code maxpool2d},
 * {@code avgpool2d} and their {@code _bp}), on NCHW views of the two-dimensional tensors, weights as
 * {@code [filters, channels, kernelHeight, kernelWidth]}. libnd4j knows two paddings: explicit and the same on both
 * sides, or its "same" mode (the extra row and column at the bottom and right, as {@link Window2d#same}). A window
 * that is neither ({@link #mode} empty) is left to the backend's default.
 */
final class NativeWindows {

    private static final int VALID = 0;
    private static final int SAME = 1;
    private static final int NCHW = 0;
    private static final int OUTPUT_INPUT_HEIGHT_WIDTH = 1;
    private static final int DIVIDE_BY_WHOLE_WINDOW = 1;

    private NativeWindows() {
    }

    /** libnd4j's padding mode for {@code w}: explicit (valid), same, or empty when it has none for it. */
    static Optional<Integer> mode(Window2d w) {
        if (w.padTop() == w.padLeft() && w.equals(Window2d.of(w.channels(), w.height(), w.width(), w.kernelHeight(),
                w.kernelWidth(), w.stride(), w.padTop(), w.dilation()))) {
            return Optional.of(VALID);
        }
        if (w.equals(Window2d.same(w.channels(), w.height(), w.width(), w.kernelHeight(), w.kernelWidth(), w.stride(),
                w.dilation()))) {
            return Optional.of(SAME);
        }
        return Optional.empty();
    }

    static void convolution(Window2d w, int mode, INDArray x, INDArray kernel, INDArray bias, INDArray out) {
        int batch = (int) x.rows();
        int filters = (int) kernel.rows();
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(images(x, batch, w), kernels(kernel, w), bias.reshape(filters))
                .addOutputs(out.reshape('c', batch, filters, w.outHeight(), w.outWidth()))
                .addIntegerArguments(arguments(w, mode, OUTPUT_INPUT_HEIGHT_WIDTH)).build());
    }

    /** {@code conv2d_bp}, which computes all three gradients at once; {@code gradInput} may be a scratch array. */
    static void convolutionGradients(Window2d w, int mode, INDArray x, INDArray kernel, INDArray gradOut,
            INDArray gradInput, INDArray gradKernel, INDArray gradBias) {
        int batch = (int) x.rows();
        int filters = (int) kernel.rows();
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(images(x, batch, w), kernels(kernel, w), Nd4j.zeros(kernel.dataType(), filters),
                        gradOut.reshape('c', batch, filters, w.outHeight(), w.outWidth()))
                .addOutputs(images(gradInput, batch, w), kernels(gradKernel, w), gradBias.reshape(filters))
                .addIntegerArguments(arguments(w, mode, OUTPUT_INPUT_HEIGHT_WIDTH)).build());
    }

    static void pool(PoolOp op, Window2d w, int mode, INDArray x, INDArray out) {
        int batch = (int) x.rows();
        Nd4j.exec(DynamicCustomOp.builder(op == PoolOp.MAX ? "maxpool2d" : "avgpool2d")
                .addInputs(images(x, batch, w))
                .addOutputs(out.reshape('c', batch, w.channels(), w.outHeight(), w.outWidth()))
                .addIntegerArguments(poolArguments(w, mode)).build());
    }

    static void poolGradient(PoolOp op, Window2d w, int mode, INDArray x, INDArray gradOut, INDArray gradInput) {
        int batch = (int) x.rows();
        Nd4j.exec(DynamicCustomOp.builder(op == PoolOp.MAX ? "maxpool2d_bp" : "avgpool2d_bp")
                .addInputs(images(x, batch, w), gradOut.reshape('c', batch, w.channels(), w.outHeight(),
                        w.outWidth()))
                .addOutputs(images(gradInput, batch, w))
                .addIntegerArguments(poolArguments(w, mode)).build());
    }

    private static INDArray images(INDArray rows, int batch, Window2d w) {
        return rows.reshape('c', batch, w.channels(), w.height(), w.width());
    }

    private static INDArray kernels(INDArray kernel, Window2d w) {
        return kernel.reshape('c', kernel.rows(), w.channels(), w.kernelHeight(), w.kernelWidth());
    }

    private static int[] arguments(Window2d w, int mode, int weightsFormat) {
        return new int[] {w.kernelHeight(), w.kernelWidth(), w.stride(), w.stride(), w.padTop(), w.padLeft(),
            w.dilation(), w.dilation(), mode, NCHW, weightsFormat};
    }

    private static int[] poolArguments(Window2d w, int mode) {
        return new int[] {w.kernelHeight(), w.kernelWidth(), w.stride(), w.stride(), w.padTop(), w.padLeft(),
            w.dilation(), w.dilation(), mode, DIVIDE_BY_WHOLE_WINDOW, NCHW};
    }
}
