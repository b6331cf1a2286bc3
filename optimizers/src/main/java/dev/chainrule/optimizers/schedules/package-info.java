/**
 * The built-in learning-rate schedules. Each is registered with {@code @AutoService(LearningRateSchedule.class)} and
 * counts optimizer steps (mini-batches) from 0; {@code constant}, the default, lives in core.
 */
package dev.chainrule.optimizers.schedules;
