package dev.chainrule.core.training;

import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The gradient {@code dE/dp} of every parameter of a network, one tensor per parameter in the order of
 * {@link dev.chainrule.core.network.Network#parameters()}. Backpropagation overwrites them on every batch.
 */
public final class Gradients {

    private final List<Parameter> parameters;
    private final List<Tensor> values;
    private final Tensor[] scratch;

    Gradients(List<Parameter> parameters) {
        this.parameters = parameters;
        this.values = parameters.stream().map(parameter -> parameter.value().newLike()).toList();
        this.scratch = new Tensor[parameters.size()];
    }

    /** The parameters, in order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The gradient of parameter {@code index}. */
    public Tensor get(int index) {
        return values.get(index);
    }

    /** The gradient of {@code parameter}, which must belong to the network these gradients were made for. */
    public Tensor of(Parameter parameter) {
        return values.get(indexOf(parameter));
    }

    /** The position of {@code parameter} (the same tensor, not an equal one) among the parameters. */
    int indexOf(Parameter parameter) {
        for (int p = 0; p < parameters.size(); p++) {
            if (parameters.get(p).value() == parameter.value()) {
                return p;
            }
        }
        throw new IllegalArgumentException(parameter.name() + " is not a parameter of this network");
    }

    /**
     * A work buffer of parameter {@code index}'s shape for processing the gradients (penalties, clipping); created on
     * first use, its contents undefined.
     */
    Tensor scratch(int index) {
        if (scratch[index] == null) {
            scratch[index] = values.get(index).newLike();
        }
        return scratch[index];
    }

    /** Number of parameters. */
    public int size() {
        return values.size();
    }
}
