package dev.chainrule.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Regression errors in the target's own units.
 *
 * @param rows the rows compared
 * @param mse  mean squared error
 * @param mae  mean absolute error
 * @param r2   coefficient of determination: 1 - SSE / SST, 1 for a perfect fit, 0 for predicting the mean
 */
record RegressionReport(int rows, double mse, double mae, double r2) {

    static RegressionReport of(double[] actual, double[] predicted) {
        double mean = 0;
        for (double value : actual) {
            mean += value;
        }
        mean /= actual.length;
        double squared = 0;
        double absolute = 0;
        double total = 0;
        for (int r = 0; r < actual.length; r++) {
            double error = predicted[r] - actual[r];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[r] - mean) * (actual[r] - mean);
        }
        return new RegressionReport(actual.length, squared / actual.length, absolute / actual.length,
                total == 0 ? 0 : 1 - squared / total);
    }

    /** The three figures, one per line. */
    String text() {
        return String.format(Locale.ROOT, "MSE  %.4f%nMAE  %.4f%nR^2  %.4f%n", mse, mae, r2);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rows", rows);
        map.put("mse", mse);
        map.put("mae", mae);
        map.put("r2", r2);
        return map;
    }
}
