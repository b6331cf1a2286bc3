package dev.chainrule.backend.plain;

/**
 * Creates the Vector API kernels and functions. This is the one class outside the kernels themselves that names them, so that
 * loading it is the test of whether the {@code jdk.incubator.vector} module is there: without the module it fails
 * with a {@link LinkageError}, which {@link KernelChoice} catches.
 */
final class VectorKernels {

    private VectorKernels() {
    }

    static Float32Kernel float32() {
        return new VectorFloat32Kernel();
    }

    static Float64Kernel float64() {
        return new VectorFloat64Kernel();
    }

    static Float32Functions float32Functions() {
        return new VectorFloat32Functions();
    }
}
