package dev.chainrule.core.inference;

/**
 * Reading classes off one row of outputs: the best class, the best {@code k} in order, and probabilities from scores.
 * Ties go to the lower class index, as in {@link dev.chainrule.core.training.Accuracy#argmax}, so that a predictor's
 * class is the one that evaluation counts.
 */
final class Ranking {

    private Ranking() {
    }

    /**
     * Writes into {@code best} the indices of the {@code best.length} largest of {@code values[offset ..
     * offset + length)}, largest first (a partial selection sort: the {@code k} of a top-k are few).
     */
    static int[] top(double[] values, int offset, int length, int[] best) {
        int k = best.length;
        if (k < 1 || k > length) {
            throw new IllegalArgumentException("top-k needs k from 1 to " + length + " (the network's outputs), got "
                    + k);
        }
        for (int rank = 0; rank < k; rank++) {
            int chosen = -1;
            for (int i = 0; i < length; i++) {
                if (!taken(best, rank, i) && (chosen < 0 || values[offset + i] > values[offset + chosen])) {
                    chosen = i;
                }
            }
            best[rank] = chosen;
        }
        return best;
    }

    private static boolean taken(int[] best, int ranked, int index) {
        for (int r = 0; r < ranked; r++) {
            if (best[r] == index) {
                return true;
            }
        }
        return false;
    }

    /** Replaces {@code values[offset .. offset + length)} by their softmax, shifted by their maximum to stay finite. */
    static void softmax(double[] values, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, values[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            values[offset + i] = Math.exp(values[offset + i] - max);
            sum += values[offset + i];
        }
        for (int i = 0; i < length; i++) {
            values[offset + i] /= sum;
        }
    }
}
