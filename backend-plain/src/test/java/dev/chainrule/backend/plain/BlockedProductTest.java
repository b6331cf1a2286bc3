package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocked products of both dtypes with both kernels against the reference product. Small blocks make even
 * small products cross several blocks in every direction; the large shapes also run with the default blocks.
 */
class BlockedProductTest {

    private static final double FLOAT_EPSILON = Math.ulp(1.0f);
    private static final double DOUBLE_EPSILON = Math.ulp(1.0);

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
        float[] c = new float[shape.rows() * shape.columns()];
        java.util.Arrays.fill(c, Float.NaN);
        product.multiply(ReferenceProduct.toFloats(a), Layout.of(shape.aColumns(), shape.transposeA()),
                ReferenceProduct.toFloats(b), Layout.of(shape.bColumns(), shape.transposeB()), c, 0, shape.columns(),
                shape.rows(), shape.columns(), shape.depth());
        shape.check(label, a, b, ReferenceProduct.toDoubles(c), FLOAT_EPSILON);
    }

    private static void check(Float64Blocked product, String label, Shapes shape) {
        double[] a = shape.a(11);
        double[] b = shape.b(11);
        double[] c = new double[shape.rows() * shape.columns()];
        java.util.Arrays.fill(c, Double.NaN);
        product.multiply(a, Layout.of(shape.aColumns(), shape.transposeA()), b,
                Layout.of(shape.bColumns(), shape.transposeB()), c, 0, shape.columns(), shape.rows(),
                shape.columns(), shape.depth());
        shape.check(label, a, b, c, DOUBLE_EPSILON);
    }
}
