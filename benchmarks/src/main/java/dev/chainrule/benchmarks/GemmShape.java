package dev.chainrule.benchmarks;

import dev.chainrule.core.tensor.Shape;
import java.util.List;
import java.util.Locale;

/**
 * One matrix product {@code C = op(A) op(B)} as the benchmarks name it: the stored shapes of A and B, each followed by
 * {@code t} when the product transposes it, for example {@code 128x784t * 128x256} (the weight gradient
 * {@code a^T delta} of the seed network's first layer); a single number {@code n} stands for {@code nxn * nxn}.
 *
 * @param a          A's stored shape
 * @param transposeA whether the product uses A transposed
 * @param b          B's stored shape
 * @param transposeB whether the product uses B transposed
 */
record GemmShape(Shape a, boolean transposeA, Shape b, boolean transposeB) {

    /** The squares of the GEMM table. */
    static final List<String> SQUARES = List.of("64", "128", "256", "512", "1024");

    /** The seed network's layers, inputs to outputs, for the shapes of a training step. */
    static final int[] SEED_LAYERS = {784, 256, 128, 64, 10};

    /** The batch size of the seed network's training step. */
    static final int SEED_BATCH = 128;

    GemmShape {
        int innerA = transposeA ? a.rows() : a.columns();
        int innerB = transposeB ? b.columns() : b.rows();
        if (innerA != innerB) {
            throw new IllegalArgumentException("the product " + describe(a, transposeA, b, transposeB)
                    + " does not chain: " + innerA + " vs " + innerB);
        }
    }

    /** Reads {@code n} or {@code RxC[t] * RxC[t]}. */
    static GemmShape parse(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("\\d+")) {
            int n = Integer.parseInt(trimmed);
            return new GemmShape(new Shape(n, n), false, new Shape(n, n), false);
        }
        String[] operands = trimmed.split("\\s*\\*\\s*");
        if (operands.length != 2) {
            throw new IllegalArgumentException("a product is 'n' or 'RxC[t] * RxC[t]', got '" + text + "'");
        }
        return new GemmShape(shape(operands[0], text), operands[0].endsWith("t"), shape(operands[1], text),
                operands[1].endsWith("t"));
    }

    /**
     * The products of one training step of the seed network at batch 128: for each layer the forward product
     * {@code a x W}, the weight gradient {@code a^T delta}, and (after the first layer) the error passed back,
     * {@code delta W^T}.
     */
    static List<String> seedStep() {
        List<String> shapes = new java.util.ArrayList<>();
        for (int k = 0; k + 1 < SEED_LAYERS.length; k++) {
            int in = SEED_LAYERS[k];
            int out = SEED_LAYERS[k + 1];
            shapes.add(SEED_BATCH + "x" + in + " * " + in + "x" + out);
            shapes.add(SEED_BATCH + "x" + in + "t * " + SEED_BATCH + "x" + out);
            if (k > 0) {
                shapes.add(SEED_BATCH + "x" + out + " * " + in + "x" + out + "t");
            }
        }
        return shapes;
    }

    /** The shape of C. */
    Shape result() {
        return new Shape(transposeA ? a.columns() : a.rows(), transposeB ? b.rows() : b.columns());
    }

    /** The shared dimension. */
    int depth() {
        return transposeA ? a.rows() : a.columns();
    }

    /** Floating-point operations of the product: a multiply and an add per term. */
    double flops() {
        Shape c = result();
        return 2.0 * c.rows() * c.columns() * depth();
    }

    @Override
    public String toString() {
        return describe(a, transposeA, b, transposeB);
    }

    private static Shape shape(String operand, String text) {
        String plain = operand.endsWith("t") ? operand.substring(0, operand.length() - 1) : operand;
        String[] sides = plain.toLowerCase(Locale.ROOT).split("x");
        if (sides.length != 2) {
            throw new IllegalArgumentException("an operand is 'RxC' or 'RxCt', got '" + operand + "' in '" + text
                    + "'");
        }
        return new Shape(Integer.parseInt(sides[0].trim()), Integer.parseInt(sides[1].trim()));
    }

    private static String describe(Shape a, boolean transposeA, Shape b, boolean transposeB) {
        return a + (transposeA ? "t" : "") + " * " + b + (transposeB ? "t" : "");
    }
}
