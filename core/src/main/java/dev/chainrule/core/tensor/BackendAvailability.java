package dev.chainrule.core.tensor;

import java.util.Objects;

/**
 * Whether a backend can run on this machine, and if not, why.
 *
 * @param usable    whether the backend can be used
 * @param reason    why it cannot, or empty when it can
 */
public record BackendAvailability(boolean usable, String reason) {

    public BackendAvailability {
        Objects.requireNonNull(reason, "reason");
    }

    /** The backend can run. */
    public static BackendAvailability ready() {
        return new BackendAvailability(true, "");
    }

    /** The backend cannot run, for the given reason. */
    public static BackendAvailability unavailable(String reason) {
        return new BackendAvailability(false, reason);
    }
}
