package dev.chainrule.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The lines of a UTF-8 CSV file, each line's cells gathered in one reused {@link CsvRow} and every line checked to be
 * as wide as the first; a leading byte-order mark is dropped and blank lines are skipped.
 *
 * <p>Two readers share the work. Lines without a quote, all of them in a typical numeric file, are split at their
 * commas straight from the file's bytes: RFC 4180 lets an unquoted field hold no comma, quote or line break, so that
 * is all there is to such a line ({@link LineSplitter}, which also reads the cells that are small integers), and no
 * object is made per cell. At the first line that holds a quote (or a carriage
 * return other than the one before its line feed), the rest of the file, from that line's first byte, goes to
 * Jackson's CSV parser, which reads quoted cells (commas, doubled quotes and line breaks inside) as the standard says;
 * malformed text there, such as an unclosed quote, is an {@link IllegalArgumentException} naming the file and line.
 */
final class CsvLines implements AutoCloseable {

    /** The longest line read: a longer one is an error, not an ever larger buffer. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final CsvRow row;
    private InputStream in;
    private byte[] buffer = new byte[CHUNK];
    private int position;
    private int limit;
    private long bufferOffset;
    private boolean endOfFile;
    private long linesRead;
    private CsvParser quoted;
    private long quotedLinesBefore;
    private int width = -1;
    private int lastLength;

    /**
     * The lines of {@code file}.
     *
     * @param header whether to skip the first line
     */
    CsvLines(Path file, boolean header) throws IOException {
        this.file = file;
        this.row = new CsvRow(file.getFileName().toString());
        this.in = Files.newInputStream(file);
        fill();
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            position = 3;
        }
        if (header) {
            next();
        }
    }

    /** The current line; valid until the next call of {@link #next}. */
    CsvRow row() {
        return row;
    }

    /** Moves to the next non-blank line; false at the end of the file. */
    boolean next() throws IOException {
        do {
            if (!(quoted == null ? nextPlainLine() : nextQuotedLine())) {
                return false;
            }
        } while (row.isBlank());
        if (width < 0) {
            width = row.size();
        } else if (row.size() != width) {
            throw row.error(row.size() + " columns where the first line has " + width);
        }
        return true;
    }

    /** Reads the next line from the bytes; at a line that needs the standard's quoting rules, hands over to Jackson. */
    private boolean nextPlainLine() throws IOException {
        while (true) {
            if (position == limit) {
                if (endOfFile) {
                    return false;
                }
                fill();
                continue;
            }
            if (limit - position <= lastLength && !endOfFile) {
                fill();
            }
            row.start(linesRead + 1, buffer, position);
            int end = LineSplitter.split(buffer, position, limit, endOfFile, row);
            if (end == LineSplitter.HAND_OVER) {
                handOverToJackson(position, linesRead + 1);
                return nextQuotedLine();
            }
            if (end == LineSplitter.INCOMPLETE) {
                fill();
                continue;
            }
            linesRead++;
            lastLength = end + 1 - position;
            position = Math.min(end + 1, limit);
            return true;
        }
    }

    private void handOverToJackson(int lineStart, long lineNumber) throws IOException {
        long offset = bufferOffset + lineStart;
        in.close();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        in = Channels.newInputStream(channel);
        quoted = (CsvParser) FACTORY.createParser(in);
        quotedLinesBefore = lineNumber - 1;
    }

    private boolean nextQuotedLine() throws IOException {
        long started = -1;
        try {
            JsonToken token = quoted.nextToken();
            while (token != null && token != JsonToken.START_ARRAY) {
                token = quoted.nextToken();
            }
            if (token == null) {
                return false;
            }
            started = quotedLinesBefore + quoted.currentTokenLocation().getLineNr();
            row.start(started);
            for (token = quoted.nextToken(); token != null && token != JsonToken.END_ARRAY; token = quoted.nextToken()) {
                if (row.size() == 0) {
                    row.start(quotedLinesBefore + quoted.currentTokenLocation().getLineNr());
                }
                row.add(quoted.getText());
            }
            return true;
        } catch (JsonProcessingException e) {
            long line = started >= 0 || e.getLocation() == null ? Math.max(started, row.line())
                    : quotedLinesBefore + e.getLocation().getLineNr();
            throw new IllegalArgumentException(row.file() + ", line " + line + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Keeps the unread bytes, moved to the buffer's start, and reads more after them (growing it for a long line). */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE_BYTES) {
                throw new IllegalArgumentException(row.file() + ", line " + (linesRead + 1) + ": longer than "
                        + (MAX_LINE_BYTES >> 20) + " MiB");
            }
            buffer = Arrays.copyOf(buffer, Math.min(2 * buffer.length, MAX_LINE_BYTES));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfFile = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        if (quoted != null) {
            quoted.close();
        }
        in.close();
    }
}
