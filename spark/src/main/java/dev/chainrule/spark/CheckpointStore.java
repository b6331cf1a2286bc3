package dev.chainrule.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a folder of any Hadoop {@link FileSystem}: {@code checkpoint-<step, 12 digits>.crs}, each written
 * whole under a temporary name in the same folder and then renamed ({@link HadoopFiles}) (atomic on HDFS and local disks), the oldest
 * removed beyond the number kept. Reading takes the newest checkpoint that is intact, skipping damaged ones with a
 * warning.
 */
final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".crs";

    private final FileSystem fileSystem;
    private final Path folder;
    private final int keep;

    CheckpointStore(CheckpointPolicy policy, Configuration configuration) {
        try {
            this.folder = new Path(policy.folder());
            URI uri = folder.toUri();
            this.fileSystem = uri.getScheme() == null ? FileSystem.getLocal(configuration)
                    : FileSystem.get(uri, configuration);
            this.keep = policy.keep();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint folder " + policy.folder(), e);
        }
    }

    /** Writes {@code checkpoint} atomically and removes the oldest beyond the number kept; returns its path. */
    Path write(Checkpoint checkpoint) {
        Path target = new Path(folder, String.format("%s%012d%s", PREFIX, checkpoint.step(), SUFFIX));
        try {
            HadoopFiles.write(fileSystem, target, checkpoint.encode());
            List<FileStatus> all = checkpoints();
            for (int i = 0; i < all.size() - keep; i++) {
                fileSystem.delete(all.get(i).getPath(), false);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + target, e);
        }
    }

    /** The newest intact checkpoint, if any. */
    Optional<Checkpoint> newest() {
        try {
            if (!fileSystem.exists(folder)) {
                return Optional.empty();
            }
            List<FileStatus> all = checkpoints();
            for (int i = all.size() - 1; i >= 0; i--) {
                Path path = all.get(i).getPath();
                try {
                    return Optional.of(Checkpoint.decode(HadoopFiles.read(fileSystem, path), path.toString()));
                } catch (IOException e) {
                    LOG.warn("skipping checkpoint {}: {}", path, e.getMessage());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoint folder " + folder, e);
        }
    }

    private List<FileStatus> checkpoints() throws IOException {
        return Arrays.stream(fileSystem.listStatus(folder))
                .filter(status -> status.getPath().getName().startsWith(PREFIX)
                        && status.getPath().getName().endsWith(SUFFIX))
                .sorted(Comparator.comparing(status -> status.getPath().getName()))
                .toList();
    }
}
