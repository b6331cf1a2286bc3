package dev.chainrule.examples.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A PNG of a confusion matrix: a row per actual class, a column per predicted class, each cell shaded by the share of
 * its row and labelled with its count.
 */
final class ConfusionChart {

    private ConfusionChart() {
    }

    static void write(ClassificationReport report, String title, Path file) throws IOException {
        List<String> classes = report.classes();
        int n = classes.size();
        int cell = Math.max(30, Math.min(64, 640 / n));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        measure.setFont(font);
        FontMetrics metrics = measure.getFontMetrics();
        int label = classes.stream().mapToInt(metrics::stringWidth).max().orElse(0) + 12;
        measure.dispose();
        int left = label + 30;
        int top = 50;
        int width = left + n * cell + 20;
        int height = top + n * cell + label + 30;
        BufferedImage image = new BufferedImage(Math.max(width, 320), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 12, 22);
            g.setFont(font);
            g.drawString("rows: actual class, columns: predicted class", 12, 40);
            for (int a = 0; a < n; a++) {
                int support = Math.max(1, report.support(a));
                for (int p = 0; p < n; p++) {
                    int count = report.counts()[a][p];
                    double share = (double) count / support;
                    Color fill = blend(share, a == p);
                    int x = left + p * cell;
                    int y = top + a * cell;
                    g.setColor(fill);
                    g.fillRect(x, y, cell, cell);
                    g.setColor(new Color(0xDDDDDD));
                    g.drawRect(x, y, cell, cell);
                    String text = Integer.toString(count);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    g.drawString(text, x + (cell - metrics.stringWidth(text)) / 2, y + (cell + metrics.getAscent()) / 2 - 2);
                }
                g.setColor(Color.BLACK);
                String name = classes.get(a);
                g.drawString(name, left - 8 - metrics.stringWidth(name), top + a * cell + (cell + metrics.getAscent()) / 2 - 2);
            }
            boolean horizontal = classes.stream().allMatch(name -> metrics.stringWidth(name) <= cell - 6);
            AffineTransform saved = g.getTransform();
            for (int p = 0; horizontal && p < n; p++) {
                String name = classes.get(p);
                g.drawString(name, left + p * cell + (cell - metrics.stringWidth(name)) / 2,
                        top + n * cell + 6 + metrics.getAscent());
            }
            for (int p = 0; !horizontal && p < n; p++) {
                String name = classes.get(p);
                int x = left + p * cell + cell / 2 - metrics.getAscent() / 2;
                int y = top + n * cell + 8;
                g.setTransform(saved);
                g.rotate(Math.PI / 2, x, y);
                g.drawString(name, x, y);
            }
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        Images.writePng(image, file);
    }

    /** White to blue on the diagonal, white to orange elsewhere, by {@code share}. */
    private static Color blend(double share, boolean diagonal) {
        Color full = diagonal ? new Color(0x1F4E9A) : new Color(0xD9621A);
        double t = Math.sqrt(Math.min(1, share));
        return new Color((int) (255 + t * (full.getRed() - 255)), (int) (255 + t * (full.getGreen() - 255)),
                (int) (255 + t * (full.getBlue() - 255)));
    }
}
