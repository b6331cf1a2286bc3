package dev.chainrule.onnx;

import java.io.IOException;

/**
 * An ONNX file that cannot be read or written: malformed or truncated bytes, an operator or pattern the importer
 * does not take, or a layer or activation with no ONNX mapping. The message names the file, the node or layer and
 * what to do; it is one line, fit for a command-line error.
 */
public final class OnnxException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An error with a message that says what is wrong and where. */
    public OnnxException(String message) {
        super(message);
    }

    /** An error with a message that says what is wrong and where, caused by {@code cause}. */
    public OnnxException(String message, Throwable cause) {
        super(message, cause);
    }
}
