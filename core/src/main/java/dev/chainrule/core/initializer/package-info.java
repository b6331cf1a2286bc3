/**
 * Weight initialisation as a plugin: the {@link dev.chainrule.core.initializer.Initializer} SPI, the
 * {@link dev.chainrule.core.initializer.Distribution} its values follow, and the four initializers that the defaults
 * name ({@code zeros} for biases; {@code glorot_uniform}, {@code he_normal} and {@code lecun_normal}, which the built-in
 * activations recommend). The rest of the catalogue lives in {@code chainrule-layers}.
 */
package dev.chainrule.core.initializer;
