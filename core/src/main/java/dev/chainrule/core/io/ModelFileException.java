package dev.chainrule.core.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded: not a model file, corrupt or truncated, written by a newer format version, or
 * naming a plugin that is not on the class path. The message says which, with the values found.
 */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    ModelFileException(String message) {
        super(message);
    }

    ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
