package dev.chainrule.spark;

import dev.chainrule.core.optimizer.OptimizerState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optimizer's state of every parameter as Java numbers, for shipping between driver and executors, averaging,
 * and checkpoints: the steps taken (which the schedule reads), and per parameter its step count, named slots (Adam's
 * moments, momentum's velocity) and named scalars.
 *
 * @param steps      optimizer steps taken
 * @param stateSteps per parameter: its state's step count
 * @param slots      per parameter: its slots by name
 * @param scalars    per parameter: its scalars by name
 */
record OptimizerSnapshot(long steps, long[] stateSteps, List<Map<String, double[]>> slots,
        List<Map<String, Double>> scalars) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The snapshot of {@code states} after {@code steps} steps. */
    static OptimizerSnapshot of(long steps, List<OptimizerState> states) {
        long[] stateSteps = new long[states.size()];
        List<Map<String, double[]>> slots = new ArrayList<>();
        List<Map<String, Double>> scalars = new ArrayList<>();
        for (int p = 0; p < states.size(); p++) {
            OptimizerState state = states.get(p);
            stateSteps[p] = state.steps();
            Map<String, double[]> own = new TreeMap<>();
            state.slots().forEach((name, tensor) -> own.put(name, tensor.toDoubleArray()));
            slots.add(own);
            scalars.add(new TreeMap<>(state.scalars()));
        }
        return new OptimizerSnapshot(steps, stateSteps, slots, scalars);
    }

    /** Restores every parameter's state from this snapshot. */
    void restoreInto(List<OptimizerState> states) {
        if (states.size() != stateSteps.length) {
            throw new IllegalArgumentException("the optimizer state holds " + stateSteps.length
                    + " parameters, the network has " + states.size());
        }
        for (int p = 0; p < states.size(); p++) {
            states.get(p).restore(stateSteps[p], slots.get(p), scalars.get(p));
        }
    }

    /** This snapshot's slots and scalars times {@code weight} (for a weighted mean: scale, add up, divide). */
    OptimizerSnapshot times(double weight) {
        List<Map<String, double[]>> scaledSlots = new ArrayList<>();
        List<Map<String, Double>> scaledScalars = new ArrayList<>();
        for (int p = 0; p < stateSteps.length; p++) {
            Map<String, double[]> own = new TreeMap<>();
            slots.get(p).forEach((name, values) -> {
                double[] scaled = values.clone();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] *= weight;
                }
                own.put(name, scaled);
            });
            scaledSlots.add(own);
            Map<String, Double> ownScalars = new TreeMap<>();
            scalars.get(p).forEach((name, value) -> ownScalars.put(name, value * weight));
            scaledScalars.add(ownScalars);
        }
        return new OptimizerSnapshot(steps, stateSteps.clone(), scaledSlots, scaledScalars);
    }

    /**
     * This snapshot's slots and scalars plus {@code other}'s (one that a snapshot lacks counts as zero there); step
     * counts the larger of the two. Modifies this snapshot's arrays.
     */
    OptimizerSnapshot plus(OptimizerSnapshot other) {
        long[] maxSteps = stateSteps.clone();
        for (int p = 0; p < stateSteps.length; p++) {
            maxSteps[p] = Math.max(maxSteps[p], other.stateSteps[p]);
            Map<String, double[]> own = slots.get(p);
            other.slots.get(p).forEach((name, values) -> {
                double[] sum = own.computeIfAbsent(name, key -> new double[values.length]);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
            });
            Map<String, Double> ownScalars = scalars.get(p);
            other.scalars.get(p).forEach((name, value) -> ownScalars.merge(name, value, Double::sum));
        }
        return new OptimizerSnapshot(Math.max(steps, other.steps), maxSteps, slots, scalars);
    }
}
