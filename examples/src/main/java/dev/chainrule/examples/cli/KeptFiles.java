package dev.chainrule.examples.cli;

import dev.chainrule.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the files the tool leaves for the user (metrics, charts) whole or not at all, through {@link AtomicFiles},
 * after removing the temporary files that a killed earlier run left beside them.
 */
final class KeptFiles {

    private KeptFiles() {
    }

    /** Replaces {@code file} atomically with {@code bytes}. */
    static void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.removeStaleTemporaries(file);
        AtomicFiles.write(file, bytes);
    }
}
