package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.Arrays;

/**
 * The padding an ONNX window operator puts around the height and width of its input: its own {@code pads} attribute
 * (top, left, bottom, right) plus that of a {@code Pad} node before it (as PyTorch writes before an
 * {@code AveragePool} that counts its padding). {@link #window} finds the Chainrule window that computes the same
 * thing: a padding equal on every side, or {@code same}'s (the odd row or column at the bottom and right).
 *
 * @param top    rows above the input
 * @param left   columns left of the input
 * @param bottom rows below the input
 * @param right  columns right of the input
 */
record Padding(long top, long left, long bottom, long right) {

    static final Padding NONE = new Padding(0, 0, 0, 0);

    /** A Chainrule window and the {@code padding} its spec gives: {@code same}, {@code valid} or a number. */
    record Choice(String padding, Window2d window) {
    }

    /** The {@code pads} attribute of a window operator (zero when missing), in ONNX's order begin..., end... */
    static Padding ofAttribute(NodeAttributes attributes, String where) throws OnnxException {
        long[] pads = attributes.integers("pads", new long[4]);
        if (pads.length != 4) {
            throw new OnnxException(where + " has " + pads.length + " pads; Chainrule's windows are two-dimensional "
                    + "(4 pads)");
        }
        return checked(new Padding(pads[0], pads[1], pads[2], pads[3]), where);
    }

    /**
     * The padding of a {@code Pad} node on {@code batch x channels x height x width}: mode {@code constant} with
     * value 0, on height and width only; its pads from its second input (opset 11 and later) or its attribute.
     */
    static Padding ofPadNode(NodeProto node, NodeAttributes attributes, Initializers constants, String where)
            throws OnnxException {
        String mode = attributes.text("mode", "constant");
        if (!mode.equals("constant")) {
            throw new OnnxException(where + " pads in mode '" + mode + "'; Chainrule's windows pad with zeros");
        }
        if (node.getInputCount() > 3 && !node.getInput(3).isEmpty()) {
            throw new OnnxException(where + " pads selected axes; Chainrule imports Pad over all four axes");
        }
        double value = attributes.real("value", 0);
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            value = constant(node, 2, constants, where)[0];
        }
        if (value != 0) {
            throw new OnnxException(where + " pads with " + value + "; Chainrule's windows pad with zeros");
        }
        long[] pads;
        if (node.getInputCount() > 1 && !node.getInput(1).isEmpty()) {
            pads = Arrays.stream(constant(node, 1, constants, where)).mapToLong(v -> (long) v).toArray();
        } else {
            pads = attributes.integers("pads", new long[0]);
        }
        if (pads.length != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0) {
            throw new OnnxException(where + " pads " + Arrays.toString(pads) + "; Chainrule imports Pad of a batch x "
                    + "channels x height x width tensor on height and width only");
        }
        return checked(new Padding(pads[2], pads[3], pads[6], pads[7]), where);
    }

    private static double[] constant(NodeProto node, int index, Initializers constants, String where)
            throws OnnxException {
        String name = node.getInput(index);
        if (!constants.has(name) || constants.get(name).size() == 0) {
            throw new OnnxException(where + " takes its pads from '" + name + "', which is not a constant");
        }
        return constants.get(name).values();
    }

    private static Padding checked(Padding padding, String where) throws OnnxException {
        if (padding.top < 0 || padding.left < 0 || padding.bottom < 0 || padding.right < 0) {
            throw new OnnxException(where + " has negative pads " + padding + "; Chainrule does not crop");
        }
        return padding;
    }

    /** This padding and {@code other} together. */
    Padding plus(Padding other) {
        return new Padding(top + other.top, left + other.left, bottom + other.bottom, right + other.right);
    }

    /**
     * The Chainrule window of a square {@code kernel} with {@code stride} and {@code dilation} over {@code input}
     * that computes what the ONNX operator with this padding does: the same padding above and left, and the same
     * number of output rows and columns (padding below or right of the last window is never read).
     *
     * @param same whether {@code same} may be chosen (convolutions; pooling takes numbers only)
     * @param ceil whether the operator rounds its output size up ({@code ceil_mode}), refused where that adds a row
     */
    Choice window(FeatureShape input, int kernel, int stride, int dilation, boolean same, boolean ceil, String where)
            throws OnnxException {
        long span = (long) dilation * (kernel - 1) + 1;
        long roomHeight = input.height() + top + bottom - span;
        long roomWidth = input.width() + left + right - span;
        if (roomHeight < 0 || roomWidth < 0) {
            throw new OnnxException(where + ": its " + kernel + "x" + kernel + " window (dilation " + dilation
                    + ") does not fit the padded " + input + " input (pads " + this + ")");
        }
        long outHeight = roomHeight / stride + 1;
        long outWidth = roomWidth / stride + 1;
        if (ceil && (roomHeight % stride != 0 || roomWidth % stride != 0)) {
            throw new OnnxException(where + " has ceil_mode 1, which adds a partial window at the bottom or right of "
                    + "its " + input + " input; Chainrule's windows round down (ceil_mode 0)");
        }
        if (top == left) {
            try {
                Window2d window = Window2d.of(input.channels(), input.height(), input.width(), kernel, kernel, stride,
                        Math.toIntExact(top), dilation);
                if (window.outHeight() == outHeight && window.outWidth() == outWidth) {
                    return new Choice(top == 0 && same ? "valid" : Long.toString(top), window);
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                // not this one; 'same' may still fit
            }
        }
        if (same) {
            Window2d window = Window2d.same(input.channels(), input.height(), input.width(), kernel, kernel, stride,
                    dilation);
            if (window.padTop() == top && window.padLeft() == left && window.outHeight() == outHeight
                    && window.outWidth() == outWidth) {
                return new Choice("same", window);
            }
        }
        throw new OnnxException(where + " pads its " + input + " input by " + this + "; Chainrule's windows pad "
                + "the same on every side" + (same ? ", or as 'same' does (the odd row and column at the bottom and "
                + "right)" : ""));
    }

    @Override
    public String toString() {
        return "(top " + top + ", left " + left + ", bottom " + bottom + ", right " + right + ")";
    }
}
