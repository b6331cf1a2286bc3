package dev.chainrule.core.initializer;

/**
 * The fan-in and fan-out of a parameter tensor: how many inputs feed each output unit, and how many outputs each input
 * feeds. Variance-scaling initializers divide by one of them ({@link FanMode}).
 *
 * @param in  the fan-in, at least 1
 * @param out the fan-out, at least 1
 */
public record Fans(int in, int out) {

    public Fans {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("fans must be >= 1, got fan_in " + in + " and fan_out " + out);
        }
    }

    /** The fan that {@code mode} selects: fan-in, fan-out or their mean. */
    public double of(FanMode mode) {
        return switch (mode) {
            case FAN_IN -> in;
            case FAN_OUT -> out;
            case FAN_AVG -> (in + out) / 2.0;
        };
    }
}
