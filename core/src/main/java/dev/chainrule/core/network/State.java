package dev.chainrule.core.network;

import dev.chainrule.core.tensor.Tensor;
import java.util.Objects;

/**
 * A non-trainable tensor of a network that training passes update and that model files and checkpoints save, such as
 * batch_norm's running mean; named like a {@link dev.chainrule.core.tensor.Parameter} ({@code layer 2 running_mean}).
 *
 * @param name  where the tensor lives, for messages and files
 * @param value the values; the layer updates them in place
 */
public record State(String name, Tensor value) {

    public State {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
