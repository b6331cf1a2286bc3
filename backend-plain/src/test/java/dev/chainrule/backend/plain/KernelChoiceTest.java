package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The choice of kernel. Surefire runs this class twice: with {@code --add-modules jdk.incubator.vector}, where the
 * vector kernel must be chosen, and without it, where the backend must still load and multiply with the scalar one.
 */
class KernelChoiceTest {

    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @Test
    void automaticChoiceFollowsTheModule() {
        KernelChoice choice = KernelChoice.select(null);
        if (VECTOR_MODULE) {
            assertTrue(choice.float32().description().startsWith("vector"), choice.reason());
            assertTrue(choice.float64().description().startsWith("vector"), choice.reason());
        } else {
            assertInstanceOf(ScalarFloat32Kernel.class, choice.float32());
            assertInstanceOf(ScalarFloat64Kernel.class, choice.float64());
            assertTrue(choice.reason().contains("--add-modules jdk.incubator.vector"), choice.reason());
        }
    }

    @Test
    void float32FunctionsFollowTheModule() {
        Class<? extends Float32Functions> expected =
                VECTOR_MODULE ? VectorFloat32Functions.class : ScalarFloat32Functions.class;
        assertEquals(expected, KernelChoice.select(null).float32Functions().getClass());
    }

    @Test
    void theBackendRanksItselfAboveNd4jOnlyWithTheVectorKernel() {
        PlainBackend backend = new PlainBackend();
        assertEquals(VECTOR_MODULE, KernelChoice.vectorExpected(null));
        assertEquals(VECTOR_MODULE ? PlainBackend.VECTOR_PRIORITY : PlainBackend.SCALAR_PRIORITY, backend.priority());
        assertTrue(backend.priorityReason().contains(VECTOR_MODULE ? "Vector API kernel" : "--add-modules"),
                backend.priorityReason());
        assertEquals(false, KernelChoice.vectorExpected(" scalar"));
        assertEquals("chainrule.plain.kernel=scalar", KernelChoice.scalarReason("scalar"));
    }

    @Test
    void theScalarKernelCanBeForced() {
        KernelChoice choice = KernelChoice.select(" Scalar ");
        assertInstanceOf(ScalarFloat32Kernel.class, choice.float32());
        assertEquals("chainrule.plain.kernel=scalar", choice.reason());
    }

    @Test
    void forcingTheVectorKernelWithoutTheModuleSaysHowToLoadIt() {
        if (VECTOR_MODULE) {
            assertTrue(KernelChoice.select("vector").float32().description().startsWith("vector"));
        } else {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> KernelChoice.select("vector"));
            assertTrue(error.getMessage().contains("--add-modules jdk.incubator.vector"), error.getMessage());
        }
    }

    @Test
    void anUnknownKernelIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> KernelChoice.select("gpu"));
        assertEquals("chainrule.plain.kernel must be auto, vector or scalar, got 'gpu'", error.getMessage());
    }

    @Test
    void theBackendMultipliesWithWhicheverKernelItHas() {
        PlainBackend backend = new PlainBackend();
        Tensor a = backend.fromArray(DType.FLOAT32, new Shape(40, 30), ReferenceProduct.random(1200, 1));
        Tensor b = backend.fromArray(DType.FLOAT32, new Shape(30, 50), ReferenceProduct.random(1500, 2));
        Tensor c = backend.matmul(a, false, b, false, backend.zeros(DType.FLOAT32, new Shape(40, 50)));
        ReferenceProduct.assertExact("plain backend", a.toDoubleArray(), false, 30, b.toDoubleArray(), false, 50, 40,
                50, 30, null, true, c.toDoubleArray());
    }
}
