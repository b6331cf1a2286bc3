package dev.chainrule.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A CSV file streamed batch by batch, never held whole: every pass reads the file from the start on a read-ahead
 * thread (lines without quotes split at their commas straight from the bytes, cells of up to eight digits read as
 * numbers on the way, the rest from the first quoted line on by Jackson's CSV parser), shuffled through a bounded
 * {@link ShuffleBuffer} of {@value #DEFAULT_SHUFFLE_BUFFER} rows unless told otherwise, when the pass shuffles, and
 * gathered into whole batches on that thread. Memory is the buffer plus about a thousand rows of batches, whatever the
 * file's size. A {@link RowParser} turns each line's cells into features and targets ({@link #numeric} for all-number
 * files; {@link CsvRow#numbers} reads a run of columns at once); a bad cell is an error naming the file, line and
 * column. A first line without any number is a header and skipped ({@link #hasHeader}).
 *
 * <p>Replayable: the same pass (epoch and generator) gives the same batches, so a checkpoint resumes by reading the
 * file again to its position.
 */
public final class CsvSource implements BatchSource {

    /** The shuffle buffer's rows unless set: about 25 MB for rows of 784 features. */
    public static final int DEFAULT_SHUFFLE_BUFFER = 4096;

    /** Turns one line's cells into a row's features and targets. */
    @FunctionalInterface
    public interface RowParser {

        /**
         * Writes the row's features at {@code features[featureOffset ..]} and targets at {@code targets[targetOffset
         * ..]} (modified); returns false to leave the line out (a held-out row), the arrays then unspecified.
         *
         * @throws IllegalArgumentException naming the file, line and column ({@link CsvRow#error}) for a bad cell
         */
        boolean parse(CsvRow row, double[] features, int featureOffset, double[] targets, int targetOffset);
    }

    private final Path file;
    private final boolean header;
    private final int featureCount;
    private final int targetCount;
    private final RowParser parser;
    private final int shuffleBuffer;
    private volatile long rows = -1;

    /**
     * A source over {@code file}.
     *
     * @param header whether the first line is a header to skip
     */
    public CsvSource(Path file, boolean header, int featureCount, int targetCount, RowParser parser) {
        this(file, header, featureCount, targetCount, parser, DEFAULT_SHUFFLE_BUFFER);
    }

    private CsvSource(Path file, boolean header, int featureCount, int targetCount, RowParser parser,
            int shuffleBuffer) {
        if (featureCount < 1 || targetCount < 1) {
            throw new IllegalArgumentException("rows need at least one feature and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        if (shuffleBuffer < 1) {
            throw new IllegalArgumentException("a shuffle buffer holds at least 1 row, got " + shuffleBuffer);
        }
        this.file = Objects.requireNonNull(file, "file");
        this.header = header;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.shuffleBuffer = shuffleBuffer;
    }

    /**
     * A file of numbers only: the columns {@code targetColumns} (0-based, in that order) are the targets, the others the
     * features in file order. The header is detected ({@link #hasHeader}); the width is the first line's.
     */
    public static CsvSource numeric(Path file, int... targetColumns) throws IOException {
        boolean header = hasHeader(file);
        int width = firstLine(file).length;
        boolean[] isTarget = new boolean[width];
        for (int column : targetColumns) {
            if (column < 0 || column >= width) {
                throw new IllegalArgumentException(file.getFileName() + " has no column " + (column + 1)
                        + "; its columns are 1 to " + width);
            }
            isTarget[column] = true;
        }
        int[] targets = targetColumns.clone();
        int featureCount = width - (int) Arrays.stream(targets).distinct().count();
        if (featureCount == 0 || targets.length == 0) {
            throw new IllegalArgumentException(file.getFileName() + " needs at least one feature and one target column");
        }
        int[] runs = featureRuns(isTarget);
        return new CsvSource(file, header, featureCount, targets.length, (row, x, xAt, y, yAt) -> {
            for (int r = 0, f = 0; r < runs.length; r += 2) {
                row.numbers(runs[r], runs[r + 1], x, xAt + f);
                f += runs[r + 1];
            }
            for (int t = 0; t < targets.length; t++) {
                y[yAt + t] = row.number(targets[t]);
            }
            return true;
        });
    }

    /** The runs of columns that are no target: first column and length, one pair after another. */
    private static int[] featureRuns(boolean[] isTarget) {
        int[] runs = new int[isTarget.length + 1];
        int count = 0;
        for (int c = 0; c < isTarget.length; c++) {
            if (!isTarget[c] && (c == 0 || isTarget[c - 1])) {
                runs[count] = c;
                count += 2;
            }
            if (!isTarget[c]) {
                runs[count - 1]++;
            }
        }
        return Arrays.copyOf(runs, count);
    }

    /** This source with a shuffle buffer of {@code rows} rows. */
    public CsvSource withShuffleBuffer(int rows) {
        return new CsvSource(file, header, featureCount, targetCount, parser, rows);
    }

    /** Whether {@code file}'s first non-blank line is a header: none of its cells is a number. */
    public static boolean hasHeader(Path file) throws IOException {
        return Arrays.stream(firstLine(file)).noneMatch(CsvSource::isNumber);
    }

    /**
     * Reads {@code file} once, in order, handing every data line to {@code each} (the row object is reused): for a
     * first pass of statistics.
     *
     * @param header whether to skip the first line
     */
    public static void scan(Path file, boolean header, Consumer<CsvRow> each) throws IOException {
        try (CsvLines lines = new CsvLines(file, header)) {
            while (lines.next()) {
                each.accept(lines.row());
            }
        }
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public int targetCount() {
        return targetCount;
    }

    @Override
    public OptionalLong rows() {
        return rows < 0 ? OptionalLong.empty() : OptionalLong.of(rows);
    }

    @Override
    public BatchStream open(Pass pass) {
        CsvLines lines;
        try {
            lines = new CsvLines(file, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RowReader reader = new RowReader() {
            private long count;

            @Override
            public boolean read(double[] features, int featureOffset, double[] targets, int targetOffset)
                    throws IOException {
                while (lines.next()) {
                    if (parser.parse(lines.row(), features, featureOffset, targets, targetOffset)) {
                        count++;
                        return true;
                    }
                }
                rows = count;
                return false;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
        return new RowStream(reader, featureCount, targetCount, pass, shuffleBuffer, file.getFileName().toString());
    }

    @Override
    public String describe() {
        return file.getFileName() + " (streamed, shuffle buffer " + shuffleBuffer + " rows)";
    }

    /** The cells of {@code file}'s first non-blank line (its header, when it has one). */
    public static String[] firstLine(Path file) throws IOException {
        try (CsvLines lines = new CsvLines(file, false)) {
            if (!lines.next()) {
                throw new IllegalArgumentException(file.getFileName() + " is empty");
            }
            return lines.row().cells();
        }
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
