package dev.chainrule.core.network;

import dev.chainrule.core.tensor.Tensor;

/**
 * A trainable tensor of a network, with a name that says where it lives ({@code layer 2 weights}).
 *
 * @param name  where the parameter lives, for messages and model files
 * @param value the values; optimizers update it in place
 */
public record Parameter(String name, Tensor value) {
}
