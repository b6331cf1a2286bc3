package dev.chainrule.examples.cli;

import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress. On a terminal, a bar redrawn in place during each epoch (epoch, batch, loss, accuracy,
 * samples per second); elsewhere (a log, a pipe) only one plain line per epoch.
 */
final class ProgressPrinter implements TrainingListener {

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private final int epochs;
    private long lastDraw;
    private double lossSum;
    private double correctSum;
    private int rows;

    ProgressPrinter(PrintWriter out, boolean interactive, int epochs) {
        this.out = out;
        this.interactive = interactive;
        this.epochs = epochs;
    }

    @Override
    public void onBatchEnd(BatchResult batch) {
        if (batch.batch() == 1) {
            lossSum = 0;
            correctSum = 0;
            rows = 0;
        }
        lossSum += batch.loss() * batch.rows();
        correctSum += batch.accuracy().orElse(0) * batch.rows();
        rows += batch.rows();
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && batch.batch() != batch.batches()) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) BAR * batch.batch() / batch.batches());
        String bar = "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "");
        String accuracy = batch.accuracy().isPresent()
                ? String.format(Locale.ROOT, "  accuracy %.4f", correctSum / rows) : "";
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s] batch %d/%d  loss %.4f%s  %,.0f samples/s   ",
                batch.epoch(), epochs, bar, batch.batch(), batch.batches(), lossSum / rows, accuracy,
                batch.samplesPerSecond()));
        out.flush();
    }

    @Override
    public void onEpochEnd(EpochResult epoch) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %" + digits() + "d/%d  loss %.4f",
                epoch.epoch(), epochs, epoch.loss()));
        epoch.accuracy().ifPresent(value -> line.append(String.format(Locale.ROOT, "  accuracy %.4f", value)));
        epoch.validationLoss().ifPresent(value -> line.append(String.format(Locale.ROOT, "  val_loss %.4f", value)));
        epoch.validationAccuracy().ifPresent(value ->
                line.append(String.format(Locale.ROOT, "  val_accuracy %.4f", value)));
        line.append(String.format(Locale.ROOT, "  %,.0f samples/s  %.2f s", epoch.samplesPerSecond(), epoch.seconds()));
        if (interactive) {
            out.print("\r\033[K");
        }
        out.println(line);
        out.flush();
    }

    private int digits() {
        return Integer.toString(epochs).length();
    }
}
