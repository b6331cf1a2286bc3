package dev.chainrule.backend.plain;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernels that the plain backend multiplies with, and its FLOAT32 {@code exp} and {@code tanh}: the Vector API
 * ones when the JVM was started with {@code --add-modules jdk.incubator.vector}, the scalar ones otherwise. The system
 * property {@value #PROPERTY} ({@code auto}, {@code vector} or {@code scalar}) overrides the choice.
 *
 * @param float32          the FLOAT32 kernel
 * @param float64          the FLOAT64 kernel
 * @param float32Functions the FLOAT32 {@code exp} and {@code tanh} of whole arrays
 * @param reason           why these were chosen, for the log
 */
record KernelChoice(Float32Kernel float32, Float64Kernel float64, Float32Functions float32Functions, String reason) {

    /** The system property that forces a kernel. */
    static final String PROPERTY = "chainrule.plain.kernel";

    private static final String MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(KernelChoice.class);

    /** The scalar kernels, which run on every JVM. */
    static KernelChoice scalar(String reason) {
        return new KernelChoice(new ScalarFloat32Kernel(), new ScalarFloat64Kernel(), new ScalarFloat32Functions(),
                reason);
    }

    /**
     * Whether {@link #select} would choose the vector kernels for {@code requested} (the property's value, {@code null}
     * meaning {@code auto}), without loading them: the module is there and the scalar kernel is not forced.
     */
    static boolean vectorExpected(String requested) {
        return !"scalar".equalsIgnoreCase(requested == null ? "auto" : requested.trim())
                && ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Why {@link #vectorExpected} is false for {@code requested}, for the log. */
    static String scalarReason(String requested) {
        return "scalar".equalsIgnoreCase(requested == null ? "" : requested.trim()) ? PROPERTY + "=scalar"
                : "start the JVM with --add-modules " + MODULE + " for the vector kernel";
    }

    /** The Vector API kernels and functions; a {@link LinkageError} without the module. */
    static KernelChoice vector(String reason) {
        return new KernelChoice(VectorKernels.float32(), VectorKernels.float64(), VectorKernels.float32Functions(),
                reason);
    }

    /** Chooses by {@code requested} (the property's value, {@code null} meaning {@code auto}) and logs the choice. */
    static KernelChoice select(String requested) {
        KernelChoice choice = choose(requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT));
        LOG.info("plain backend multiplies with the {} kernel ({})", choice.float32().description(), choice.reason());
        return choice;
    }

    private static KernelChoice choose(String requested) {
        switch (requested) {
            case "scalar":
                return scalar(PROPERTY + "=scalar");
            case "vector":
            case "auto":
                break;
            default:
                throw new IllegalArgumentException(
                        PROPERTY + " must be auto, vector or scalar, got '" + requested + "'");
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            String reason = "module " + MODULE + " is not loaded; start the JVM with --add-modules " + MODULE
                    + " for the vector kernel";
            if (requested.equals("vector")) {
                throw new IllegalStateException(PROPERTY + "=vector, but " + reason);
            }
            return scalar(reason);
        }
        try {
            return vector("module " + MODULE + " loaded");
        } catch (LinkageError e) {
            if (requested.equals("vector")) {
                throw new IllegalStateException(PROPERTY + "=vector, but the vector kernel does not load: " + e, e);
            }
            return scalar("the vector kernel does not load: " + e);
        }
    }
}
