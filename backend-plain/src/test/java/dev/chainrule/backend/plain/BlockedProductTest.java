package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocked products of both dtypes with both kernels against the reference product, bit for bit, overwriting C
 * and accumulating onto it. Small blocks make even small products cross several blocks in every direction (and so
 * continue the chains of edge tiles); the large shapes also run with the default blocks.
 */
class BlockedProductTest {

    static Stream<Arguments> float32Cases() {
        return Stream.of(new ScalarFloat32Kernel(), VectorKernels.float32())
                .flatMap(kernel -> Shapes.sweep().map(shape -> Arguments.of(kernel.description(), kernel, shape)));
    }

    static Stream<Arguments> float64Cases() {
        return Stream.of(new ScalarFloat64Kernel(), VectorKernels.float64())
                .flatMap(kernel -> Shapes.sweep().map(shape -> Arguments.of(kernel.description(), kernel, shape)));
    }

    @Test
    void theVectorKernelIsTestedHere() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire must start the JVM with --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("float32Cases")
    void float32(String kernelName, Float32Kernel kernel, Shapes shape) {
        Blocking small = new Blocking(16, 2 * kernel.rows(), 2 * kernel.columns());
        check(new Float32Blocked(kernel, small), kernel.description() + ", small blocks", shape);
        if ((long) shape.rows() * shape.columns() * shape.depth() > 100_000) {
            check(new Float32Blocked(kernel), kernel.description() + ", default blocks", shape);
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("float64Cases")
    void float64(String kernelName, Float64Kernel kernel, Shapes shape) {
        Blocking small = new Blocking(16, 2 * kernel.rows(), 2 * kernel.columns());
        check(new Float64Blocked(kernel, small), kernel.description() + ", small blocks", shape);
        if ((long) shape.rows() * shape.columns() * shape.depth() > 100_000) {
            check(new Float64Blocked(kernel), kernel.description() + ", default blocks", shape);
        }
    }

    private static void check(Float32Blocked product, String label, Shapes shape) {
        double[] a = shape.a(11);
        double[] b = shape.b(11);
        for (double[] start : new double[][] {null, ReferenceProduct.random(shape.rows() * shape.columns(), 13)}) {
            float[] c = ReferenceProduct.toFloats(start == null ? unset(shape) : start);
            product.multiply(ReferenceProduct.toFloats(a), Layout.of(shape.aColumns(), shape.transposeA()),
                    ReferenceProduct.toFloats(b), Layout.of(shape.bColumns(), shape.transposeB()), c, 0,
                    shape.columns(), shape.rows(), shape.columns(), shape.depth(), start != null);
            shape.check(label + (start == null ? "" : ", accumulating"), a, b, start, ReferenceProduct.toDoubles(c),
                    true);
        }
    }

    private static void check(Float64Blocked product, String label, Shapes shape) {
        double[] a = shape.a(11);
        double[] b = shape.b(11);
        for (double[] start : new double[][] {null, ReferenceProduct.random(shape.rows() * shape.columns(), 13)}) {
            double[] c = start == null ? unset(shape) : start.clone();
            product.multiply(a, Layout.of(shape.aColumns(), shape.transposeA()), b,
                    Layout.of(shape.bColumns(), shape.transposeB()), c, 0, shape.columns(), shape.rows(),
                    shape.columns(), shape.depth(), start != null);
            shape.check(label + (start == null ? "" : ", accumulating"), a, b, start, c, false);
        }
    }

    /** C before a product that overwrites it: NaN, which no element may keep. */
    private static double[] unset(Shapes shape) {
        double[] c = new double[shape.rows() * shape.columns()];
        Arrays.fill(c, Double.NaN);
        return c;
    }
}
