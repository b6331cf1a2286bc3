package dev.chainrule.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Whole files on a Hadoop {@link FileSystem}: written under a temporary name in the same folder, then renamed. */
final class HadoopFiles {

    private HadoopFiles() {
    }

    /** Writes {@code bytes} to {@code target} whole or not at all; the temporary file is removed on failure. */
    static void write(FileSystem fileSystem, Path target, byte[] bytes) throws IOException {
        Path temporary = new Path(target.getParent(), "_" + target.getName() + "-" + UUID.randomUUID() + ".tmp");
        try {
            fileSystem.mkdirs(target.getParent());
            try (OutputStream out = fileSystem.create(temporary, true)) {
                out.write(bytes);
            }
            if (fileSystem.exists(target)) {
                fileSystem.delete(target, false);
            }
            if (!fileSystem.rename(temporary, target)) {
                throw new IOException("the file system refused to rename " + temporary + " to " + target);
            }
        } catch (IOException e) {
            fileSystem.delete(temporary, false);
            throw e;
        }
    }

    /** The bytes of {@code path}. */
    static byte[] read(FileSystem fileSystem, Path path) throws IOException {
        try (InputStream in = fileSystem.open(path)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }
}
