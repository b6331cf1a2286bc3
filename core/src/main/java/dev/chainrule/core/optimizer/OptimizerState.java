package dev.chainrule.core.optimizer;

import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter between steps: named tensors ("slots", such as a velocity or a
 * moment estimate) of the parameter's shape, and the number of steps taken. The trainer keeps one per parameter;
 * everything in it is plain data, so a checkpoint can save and restore it.
 */
public final class OptimizerState {

    private final Tensor parameter;
    private final Map<String, Tensor> slots = new LinkedHashMap<>();
    private long steps;

    /** Fresh state for {@code parameter}: no slots, no steps. */
    public OptimizerState(Tensor parameter) {
        this.parameter = parameter;
    }

    /** The slot called {@code name}; created as zeros of the parameter's shape on first use. */
    public Tensor slot(String name) {
        return slots.computeIfAbsent(name, key -> parameter.newLike());
    }

    /** Counts a step and returns the new count, 1 for the first step. */
    public long advance() {
        return ++steps;
    }

    /** The number of steps taken. */
    public long steps() {
        return steps;
    }

    /** The slots created so far, by name, in creation order. */
    public Map<String, Tensor> slots() {
        return Collections.unmodifiableMap(slots);
    }

    /** Restores a saved state: the step count and slot values (copied into fresh slots). */
    public void restore(long savedSteps, Map<String, double[]> savedSlots) {
        steps = savedSteps;
        slots.clear();
        savedSlots.forEach((name, values) -> parameter.backend().assign(values, slot(name)));
    }
}
