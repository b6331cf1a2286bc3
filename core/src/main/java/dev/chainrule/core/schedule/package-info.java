/**
 * Learning-rate schedules: the {@link dev.chainrule.core.schedule.LearningRateSchedule} SPI and the default
 * {@link dev.chainrule.core.schedule.ConstantRate}. The other built-in schedules live in {@code chainrule-optimizers}.
 */
package dev.chainrule.core.schedule;
