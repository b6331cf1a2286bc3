package dev.chainrule.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files that users keep (models, checkpoints, metrics, charts) so that a reader, or a process killed at any
 * moment, never sees a torn one: the content goes to a hidden temporary file in the target's folder
 * ({@code .<name>.<hex>.tmp}), is forced to the disk, then renamed over the target in one step. The temporary file is
 * removed when writing fails; {@link #removeStaleTemporaries} cleans those a killed process left behind.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Content {

        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code path} atomically with {@code bytes}, creating its folder when missing. */
    public static void write(Path path, byte[] bytes) throws IOException {
        write(path, out -> out.write(bytes));
    }

    /** Replaces {@code path} atomically with what {@code content} writes, creating its folder when missing. */
    public static void write(Path path, Content content) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(temporaryName(target));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files that an interrupted {@link #write} of {@code path} left in its folder; returns how
     * many were deleted. Call it only when no other process is writing {@code path}.
     */
    public static int removeStaleTemporaries(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX);
        })) {
            for (Path stale : files) {
                if (Files.deleteIfExists(stale)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static String temporaryName(Path target) {
        return "." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + SUFFIX;
    }
}
