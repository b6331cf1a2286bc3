package dev.chainrule.core.optimizer;

import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter between steps: named tensors ("slots", such as a velocity or a
 * moment estimate) of the parameter's shape, named numbers ("scalars", such as a running product), and the number of
 * steps taken. The trainer keeps one per parameter; everything in it is plain data, so a checkpoint can save it with
 * {@link #steps()}, {@link #slots()} and {@link #scalars()} and a later run can {@link #restore} it and continue
 * exactly where the saved run was.
 *
 * <p>An optimizer keeps <em>all</em> of its memory here, never in its own fields. Work buffers that hold nothing
 * from one step to the next come from {@link #scratch(String)}, which is not part of the saved state.
 */
public final class OptimizerState {

    private final Tensor parameter;
    private final Map<String, Tensor> slots = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, Tensor> scratch = new LinkedHashMap<>();
    private long steps;

    /** Fresh state for {@code parameter}: no slots, no scalars, no steps. */
    public OptimizerState(Tensor parameter) {
        this.parameter = parameter;
    }

    /** The slot called {@code name}; created as zeros of the parameter's shape on first use. */
    public Tensor slot(String name) {
        return slots.computeIfAbsent(name, key -> parameter.newLike());
    }

    /**
     * A work buffer of the parameter's shape, created on first use and reused by later steps. Not part of the state:
     * its contents are undefined at the start of a step and are not saved.
     */
    public Tensor scratch(String name) {
        return scratch.computeIfAbsent(name, key -> parameter.newLike());
    }

    /** The scalar called {@code name}, or {@code initial} when it has never been set. */
    public double scalar(String name, double initial) {
        return scalars.getOrDefault(name, initial);
    }

    /** Sets the scalar called {@code name}. */
    public void setScalar(String name, double value) {
        scalars.put(name, value);
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

    /** The scalars set so far, by name, in the order first set. */
    public Map<String, Double> scalars() {
        return Collections.unmodifiableMap(scalars);
    }

    /** Restores a saved state that has no scalars: the step count and slot values (copied into fresh slots). */
    public void restore(long savedSteps, Map<String, double[]> savedSlots) {
        restore(savedSteps, savedSlots, Map.of());
    }

    /**
     * Restores a saved state: the step count, slot values (copied into fresh slots) and scalars. Whatever the state
     * held before is replaced.
     */
    public void restore(long savedSteps, Map<String, double[]> savedSlots, Map<String, Double> savedScalars) {
        steps = savedSteps;
        slots.clear();
        savedSlots.forEach((name, values) -> parameter.backend().assign(values, slot(name)));
        scalars.clear();
        scalars.putAll(savedScalars);
    }
}
