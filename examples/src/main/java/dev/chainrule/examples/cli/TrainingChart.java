package dev.chainrule.examples.cli;

import dev.chainrule.core.training.EpochResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PNG of a training run: training and validation loss per epoch, and beside it, for classification, training and
 * validation accuracy.
 */
final class TrainingChart {

    private static final Color TRAINING = new Color(0x1F77B4);
    private static final Color VALIDATION = new Color(0xD62728);

    private TrainingChart() {
    }

    /** Draws the chart of {@code epochs} and writes it to {@code file}. */
    static void write(List<EpochResult> epochs, String title, Path file) throws IOException {
        boolean accuracy = epochs.stream().anyMatch(epoch -> epoch.accuracy().isPresent());
        int width = accuracy ? 1100 : 620;
        int height = 440;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(Color.BLACK);
            g.drawString(title, 16, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int panel = accuracy ? width / 2 : width;
            LinePlot.draw(g, new Rectangle(0, 36, panel, height - 40), "Loss", "epoch",
                    series(epochs, EpochResult::loss, epoch -> epoch.validationLoss().orElse(Double.NaN)), 0, Double.NaN);
            if (accuracy) {
                LinePlot.draw(g, new Rectangle(panel, 36, panel, height - 40), "Accuracy", "epoch",
                        series(epochs, epoch -> epoch.accuracy().orElse(Double.NaN),
                                epoch -> epoch.validationAccuracy().orElse(Double.NaN)), 0, 1);
            }
        } finally {
            g.dispose();
        }
        Images.writePng(image, file);
    }

    private static List<LinePlot.Series> series(List<EpochResult> epochs,
            java.util.function.ToDoubleFunction<EpochResult> training,
            java.util.function.ToDoubleFunction<EpochResult> validation) {
        double[] train = epochs.stream().mapToDouble(training).toArray();
        double[] valid = epochs.stream().mapToDouble(validation).toArray();
        List<LinePlot.Series> series = new ArrayList<>();
        series.add(new LinePlot.Series("training", TRAINING, false, train));
        if (java.util.Arrays.stream(valid).anyMatch(Double::isFinite)) {
            series.add(new LinePlot.Series("validation", VALIDATION, true, valid));
        }
        return series;
    }
}
