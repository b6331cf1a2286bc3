package dev.chainrule.core.training;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Parameter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * L1 and L2 penalties, per layer, that become part of the loss: the reported training loss includes their value, and
 * their derivative is added to each gradient after backpropagation and before clipping and the optimizer. They apply
 * to the parameters of the chosen kinds, by default {@linkplain Parameter.Kind#WEIGHT weights} only: not biases, nor
 * trainable activation parameters. Validation losses are the data loss alone.
 *
 * <p>For decoupled weight decay, which shrinks the weights outside the loss, use an optimizer that offers it
 * ({@code adamw}, or {@code weight_decay} with {@code decoupled_weight_decay=true} where an optimizer has that flag).
 *
 * @param everyLayer the penalty of every layer that {@code layers} does not name
 * @param layers     penalties of single layers, by layer index (1 for the first layer after the input)
 * @param kinds      the kinds of parameter penalised
 */
public record Regularization(Penalty everyLayer, Map<Integer, Penalty> layers, Set<Parameter.Kind> kinds) {

    public Regularization {
        Objects.requireNonNull(everyLayer, "everyLayer");
        layers.forEach((layer, penalty) -> {
            if (layer < 1) {
                throw new IllegalArgumentException("layers are numbered from 1, got a penalty for layer " + layer);
            }
            Objects.requireNonNull(penalty, "penalty of layer " + layer);
        });
        layers = Collections.unmodifiableMap(new TreeMap<>(layers));
        kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /** No penalty: the default. */
    public static Regularization none() {
        return of(Penalty.NONE);
    }

    /** The same penalty on the weights of every layer. */
    public static Regularization of(Penalty everyLayer) {
        return new Regularization(everyLayer, Map.of(), EnumSet.of(Parameter.Kind.WEIGHT));
    }

    /** This regularization with {@code penalty} for layer {@code layer} (1 for the first layer after the input). */
    public Regularization withLayer(int layer, Penalty penalty) {
        Map<Integer, Penalty> more = new TreeMap<>(layers);
        more.put(layer, penalty);
        return new Regularization(everyLayer, more, kinds);
    }

    /** This regularization applied to the given kinds of parameter instead. */
    public Regularization withKinds(Set<Parameter.Kind> value) {
        return new Regularization(everyLayer, layers, value);
    }

    /** The penalty of layer {@code layer}. */
    public Penalty penaltyOf(int layer) {
        return layers.getOrDefault(layer, everyLayer);
    }

    /** Whether no layer has a penalty. */
    public boolean isNone() {
        return kinds.isEmpty() || everyLayer.isNone() && layers.values().stream().allMatch(Penalty::isNone);
    }

    /** The penalty of {@code network}'s current parameters; allocates work tensors, for checks and reports. */
    public double value(Network network) {
        double value = 0;
        for (int k = 1; k <= network.layers().size(); k++) {
            Penalty penalty = penaltyOf(k);
            for (Parameter parameter : network.layer(k).parameters()) {
                if (penalises(parameter, penalty)) {
                    value += penalty.value(parameter.value(), parameter.value().newLike());
                }
            }
        }
        return value;
    }

    /**
     * Adds the penalty's derivative to {@code gradients} and returns the penalty's value, both at {@code network}'s
     * current parameters. Uses the gradients' work buffers; allocates nothing once they exist.
     *
     * @param gradients the gradients of {@code network}'s parameters; modified
     */
    public double apply(Network network, Gradients gradients) {
        if (isNone()) {
            return 0;
        }
        double value = 0;
        for (int k = 1; k <= network.layers().size(); k++) {
            Penalty penalty = penaltyOf(k);
            for (Parameter parameter : network.layer(k).parameters()) {
                if (penalises(parameter, penalty)) {
                    int index = gradients.indexOf(parameter);
                    value += penalty.value(parameter.value(), gradients.scratch(index));
                    penalty.addGradient(parameter.value(), gradients.get(index), gradients.scratch(index));
                }
            }
        }
        return value;
    }

    private boolean penalises(Parameter parameter, Penalty penalty) {
        return !penalty.isNone() && kinds.contains(parameter.kind());
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        return "every layer " + everyLayer + (layers.isEmpty() ? "" : ", layers " + layers) + ", on " + kinds;
    }
}
