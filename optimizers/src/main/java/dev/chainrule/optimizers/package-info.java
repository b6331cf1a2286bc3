/** The built-in optimizers. Each is registered with {@code @AutoService(Optimizer.class)}. */
package dev.chainrule.optimizers;
