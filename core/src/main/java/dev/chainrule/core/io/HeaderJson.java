package dev.chainrule.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model file header's JSON, read and written by Jackson's streaming parser under limits that no header of a real
 * network comes near: {@value #MAX_DEPTH} levels of nesting, strings of {@value #MAX_STRING} characters, numbers of
 * {@value #MAX_NUMBER} digits, {@value #MAX_BYTES} bytes in all; duplicate keys and text after the value are
 * refused. Values map to Java as: object to {@code Map<String, Object>} (order kept), array to {@code List<Object>},
 * string to {@code String}, whole number to {@code Long} (or {@code BigInteger} past its range), other numbers to
 * {@code Double}, booleans to {@code Boolean}, null to {@code null}.
 */
final class HeaderJson {

    /** The longest header read, in bytes. */
    static final int MAX_BYTES = 16 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 8 << 20;
    static final int MAX_NUMBER = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private HeaderJson() {
    }

    /**
     * Parses a complete header; malformed JSON or a broken limit is an {@link IllegalArgumentException} that says what
     * and where.
     */
    static Object read(byte[] bytes, int offset, int length) {
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("the header is " + length + " bytes long, more than the " + MAX_BYTES
                    + " a model file's header may have");
        }
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("the header is empty");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("the header has text after its JSON value at "
                        + where(parser));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the header is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the header cannot be read: " + e.getMessage(), e);
        }
    }

    /** The JSON text of {@code value}: maps, lists, strings, numbers, booleans and null. */
    static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IllegalArgumentException("the header ends inside a JSON value");
        }
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("the header has an unexpected " + token + " at "
                    + where(parser));
        };
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            object.put(key, value(parser, parser.nextToken()));
        }
        return object;
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(parser, token));
        }
        return array;
    }

    private static String where(JsonParser parser) {
        return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
    }

    private static void write(Object value, JsonGenerator out) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(entry.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(element, out);
            }
            out.writeEndArray();
        } else if (value instanceof String string) {
            out.writeString(string);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value == null) {
            out.writeNull();
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }
}
