package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** ND4J, once started by the backend, runs with the thread settings that {@link ThreadSettings} chose for this JVM. */
class Nd4jRuntimeTest {

    @Test
    void theChosenThreadSettingsAreApplied() {
        assertTrue(Nd4jRuntime.availability().usable(), "ND4J starts in this build");
        ThreadSettings chosen = ThreadSettings.fromEnvironment();
        assumeTrue(chosen.kernelThreads() > 0, "OMP_NUM_THREADS is set, so ND4J keeps its own settings");
        assertEquals(chosen.kernelThreads(), NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        assertEquals(chosen.kernelThreads(), Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(chosen.blasThreads(), Nd4j.factory().blas().getMaxThreads());
    }
}
