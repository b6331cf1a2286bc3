/**
 * The weight-initializer catalogue beyond the four that core registers: {@code ones}, {@code constant},
 * {@code uniform}, {@code normal}, {@code truncated_normal}, {@code glorot_normal}, {@code he_uniform},
 * {@code lecun_uniform}, {@code orthogonal}, {@code identity}, {@code variance_scaling} and {@code sparse}.
 */
package dev.chainrule.layers.initializers;
