package dev.chainrule.testkit;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;

/** A check of one plugin on one backend in one dtype. */
@FunctionalInterface
interface DTypeCheck<T> {

    void run(T plugin, TensorBackend backend, DType dtype);
}
