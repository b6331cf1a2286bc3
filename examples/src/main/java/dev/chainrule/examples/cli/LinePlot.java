package dev.chainrule.examples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/** Draws one panel of line series with axes, grid, tick labels and a legend. */
final class LinePlot {

    /**
     * One line.
     *
     * @param name   legend text
     * @param color  line colour
     * @param dashed whether to dash the line
     * @param y      values at x = 1, 2, ...; NaN leaves a gap
     */
    record Series(String name, Color color, boolean dashed, double[] y) {
    }

    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color AXIS = new Color(0x555555);

    private LinePlot() {
    }

    /**
     * Draws {@code series} against x = 1..n into {@code area}, with {@code title} above and {@code xLabel} below. The
     * y axis does not extend below {@code floor} or above {@code ceiling} (NaN for no limit) when the data do not.
     */
    static void draw(Graphics2D g, Rectangle area, String title, String xLabel, List<Series> series, double floor,
            double ceiling) {
        FontMetrics metrics = g.getFontMetrics();
        int left = area.x + 60;
        int right = area.x + area.width - 15;
        int top = area.y + 30;
        int bottom = area.y + area.height - 45;
        int points = series.stream().mapToInt(s -> s.y().length).max().orElse(1);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double value : s.y()) {
                if (Double.isFinite(value)) {
                    yMin = Math.min(yMin, value);
                    yMax = Math.max(yMax, value);
                }
            }
        }
        if (!Double.isFinite(yMin)) {
            yMin = 0;
            yMax = 1;
        }
        double dataMin = yMin;
        double dataMax = yMax;
        double margin = yMax > yMin ? 0.05 * (yMax - yMin) : Math.max(Math.abs(yMax) * 0.1, 0.5);
        yMin -= margin;
        yMax += margin;
        double yStep = niceStep((yMax - yMin) / 5);
        yMin = Math.floor(yMin / yStep) * yStep;
        yMax = Math.ceil(yMax / yStep) * yStep;
        if (dataMin >= floor && yMin < floor) {
            yMin = floor;
        }
        if (dataMax <= ceiling && yMax > ceiling) {
            yMax = ceiling;
        }
        double xMin = 1;
        double xMax = Math.max(2, points);
        double xStep = Math.max(1, niceStep((xMax - xMin) / 8));

        g.setColor(Color.BLACK);
        g.drawString(title, left + (right - left - metrics.stringWidth(title)) / 2, area.y + 18);
        g.setStroke(new BasicStroke(1));
        for (double y = yMin; y <= yMax + yStep / 2; y += yStep) {
            int py = py(y, yMin, yMax, top, bottom);
            g.setColor(GRID);
            g.drawLine(left, py, right, py);
            g.setColor(AXIS);
            String label = format(y, yStep);
            g.drawString(label, left - 6 - metrics.stringWidth(label), py + metrics.getAscent() / 2 - 1);
        }
        List<Double> xTicks = new java.util.ArrayList<>();
        xTicks.add(xMin);
        for (double x = xStep; x <= xMax + 1e-9; x += xStep) {
            if (x > xMin + xStep / 2) {
                xTicks.add(x);
            }
        }
        for (double x : xTicks) {
            int px = px(x, xMin, xMax, left, right);
            g.setColor(GRID);
            g.drawLine(px, top, px, bottom);
            g.setColor(AXIS);
            String label = format(x, 1);
            g.drawString(label, px - metrics.stringWidth(label) / 2, bottom + metrics.getAscent() + 4);
        }
        g.setColor(AXIS);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString(xLabel, left + (right - left - metrics.stringWidth(xLabel)) / 2, bottom + 2 * metrics.getHeight() + 4);

        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(s.dashed()
                    ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {7, 5}, 0)
                    : new BasicStroke(2));
            Path2D.Double path = new Path2D.Double();
            boolean drawing = false;
            for (int i = 0; i < s.y().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    drawing = false;
                    continue;
                }
                double px = px(i + 1, xMin, xMax, left, right);
                double py = py(s.y()[i], yMin, yMax, top, bottom);
                if (drawing) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    drawing = true;
                }
                if (s.y().length <= 40) {
                    g.fillOval((int) px - 3, (int) py - 3, 6, 6);
                }
            }
            g.draw(path);
        }
        legend(g, series, right, endsHigh(series, yMin, yMax) ? bottom - 8 - legendHeight(g, series) : top + 8);
    }

    /** Whether the lines end in the upper half, where a legend in the top corner would cover them. */
    private static boolean endsHigh(List<Series> series, double yMin, double yMax) {
        double sum = 0;
        int count = 0;
        for (Series s : series) {
            for (int i = Math.max(0, s.y().length - 3); i < s.y().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    sum += (s.y()[i] - yMin) / (yMax - yMin);
                    count++;
                }
            }
        }
        return count > 0 && sum / count > 0.5;
    }

    private static int legendHeight(Graphics2D g, List<Series> series) {
        return series.size() * g.getFontMetrics().getHeight() + 8;
    }

    private static void legend(Graphics2D g, List<Series> series, int right, int y) {
        FontMetrics metrics = g.getFontMetrics();
        int width = series.stream().mapToInt(s -> metrics.stringWidth(s.name())).max().orElse(0) + 40;
        int height = legendHeight(g, series);
        int x = right - width - 8;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x, y, width, height);
        g.setColor(GRID);
        g.drawRect(x, y, width, height);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int lineY = y + 4 + i * metrics.getHeight() + metrics.getHeight() / 2;
            g.setColor(s.color());
            g.setStroke(s.dashed()
                    ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {7, 5}, 0)
                    : new BasicStroke(2));
            g.drawLine(x + 6, lineY, x + 28, lineY);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), x + 34, lineY + metrics.getAscent() / 2 - 1);
        }
        g.setStroke(new BasicStroke(1));
    }

    private static int px(double x, double min, double max, int left, int right) {
        return (int) Math.round(left + (x - min) / (max - min) * (right - left));
    }

    private static int py(double y, double min, double max, int top, int bottom) {
        return (int) Math.round(bottom - (y - min) / (max - min) * (bottom - top));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String format(double value, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step / 1e6 ? 0 : value);
    }
}
