package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.BackendAvailability;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J, started at most once per JVM. ND4J is a process-wide singleton whose first use loads its native libraries
 * (and on the very first run unpacks them, about 400 MB, to {@code ~/.javacpp/cache}). When they cannot load, the
 * first touch of {@code Nd4j} throws an {@link ExceptionInInitializerError} and every later touch a
 * {@link NoClassDefFoundError}, so the attempt is made once, here, and its outcome kept.
 *
 * <p>This class is the only one that touches ND4J before a backend is known to be usable; the backend refers to it
 * only from {@link Nd4jBackend#availability()}, so that {@code ServiceLoader} can create the backend on a machine
 * without the natives.
 */
final class Nd4jRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);

    private Nd4jRuntime() {
    }

    /** Whether ND4J runs here; starts it on the first call. */
    static BackendAvailability availability() {
        return Started.AVAILABILITY;
    }

    /** The threads that share large products, as the settings of the start say; only after a usable start. */
    static SharedProduct product() {
        return Started.PRODUCT;
    }

    /** The lazy holder: initialised on first access, by the JVM, exactly once. */
    private static final class Started {
        static final ThreadSettings THREADS = ThreadSettings.fromEnvironment();
        static final BackendAvailability AVAILABILITY = start(THREADS);
        static final SharedProduct PRODUCT = new SharedProduct(THREADS.productThreads());
    }

    private static BackendAvailability start(ThreadSettings threads) {
        long begin = System.nanoTime();
        try {
            Nd4j.create(DataType.FLOAT, 1, 1);
            apply(threads);
            LOG.info("ND4J started in {} ms ({}, {}); threads: {} for kernels, {} for BLAS, {} Java threads share a "
                    + "large product ({})", (System.nanoTime() - begin) / 1_000_000,
                    Nd4j.getBackend().getClass().getSimpleName(), Nd4j.factory().blas().getBlasVendor(),
                    NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                    Nd4j.factory().blas().getMaxThreads(), threads.productThreads(), threads.source());
            return BackendAvailability.ready();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.debug("ND4J could not start", e);
            return BackendAvailability.unavailable(StartFailure.describe(e));
        }
    }

    private static void apply(ThreadSettings threads) {
        if (threads.kernelThreads() > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads.kernelThreads());
            Nd4j.getEnvironment().setMaxMasterThreads(threads.kernelThreads());
        }
        if (threads.blasThreads() > 0) {
            Nd4j.factory().blas().setMaxThreads(threads.blasThreads());
        }
    }
}
