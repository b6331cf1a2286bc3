package dev.chainrule.core.loss;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * Checks that losses make of their targets, with messages that name the loss, the shapes, and the row and value that
 * do not fit.
 */
public final class TargetChecks {

    private TargetChecks() {
    }

    /**
     * Checks {@code target} against {@code loss}'s {@link Loss#targetDomain()}: its shape fits {@code output}, every
     * value is finite and in the domain, and every row is (a distribution sums to 1). Losses call this first in
     * {@code value}, {@code gradient} and their fused gradients.
     *
     * <p>Cost: the shape check is free. A domain that only requires finite numbers costs one native sum; any other
     * domain reads the targets back once ({@link Tensor#toDoubleArray()}, {@code batch x columns} numbers, small
     * beside a layer's matrix product).
     *
     * @param loss   the loss, named in messages
     * @param output the network's output; not modified
     * @param target the targets; not modified
     * @throws IllegalArgumentException naming the loss, both shapes, and the first row and value that do not fit
     */
    public static void check(Loss loss, Tensor output, Tensor target) {
        Domain domain = loss.targetDomain();
        Shape expected = expectedShape(domain, output);
        if (!target.shape().equals(expected)) {
            throw new IllegalArgumentException(loss.name() + ": the targets are " + target.shape() + " but must be "
                    + expected + " (" + domain.describe(output.columns()) + ") for outputs " + output.shape());
        }
        if (!domain.constrainsValues() && Double.isFinite(target.sum())) {
            return;
        }
        scan(loss.name(), domain, output.shape(), target);
    }

    /**
     * As {@link #check(Loss, Tensor, Tensor)}, but where the domain allows it, the values are checked by a few
     * reductions on the backend that keep their results in {@code work}'s work tensors ({@link Tensor#scratch}), and
     * the targets are read back only when those find a problem, to name it. So a loss that passes the tensor it writes
     * (its {@code out} or {@code work}) checks its targets without allocating, batch after batch. Call it before
     * using {@code work}'s work tensors for anything else.
     *
     * @param work the tensor that the calling method writes; its contents are not changed
     */
    public static void check(Loss loss, Tensor output, Tensor target, Tensor work) {
        Domain domain = loss.targetDomain();
        if (domain.constrainsValues() && target.shape().equals(expectedShape(domain, output))
                && domain.admitsAll(target, output.columns(), work)) {
            return;
        }
        check(loss, output, target);
    }

    private static Shape expectedShape(Domain domain, Tensor output) {
        return new Shape(output.rows(), domain.columns(output.columns()));
    }

    private static void scan(String loss, Domain domain, Shape output, Tensor target) {
        double[] values = target.toDoubleArray();
        int columns = target.columns();
        int classes = output.columns();
        String shapes = " (targets " + target.shape() + ", outputs " + output + ")";
        for (int row = 0; row < target.rows(); row++) {
            int from = row * columns;
            for (int column = 0; column < columns; column++) {
                double value = values[from + column];
                if (!Double.isFinite(value) || !domain.admits(value, classes)) {
                    throw new IllegalArgumentException(loss + ": target row " + row + ", column " + column + " is "
                            + value + ", but " + loss + " takes " + domain.describe(classes) + shapes);
                }
            }
            String problem = domain.rowProblem(values, from, from + columns);
            if (problem != null) {
                throw new IllegalArgumentException(loss + ": target row " + row + " " + problem + ", but " + loss
                        + " takes " + domain.describe(classes) + shapes);
            }
        }
    }
}
