package dev.chainrule.spark;

/** An executor lacks a plugin the job needs; the message names the plugin and the jar to ship. */
public final class MissingPluginException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The exception with its message. */
    public MissingPluginException(String message) {
        super(message);
    }
}
