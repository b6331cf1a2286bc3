/**
 * The built-in activations. Each is registered with {@code @AutoService(Activation.class)} and written with the
 * backend's tensor operations, so it runs natively on every backend.
 */
package dev.chainrule.activations;
