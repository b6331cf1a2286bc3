package dev.chainrule.core.loss;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Locale;

/**
 * The values that a loss's outputs or targets may take. A loss advertises one for each ({@link Loss#outputDomain()},
 * {@link Loss#targetDomain()}): its targets are checked against theirs by {@link TargetChecks#check}, and contract
 * tests draw sample outputs and targets from both, so that a new loss is tested on inputs it is defined on simply by
 * being registered.
 *
 * <p>Every domain but {@link #CLASS_LABEL} has one value per output; class labels have one per row.
 */
public enum Domain {

    /** Any finite number: regression targets, logits, scores. */
    REAL("finite numbers") {
        @Override
        public boolean constrainsValues() {
            return false;
        }
    },

    /** Numbers in {@code [0, 1]}, each on its own: binary or soft binary targets, sigmoid outputs. */
    PROBABILITY("probabilities in [0, 1]") {
        @Override
        boolean admits(double value, int classes) {
            return value >= 0 && value <= 1;
        }

        @Override
        boolean admitsAll(Tensor target, int classes, Tensor work) {
            return within(target, 0, 1);
        }
    },

    /** Rows of numbers in {@code [0, 1]} that sum to 1: one-hot or soft class targets, softmax outputs. */
    DISTRIBUTION("rows of probabilities in [0, 1] that sum to 1 (one-hot or soft)") {
        @Override
        boolean admits(double value, int classes) {
            return value >= 0 && value <= 1;
        }

        @Override
        boolean admitsAll(Tensor target, int classes, Tensor work) {
            return within(target, 0, 1) && rowsSumToOne(target, work);
        }

        @Override
        String rowProblem(double[] values, int from, int to) {
            return sumProblem(values, from, to);
        }
    },

    /** Rows with a single 1 and zeros elsewhere. */
    ONE_HOT("one-hot rows: a single 1 and zeros elsewhere") {
        @Override
        boolean admits(double value, int classes) {
            return value == 0 || value == 1;
        }

        @Override
        boolean admitsAll(Tensor target, int classes, Tensor work) {
            return within(target, 0, 1) && wholeNumbers(target, work) && rowsSumToOne(target, work);
        }

        @Override
        String rowProblem(double[] values, int from, int to) {
            return sumProblem(values, from, to);
        }
    },

    /** Rows of log-probabilities, numbers {@code <= 0} whose exponentials sum to 1: log_softmax outputs. */
    LOG_DISTRIBUTION("rows of log-probabilities (<= 0, exponentials summing to 1)") {
        @Override
        boolean admits(double value, int classes) {
            return value <= 0;
        }

        @Override
        String rowProblem(double[] values, int from, int to) {
            double[] probabilities = new double[to - from];
            for (int i = from; i < to; i++) {
                probabilities[i - from] = Math.exp(values[i]);
            }
            return sumProblem(probabilities, 0, probabilities.length);
        }
    },

    /**
     * One column of whole numbers {@code 0 .. classes - 1}, the class of each row, where {@code classes} is the
     * number of outputs.
     */
    CLASS_LABEL("class labels") {
        @Override
        public int columns(int outputColumns) {
            return 1;
        }

        @Override
        boolean admits(double value, int classes) {
            return value >= 0 && value < classes && value == Math.rint(value);
        }

        @Override
        boolean admitsAll(Tensor target, int classes, Tensor work) {
            return within(target, 0, classes - 1) && wholeNumbers(target, work);
        }

        @Override
        public String describe(int classes) {
            return "class labels: one column of whole numbers in 0.." + (classes - 1);
        }
    },

    /** {@code -1} or {@code 1}: the two classes of a margin loss. */
    SIGN("-1 or 1") {
        @Override
        boolean admits(double value, int classes) {
            return value == -1 || value == 1;
        }
    },

    /** Numbers {@code >= 0}: counts, sizes. */
    NON_NEGATIVE("numbers >= 0") {
        @Override
        boolean admits(double value, int classes) {
            return value >= 0;
        }

        @Override
        boolean admitsAll(Tensor target, int classes, Tensor work) {
            return within(target, 0, Double.MAX_VALUE);
        }
    },

    /** Numbers {@code > 0}: rates. */
    POSITIVE("numbers > 0") {
        @Override
        boolean admits(double value, int classes) {
            return value > 0;
        }

        @Override
        boolean admitsAll(Tensor target, int classes, Tensor work) {
            return within(target, Double.MIN_VALUE, Double.MAX_VALUE);
        }
    },

    /** Finite numbers other than 0: what a relative error divides by. */
    NONZERO("numbers other than 0") {
        @Override
        boolean admits(double value, int classes) {
            return value != 0;
        }
    };

    /** How far a row of a distribution may sum from 1: room for rounding in float32 targets of many classes. */
    public static final double SUM_TOLERANCE = 1e-3;

    private final String description;

    Domain(String description) {
        this.description = description;
    }

    /** Columns that a tensor in this domain has, beside outputs of {@code outputColumns} columns. */
    public int columns(int outputColumns) {
        return outputColumns;
    }

    /** What the values must be, in words, for messages: {@code "probabilities in [0, 1]"}. */
    public String describe(int classes) {
        return description;
    }

    /**
     * Whether this domain restricts values beyond being finite. {@link TargetChecks#check} reads the targets back
     * from the backend only for domains that do; for the others one native sum shows that they are finite.
     */
    public boolean constrainsValues() {
        return true;
    }

    /** Whether one finite value belongs to the domain, among {@code classes} outputs. */
    boolean admits(double value, int classes) {
        return true;
    }

    /**
     * Whether every value and row of {@code target} certainly belongs to this domain, found by a few reductions on the
     * backend, without reading the targets back; {@code false} means "read them back and look", not "wrong". The
     * reductions keep their results in {@code work}'s work tensors. The default says {@code false}.
     */
    boolean admitsAll(Tensor target, int classes, Tensor work) {
        return false;
    }

    /** Whether every value is finite and in {@code [low, high]}. */
    private static boolean within(Tensor target, double low, double high) {
        TensorBackend backend = target.backend();
        return backend.reduceAll(ReduceOp.MIN, target) >= low && backend.reduceAll(ReduceOp.MAX, target) <= high
                && Double.isFinite(backend.reduceAll(ReduceOp.SUM, target));
    }

    /** Whether every value is a whole number (the values are finite). */
    private static boolean wholeNumbers(Tensor target, Tensor work) {
        TensorBackend backend = target.backend();
        Tensor fraction = backend.unary(UnaryOp.FLOOR, target, work.scratch(0, target.shape()));
        backend.binary(BinaryOp.SUB, target, fraction, fraction);
        return backend.reduceAll(ReduceOp.MAX, fraction) == 0;
    }

    /** Whether every row sums to 1 within {@link #SUM_TOLERANCE} (the values are finite). */
    private static boolean rowsSumToOne(Tensor target, Tensor work) {
        TensorBackend backend = target.backend();
        Tensor sums = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, target,
                work.scratch(0, ReduceAxis.PER_ROW.resultShape(target.shape())));
        return backend.reduceAll(ReduceOp.MIN, sums) >= 1 - SUM_TOLERANCE
                && backend.reduceAll(ReduceOp.MAX, sums) <= 1 + SUM_TOLERANCE;
    }

    /** What is wrong with the row {@code values[from, to)} as a whole, or {@code null}; its values are admitted. */
    String rowProblem(double[] values, int from, int to) {
        return null;
    }

    private static String sumProblem(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return Math.abs(sum - 1) <= SUM_TOLERANCE ? null
                : String.format(Locale.ROOT, "sums to %s instead of 1", sum);
    }
}
