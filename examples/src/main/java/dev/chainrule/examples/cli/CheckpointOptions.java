package dev.chainrule.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code train}'s checkpoint options: how often, how many to keep, and where to resume from. */
final class CheckpointOptions {

    /** How often to save: every {@code count} batches or epochs. */
    record Every(long count, boolean epochs) {
    }

    @Option(names = "--checkpoint-every", paramLabel = "N[b|e]",
            description = "Save a checkpoint every N batches (500 or 500b) or N epochs (2e) into OUT-DIR/checkpoints. "
                    + "Default: none (Ctrl-C still saves one).")
    String every;

    @Option(names = "--keep-checkpoints", paramLabel = "K", defaultValue = "3",
            description = "How many of the newest checkpoints to keep. Default: ${DEFAULT-VALUE}.")
    int keep;

    @Option(names = "--resume", paramLabel = "FILE|DIR",
            description = "Continue the run saved in a checkpoint (or the newest in a folder) with the same options; "
                    + "a checkpoint that does not load falls back to the previous one, with a warning.")
    Path resume;

    /** The parsed {@code --checkpoint-every}, if given. */
    Optional<Every> every() {
        if (keep < 1) {
            throw new UsageException("--keep-checkpoints must be >= 1, got " + keep);
        }
        if (every == null) {
            return Optional.empty();
        }
        String text = every.trim().toLowerCase(Locale.ROOT);
        boolean epochs = text.endsWith("e");
        String number = text.endsWith("e") || text.endsWith("b") ? text.substring(0, text.length() - 1) : text;
        try {
            long count = Long.parseLong(number);
            if (count >= 1) {
                return Optional.of(new Every(count, epochs));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--checkpoint-every must be a count >= 1 of batches (500, 500b) or epochs (2e), got '"
                + every + "'");
    }

    /** Where the run's checkpoints go. */
    static Path folder(Path outDir) {
        return outDir.resolve("checkpoints");
    }
}
