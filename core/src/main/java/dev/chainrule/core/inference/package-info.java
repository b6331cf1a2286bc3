/**
 * Inference for applications: {@link dev.chainrule.core.inference.Predictor} runs a trained network's inference pass
 * on rows of Java numbers or on tensors, in buffers it keeps from call to call, and may be shared by any number of
 * threads.
 */
package dev.chainrule.core.inference;
