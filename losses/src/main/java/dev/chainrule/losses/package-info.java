/**
 * The built-in losses. Each is registered with {@code @AutoService(Loss.class)}; the value is the mean over the
 * batch of each example's loss, and the gradient is of that mean.
 */
package dev.chainrule.losses;
