package dev.chainrule.core.training;

import dev.chainrule.core.tensor.Tensor;

/**
 * Everything backpropagation computed for one batch, layer by layer (layer {@code k} runs from 1 to n; layer 0 is
 * the input). These are the quantities of the chain rule: {@code z_k = a_{k-1} W_k + b_k}, {@code a_k = phi_k(z_k)},
 * the error {@code g_k = dE/da_k} arriving at layer {@code k}'s output, and {@code delta_k = dE/dz_k}.
 *
 * <p>The tensors are buffers that the next batch of the same size overwrites; copy what must outlive it.
 */
public final class Trace {

    private final Tensor[] z;
    private final Tensor[] a;
    private final Tensor[] gradA;
    private final Tensor[] delta;
    private final Tensor lossWork;

    Trace(Tensor[] z, Tensor[] a, Tensor[] gradA, Tensor[] delta, Tensor lossWork) {
        this.z = z;
        this.a = a;
        this.gradA = gradA;
        this.delta = delta;
        this.lossWork = lossWork;
    }

    /** Number of layers. */
    public int layers() {
        return z.length - 1;
    }

    /** {@code z_k}, layer {@code k}'s pre-activation. */
    public Tensor preActivation(int k) {
        return z[check(k)];
    }

    /** {@code a_k}, layer {@code k}'s output; {@code a_0} is the input batch. */
    public Tensor activation(int k) {
        if (k == 0) {
            return a[0];
        }
        return a[check(k)];
    }

    /** {@code g_k = dE/da_k}, the error arriving at layer {@code k}'s output. Not filled on the fused output path. */
    public Tensor outputError(int k) {
        return gradA[check(k)];
    }

    /** {@code delta_k = dE/dz_k}, the error after layer {@code k}'s own activation derivative. */
    public Tensor delta(int k) {
        return delta[check(k)];
    }

    Tensor[] z() {
        return z;
    }

    Tensor[] a() {
        return a;
    }

    Tensor[] gradA() {
        return gradA;
    }

    Tensor[] delta() {
        return delta;
    }

    /** The work tensor for the loss's value, of the output's shape. */
    Tensor lossWork() {
        return lossWork;
    }

    private int check(int k) {
        if (k < 1 || k >= z.length) {
            throw new IllegalArgumentException("layer " + k + " does not exist; layers run from 1 to " + layers());
        }
        return k;
    }
}
