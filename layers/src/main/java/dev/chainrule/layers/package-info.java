/**
 * The built-in layers beyond core's {@code dense}: {@code dropout}, {@code alpha_dropout}, {@code gaussian_dropout},
 * {@code gaussian_noise}, {@code batch_norm}, {@code layer_norm} and {@code activation}; the initializer catalogue is
 * in {@link dev.chainrule.layers.initializers}.
 */
package dev.chainrule.layers;
