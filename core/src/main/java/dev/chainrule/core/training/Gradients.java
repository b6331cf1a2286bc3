package dev.chainrule.core.training;

import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The gradient {@code dE/dp} of every parameter of a network, one tensor per parameter in the order of
 * {@link dev.chainrule.core.network.Network#parameters()}. Backpropagation overwrites them on every batch.
 */
public final class Gradients {

    private final List<Parameter> parameters;
    private final List<Tensor> values;

    Gradients(List<Parameter> parameters) {
        this.parameters = parameters;
        this.values = parameters.stream().map(parameter -> parameter.value().newLike()).toList();
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
        int index = parameters.indexOf(parameter);
        if (index < 0) {
            throw new IllegalArgumentException(parameter.name() + " is not a parameter of this network");
        }
        return values.get(index);
    }

    /** Number of parameters. */
    public int size() {
        return values.size();
    }
}
