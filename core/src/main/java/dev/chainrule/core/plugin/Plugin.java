package dev.chainrule.core.plugin;

import java.util.Set;

/**
 * What every discoverable part of Chainrule has in common: a stable registry name and, optionally, named numeric
 * parameters given by a {@link Spec} such as {@code leaky_relu(alpha=0.2)}.
 *
 * <p>The discovered class has a public no-argument constructor that yields the default configuration. The registry
 * calls {@link #configure(Arguments)} with the spec's arguments to get the instance that is used. A plugin that
 * reads an argument records its default at the same time, so the registry can list each plugin's parameters and
 * reject a parameter the plugin does not know.
 *
 * <p><b>Threads.</b> One configured instance serves every thread: a network's layers and activations are shared by the
 * threads that predict with it (see {@link dev.chainrule.core.inference.Predictor}), a backend by every tensor
 * operation. A plugin therefore keeps no per-call state in its fields: temporaries go in the {@code out} tensor's
 * {@link dev.chainrule.core.tensor.Tensor#scratch work tensors} or a layer's
 * {@link dev.chainrule.core.network.LayerMemory}, and its configuration is fixed when it is created. Optimizer state
 * lives in the state objects an optimizer creates per parameter and run, not in the optimizer.
 */
public interface Plugin {

    /** The registry name: lower snake case, unique within its kind, never derived from {@code toString()}. */
    String name();

    /** Other names that find this plugin, such as {@code swish} for {@code silu}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The instance configured by {@code arguments}, read with {@link Arguments#number} and friends. A plugin without
     * parameters reads nothing and may return itself; one with per-use state must return a new instance.
     */
    default Plugin configure(Arguments arguments) {
        return this;
    }

    /** The spec that recreates this instance through the registry: its name and every parameter's value. */
    default Spec spec() {
        return Spec.of(name());
    }
}
