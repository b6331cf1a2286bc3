package dev.chainrule.core.training;

import java.util.Locale;

/**
 * Stops a run whose loss has grown far above its best although it stays finite, the divergence that the trainer's
 * non-finite check cannot see (an {@code sgd(lr=1e6)} run whose weights reach 1e22). Added to a
 * {@link TrainingConfig} as a listener; off unless added.
 *
 * <p>It follows a smoothed training loss (an exponential moving average of the batch losses, weight
 * {@value #SMOOTHING} for the newest) and throws {@link TrainingDivergedException} from {@link #onBatchEnd} when the
 * smoothed loss is more than {@code factor} times its lowest value so far <em>and</em> above the first batch's loss:
 * the second condition keeps the noise of a nearly perfect fit (a smoothed loss of 0.001 jumping to 0.02) from
 * stopping a healthy run. Not thread-safe; one check serves one run.
 */
public final class LossGrowthCheck implements TrainingListener {

    static final double SMOOTHING = 0.1;

    private final double factor;
    private double smoothed = Double.NaN;
    private double best = Double.POSITIVE_INFINITY;
    private double first = Double.NaN;

    /** A check that stops a run when its smoothed loss exceeds {@code factor} times its best; {@code factor > 1}. */
    public LossGrowthCheck(double factor) {
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a divergence factor must be a finite number > 1, got " + factor);
        }
        this.factor = factor;
    }

    /** The factor over the best smoothed loss that counts as divergence. */
    public double factor() {
        return factor;
    }

    @Override
    public void onBatchEnd(BatchResult result) {
        double loss = result.loss();
        if (!Double.isFinite(loss)) {
            return;
        }
        if (Double.isNaN(smoothed)) {
            smoothed = loss;
            first = loss;
        } else {
            smoothed += SMOOTHING * (loss - smoothed);
        }
        best = Math.min(best, smoothed);
        if (smoothed > factor * best && smoothed > first) {
            throw new TrainingDivergedException(String.format(Locale.ROOT, "training diverged at epoch %d, batch %d: "
                    + "the smoothed loss %.4g is more than %s times its best, %.4g (the first batch's was %.4g); "
                    + "lower the learning rate", result.epoch(), result.batch(), smoothed, factor, best, first));
        }
    }
}
