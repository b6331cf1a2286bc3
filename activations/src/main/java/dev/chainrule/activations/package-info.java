/**
 * The built-in activations, one class each. Each is registered with {@code @AutoService(Activation.class)} and
 * written with the backend's tensor operations in numerically stable forms, so it runs natively on every backend.
 * The module's {@code README.md} lists the catalogue with formulas and derivatives, and says how to add one.
 */
package dev.chainrule.activations;
