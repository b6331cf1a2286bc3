package dev.chainrule.core.training;

import java.io.IOException;

/** A checkpoint that cannot be used: corrupt, truncated, of another format version, or from another run. */
public final class CheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception whose message names the file and what is wrong with it. */
    public CheckpointException(String message) {
        super(message);
    }
}
