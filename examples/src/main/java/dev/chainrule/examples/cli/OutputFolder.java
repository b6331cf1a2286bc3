package dev.chainrule.examples.cli;

import dev.chainrule.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a command writes into, checked before any work starts: it must be a folder (or creatable as one) in
 * which the tool can create files. Temporary files that a killed earlier run left for the files about to be written
 * are removed, and so are the write probes it left ({@code .chainrule-write-check.<random>.tmp}: empty files of ours
 * that never hold user data).
 */
final class OutputFolder {

    /** The probe files are named as {@link AtomicFiles}' temporaries of this file, so that it finds the stale ones. */
    static final String PROBE = "chainrule-write-check";

    private OutputFolder() {
    }

    /**
     * Creates {@code folder} if needed, proves that a file can be created in it and removes the stale temporaries of
     * {@code files} and the probes of earlier runs; a problem is an {@link IllegalArgumentException} naming the option, the folder and what is wrong.
     */
    static void prepare(String option, Path folder, Path... files) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " is a file, not a folder; name a folder "
                    + "(it is created if missing)");
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(option + " " + folder + ": " + e.getFile()
                    + " is a file, so the folder cannot be created");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + " cannot be created: " + reason(e));
        }
        try {
            Path probe = Files.createTempFile(folder, "." + PROBE + ".", ".tmp");
            // deleteIfExists: another run preparing the same folder may already have removed it as stale
            Files.deleteIfExists(probe);
            AtomicFiles.removeStaleTemporaries(folder.resolve(PROBE));
            for (Path file : files) {
                AtomicFiles.removeStaleTemporaries(file);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + " is not writable: " + reason(e)
                    + "; choose another folder before training starts");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return "a file cannot be created in it";
    }
}
