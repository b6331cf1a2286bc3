package dev.chainrule.core.initializer;

import dev.chainrule.core.plugin.Arguments;

/**
 * The scale of He et al. (2015), PyTorch's {@code kaiming_*}: standard deviation {@code gain / sqrt(fan)} with
 * {@code gain = sqrt(2 / (1 + negative_slope^2))}, the fan chosen by {@code mode}. Read from the parameters
 * {@code mode} ({@code fan_in} or {@code fan_out}, default {@code fan_in}) and {@code negative_slope} (a leaky ReLU's
 * slope, default 0; PyTorch's {@code a}).
 *
 * @param mode          the fan to keep the variance of
 * @param negativeSlope the slope of the rectifier's negative half, {@code >= 0}
 */
public record HeScaling(FanMode mode, double negativeSlope) {

    /** Reads {@code mode} and {@code negative_slope} (alias {@code a}). */
    public static HeScaling read(Arguments arguments) {
        FanMode mode = FanMode.read(arguments, "mode", FanMode.FAN_IN, FanMode.FAN_IN, FanMode.FAN_OUT);
        double slope = arguments.alias("negative_slope", "a").number("negative_slope", 0.0,
                value -> value >= 0 && Double.isFinite(value), "must be finite and >= 0");
        return new HeScaling(mode, slope);
    }

    /** {@code sqrt(2 / (1 + negative_slope^2)) / sqrt(fan)}. */
    public double standardDeviation(Fans fans) {
        return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope)) / Math.sqrt(fans.of(mode));
    }
}
