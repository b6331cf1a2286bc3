package dev.chainrule.core.plugin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the text form of a {@link Spec}: {@code name} or {@code name(key=value, key=value)}. A value is a plain token
 * ({@code 0.2}, {@code true}) or may contain brackets, inside which commas and spaces belong to the value: a nested
 * spec {@code then=cosine(t_max=1000)} or a list {@code milestones=[30, 80]}. Numbers and lists may also come first
 * without a name, {@code dropout(0.2)}: such a positional value is kept under the key {@link Spec#positionalKey(int)}
 * and read by {@link Arguments} as the plugin's first parameter (the second positional value as its second, and so
 * on).
 */
final class SpecParser {

    private final String text;
    private int position;

    SpecParser(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty plugin spec; expected a name such as relu or leaky_relu(alpha=0.2)");
        }
        this.text = text;
    }

    Spec parse() {
        String name = identifier("a plugin name");
        Map<String, String> arguments = new LinkedHashMap<>();
        skipSpaces();
        if (position < text.length() && text.charAt(position) == '(') {
            position++;
            skipSpaces();
            if (peek() == ')') {
                position++;
            } else {
                readArguments(arguments);
            }
        }
        skipSpaces();
        if (position != text.length()) {
            throw error("unexpected '" + text.charAt(position) + "'");
        }
        return new Spec(name, arguments);
    }

    private void readArguments(Map<String, String> arguments) {
        boolean named = false;
        while (true) {
            String key;
            if (startsPositionalValue()) {
                if (named) {
                    throw error("a value without a name must come before the named ones");
                }
                key = Spec.positionalKey(arguments.size());
            } else {
                named = true;
                key = identifier("a parameter name");
                skipSpaces();
                expect('=');
                skipSpaces();
            }
            String value = value();
            if (arguments.put(key, value) != null) {
                throw error("parameter '" + key + "' is given twice");
            }
            skipSpaces();
            char next = peek();
            position++;
            if (next == ')') {
                return;
            }
            if (next != ',') {
                throw error("expected ',' or ')' after " + key + "=" + value, position - 1);
            }
            skipSpaces();
        }
    }

    /** A number, a signed number or a list: the values that may be given without a name. */
    private boolean startsPositionalValue() {
        char c = peek();
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.' || c == '[';
    }

    private String identifier(String what) {
        skipSpaces();
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw error("expected " + what);
        }
        return text.substring(start, position);
    }

    private String value() {
        int start = position;
        Deque<Character> open = new ArrayDeque<>();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (open.isEmpty() && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                break;
            }
            if (c == '(' || c == '[') {
                open.push(c == '(' ? ')' : ']');
            } else if (c == ')' || c == ']') {
                if (open.isEmpty() || open.peek() != c) {
                    throw error("unexpected '" + c + "' in a value");
                }
                open.pop();
            }
            position++;
        }
        if (!open.isEmpty()) {
            throw error("expected '" + open.peek() + "' to close the value that starts at position " + start);
        }
        if (start == position) {
            throw error("expected a value");
        }
        return text.substring(start, position);
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw error("expected '" + wanted + "'");
        }
        position++;
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return error(problem, position);
    }

    private IllegalArgumentException error(String problem, int at) {
        return new IllegalArgumentException("malformed plugin spec '" + text + "': " + problem + " at position " + at
                + "\n  " + text + "\n  " + " ".repeat(Math.min(at, text.length())) + "^"
                + "\n  expected form: name or name(key=value, ...), for example leaky_relu(alpha=0.2)");
    }

    static String formatValue(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)
                && Math.abs(number) < 1e15) {
            return Long.toString(number.longValue()) + ".0";
        }
        return String.valueOf(value);
    }
}
