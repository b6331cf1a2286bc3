package dev.chainrule.core.training;

import dev.chainrule.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of a run's checkpoints, {@code checkpoint-<step>.ckpt} by the optimizer step they were taken at, of which the
 * newest {@code keep} are kept. Resuming takes the newest that loads: a corrupt or truncated newest one (a disk that
 * lost it, a copy cut short) is skipped with a warning naming it and the one used instead. Every file is written
 * atomically, so a process killed while saving leaves the previous checkpoints whole.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.ckpt");
    private static final Pattern TEMPORARY = Pattern.compile("\\.(checkpoint-\\d+\\.ckpt)\\..*\\.tmp");

    private final Path folder;
    private final int keep;

    /**
     * The checkpoints in {@code folder}.
     *
     * @param keep how many to keep, at least 1
     */
    public Checkpoints(Path folder, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("at least 1 checkpoint must be kept, got " + keep);
        }
        this.folder = folder;
        this.keep = keep;
    }

    /**
     * A resumed checkpoint.
     *
     * @param file     the file that loaded
     * @param metadata the application's metadata in it
     * @param skipped  newer files that did not load, each with the reason
     */
    public record Resumed(Path file, Map<String, String> metadata, List<String> skipped) {
    }

    /** Saves {@code session}'s state as the newest checkpoint and removes those beyond the newest {@code keep}. */
    public Path save(TrainingSession session, Map<String, String> metadata) throws IOException {
        Path file = folder.resolve(String.format(Locale.ROOT, "checkpoint-%012d.ckpt", session.optimizerSteps()));
        CheckpointFile.save(session, metadata, file);
        List<Path> all = list(folder);
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
        return file;
    }

    /** The checkpoint files in {@code folder}, newest (highest step) first. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(Checkpoints::step).reversed()).toList();
        }
    }

    /**
     * Restores {@code session} from {@code start} (a checkpoint file or a folder of them) or, when it does not load,
     * from the next older checkpoint beside it that does, logging a warning that names both.
     *
     * @throws CheckpointException when none loads, listing every file tried and why
     */
    public static Resumed resume(TrainingSession session, Path start) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path folder = Files.isDirectory(start) ? start : start.toAbsolutePath().getParent();
        if (!Files.isDirectory(start)) {
            if (!Files.exists(start)) {
                throw new CheckpointException(start + " does not exist");
            }
            candidates.add(start);
        }
        long limit = Files.isDirectory(start) ? Long.MAX_VALUE : stepOf(start).orElse(Long.MAX_VALUE);
        for (Path file : list(folder)) {
            if (step(file) < limit || Files.isDirectory(start)) {
                if (!candidates.contains(file)) {
                    candidates.add(file);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new CheckpointException(start + " holds no checkpoint-<step>.ckpt files");
        }
        List<String> skipped = new ArrayList<>();
        for (Path file : candidates) {
            try {
                Map<String, String> metadata = CheckpointFile.restore(session, file);
                if (!skipped.isEmpty()) {
                    LOG.warn("resuming from {} instead: {}", file, String.join("; ", skipped));
                }
                return new Resumed(file, metadata, List.copyOf(skipped));
            } catch (CheckpointException e) {
                skipped.add(e.getMessage());
            }
        }
        throw new CheckpointException("no checkpoint could be resumed: " + String.join("; ", skipped));
    }

    /** Removes temporary files that a process killed while saving left in the folder. */
    public int removeStaleTemporaries() throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> targets;
        try (Stream<Path> files = Files.list(folder)) {
            targets = files.map(file -> TEMPORARY.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches).map(matcher -> folder.resolve(matcher.group(1))).distinct().toList();
        }
        int removed = 0;
        for (Path target : targets) {
            removed += AtomicFiles.removeStaleTemporaries(target);
        }
        return removed;
    }

    private static long step(Path file) {
        return stepOf(file).orElse(-1L);
    }

    private static Optional<Long> stepOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
