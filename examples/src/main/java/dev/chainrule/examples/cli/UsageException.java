package dev.chainrule.examples.cli;

/**
 * The command line asks for something that cannot be: an unknown plugin, a malformed layer spec, options that do not
 * fit together. The tool prints the message and exits with code 2.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    /** Runs {@code resolve}; an {@link IllegalArgumentException} it throws becomes a usage error with its message. */
    static <T> T check(java.util.function.Supplier<T> resolve) {
        try {
            return resolve.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
