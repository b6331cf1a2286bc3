/**
 * The built-in optimizers. Each is registered with {@code @AutoService(Optimizer.class)}, reads its hyperparameters
 * (PyTorch's names and defaults where PyTorch has the optimizer) from its spec, and keeps everything it remembers in
 * the {@link dev.chainrule.core.optimizer.OptimizerState} of each parameter. The learning-rate schedules are in
 * {@link dev.chainrule.optimizers.schedules}.
 */
package dev.chainrule.optimizers;
