package dev.chainrule.examples.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of comma-separated text, one at a time, read by Jackson's CSV parser (RFC 4180: quoted cells may hold
 * commas, quotes and line breaks): each row's cells as text with its line number, a leading UTF-8 byte-order mark
 * dropped, blank lines skipped. Malformed text (an unclosed quote) is an {@link IllegalArgumentException} naming the
 * source and line, and so is a reader that meets bytes that are not UTF-8.
 */
final class CsvRows implements Closeable {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CsvParser parser;
    private final String source;
    private int line;

    /** Rows of {@code reader}; {@code source} names it in messages. */
    CsvRows(Reader reader, String source) throws IOException {
        this.source = source;
        try {
            this.parser = (CsvParser) FACTORY.createParser(withoutByteOrderMark(reader));
        } catch (CharacterCodingException e) {
            throw notText(e);
        }
    }

    /** The next non-blank row's cells, or {@code null} at the end. */
    String[] next() throws IOException {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (cells.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (cells.size() > 1 || !cells.isEmpty() && !cells.get(0).isBlank()) {
                    return cells.toArray(String[]::new);
                }
            }
        } catch (JsonProcessingException e) {
            int where = e.getLocation() != null ? e.getLocation().getLineNr() : line;
            throw new IllegalArgumentException(source + ", line " + where + ": " + e.getOriginalMessage(), e);
        } catch (CharacterCodingException e) {
            throw notText(e);
        }
    }

    /** A reader that decodes strictly stops at the first byte that is not UTF-8 (a binary or Latin-1 file). */
    private IllegalArgumentException notText(CharacterCodingException e) {
        String after = line > 0 ? " after line " + line : "";
        return new IllegalArgumentException(source + " is not UTF-8 text (bytes" + after + " are not UTF-8); give "
                + "comma-separated values saved as UTF-8", e);
    }

    /** The 1-based line on which the last row returned by {@link #next} starts. */
    int line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            in.unread(first);
        }
        return in;
    }
}
