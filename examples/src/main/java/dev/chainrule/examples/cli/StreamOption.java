package dev.chainrule.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code train --stream-above SIZE}: CSV files larger than this are streamed rather than loaded. */
final class StreamOption {

    @Option(names = "--stream-above", paramLabel = "SIZE", defaultValue = "256m",
            description = "Stream CSV files larger than this (bytes, or with k, m, g) instead of loading them: every "
                    + "epoch reads the file again through a bounded shuffle buffer, so memory does not grow with the "
                    + "file. Default: ${DEFAULT-VALUE}.")
    String above;

    /** The CSV file to stream, when {@code dataset} names one above the size. */
    Optional<Path> file(String dataset) throws IOException {
        long limit = bytes();
        if (dataset == null) {
            return Optional.empty();
        }
        Path file = Path.of(dataset);
        return Files.isRegularFile(file) && Files.size(file) > limit ? Optional.of(file) : Optional.empty();
    }

    private long bytes() {
        String text = above.trim().toLowerCase(Locale.ROOT);
        long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String number = unit == 1 ? text : text.substring(0, text.length() - 1);
        try {
            long value = Long.parseLong(number);
            if (value >= 0 && value <= Long.MAX_VALUE / unit) {
                return value * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--stream-above must be a size >= 0 in bytes or with k, m or g, got '" + above + "'");
    }
}
