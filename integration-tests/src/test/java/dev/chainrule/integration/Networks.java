package dev.chainrule.integration;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;

/** Networks that several tests share. */
final class Networks {

    private Networks() {
    }

    /** A builder on {@code backend} that resolves activation specs through the discovered registry. */
    static NetworkBuilder builder(TensorBackend backend, int inputs) {
        return new NetworkBuilder(backend, Registries.PLUGINS.activations()::create, inputs);
    }

    /** The gradient-check network: 4 -> 5 tanh -> 4 sigmoid -> 3 relu -> 2 {@code output}. */
    static Network mixed(TensorBackend backend, String output, long seed) {
        return builder(backend, 4).dense(5, "tanh").dense(4, "sigmoid").dense(3, "relu").dense(2, output)
                .dtype(DType.FLOAT64).seed(seed).build();
    }
}
