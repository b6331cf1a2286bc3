package dev.chainrule.spark;

import dev.chainrule.core.io.Checkpoints;
import dev.chainrule.core.training.TrainingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of the driver's {@link TrainingSession} in a folder of any Hadoop {@link FileSystem}, in Chainrule's
 * checkpoint format ({@link dev.chainrule.core.training.CheckpointFile}, with the run's step in its metadata):
 * {@code checkpoint-<step, 12 digits>.chk}, each written whole under a temporary name in the same folder and then
 * renamed ({@link HadoopFiles}), the oldest removed beyond the number kept. Resuming takes the newest checkpoint that
 * restores, trying older ones (with a warning) when it is damaged.
 */
final class CheckpointStore {

    /** The checkpoint metadata's key of the steps (rounds) completed. */
    static final String STEP = "spark.step";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".chk";

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

    /** Checkpoints {@code session} after {@code step} steps, and removes the oldest beyond the number kept. */
    void write(TrainingSession session, long step) {
        Path target = new Path(folder, String.format("%s%012d%s", PREFIX, step, SUFFIX));
        java.nio.file.Path local = null;
        try {
            local = Files.createTempFile("chainrule-checkpoint", SUFFIX);
            Checkpoints.save(session, Map.of(STEP, Long.toString(step)), local);
            HadoopFiles.write(fileSystem, target, Files.readAllBytes(local));
            List<FileStatus> all = checkpoints();
            for (int i = 0; i < all.size() - keep; i++) {
                fileSystem.delete(all.get(i).getPath(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + target, e);
        } finally {
            deleteQuietly(local);
        }
    }

    /**
     * Restores {@code session} from the newest checkpoint that restores; returns its step, or empty when the folder
     * has none. When checkpoints exist but none restores, the newest one's error.
     */
    OptionalLong restoreNewest(TrainingSession session) {
        List<FileStatus> all;
        try {
            all = fileSystem.exists(folder) ? checkpoints() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoint folder " + folder, e);
        }
        IOException newest = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            Path path = all.get(i).getPath();
            java.nio.file.Path local = null;
            try {
                local = Files.createTempFile("chainrule-checkpoint", SUFFIX);
                Files.write(local, HadoopFiles.read(fileSystem, path));
                Map<String, String> metadata = session.restoreCheckpoint(local);
                return OptionalLong.of(Long.parseLong(metadata.getOrDefault(STEP, "0")));
            } catch (IOException e) {
                LOG.warn("cannot resume from {}: {}", path, e.getMessage());
                newest = newest == null ? new IOException(path + ": " + e.getMessage(), e) : newest;
            } finally {
                deleteQuietly(local);
            }
        }
        if (newest != null) {
            throw new UncheckedIOException("no checkpoint in " + folder + " restores this run", newest);
        }
        return OptionalLong.empty();
    }

    private List<FileStatus> checkpoints() throws IOException {
        return Arrays.stream(fileSystem.listStatus(folder))
                .filter(status -> status.getPath().getName().startsWith(PREFIX)
                        && status.getPath().getName().endsWith(SUFFIX))
                .sorted(Comparator.comparing(status -> status.getPath().getName()))
                .toList();
    }

    private static void deleteQuietly(java.nio.file.Path local) {
        if (local != null) {
            try {
                Files.deleteIfExists(local);
            } catch (IOException e) {
                LOG.warn("cannot remove the temporary file {}", local);
            }
        }
    }
}
