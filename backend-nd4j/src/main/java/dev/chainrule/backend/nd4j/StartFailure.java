package dev.chainrule.backend.nd4j;

import java.util.Locale;

/**
 * Why ND4J could not start, in one line: the outermost and the root cause (for missing natives an
 * {@link UnsatisfiedLinkError} naming the library) and, for a linking problem, what the backend needs. Free of ND4J
 * references, so it can describe even a failure to load ND4J's classes.
 */
final class StartFailure {

    private StartFailure() {
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = summary(failure);
        if (root != failure) {
            text += ", caused by " + summary(root);
        }
        boolean linking = root instanceof LinkageError || failure instanceof LinkageError;
        return "ND4J could not start (" + text + ")" + (linking
                ? "; the nd4j backend needs linux-x86_64 with the jars nd4j-native, openblas and javacpp of classifier "
                        + "linux-x86_64 on the class path (this is " + platform() + ")"
                : "");
    }

    private static String summary(Throwable throwable) {
        String message = throwable.getMessage();
        String firstLine = message == null ? "" : ": " + message.lines().findFirst().orElse("");
        return throwable.getClass().getSimpleName() + firstLine;
    }

    private static String platform() {
        return System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + "-" + System.getProperty("os.arch", "?");
    }
}
