package dev.chainrule.core.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plugin name with arguments, the one string form that names a configured plugin everywhere: in the API, on the
 * command line and in model files. Examples: {@code relu}, {@code leaky_relu(alpha=0.2)},
 * {@code sgd(lr=0.1, momentum=0.9, nesterov=true)}. Values are kept as written and interpreted by the plugin through
 * {@link Arguments}; a list is written in brackets, {@code mse(weights=[1, 2, 0.5])}, and so is a nested spec,
 * {@code warmup(steps=100, then=cosine(t_max=1000))}. {@link #toString()} gives the canonical form, which
 * {@link #parse} reads back.
 *
 * @param name      the plugin name
 * @param arguments the arguments in the order written
 */
public record Spec(String name, Map<String, String> arguments) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Spec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid plugin name: use lower snake case, "
                    + "a letter first, for example leaky_relu");
        }
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * The key under which the parser keeps the {@code index}-th value given without a name, as the {@code 0.2} of
     * {@code dropout(0.2)}; {@link Arguments} hands it to the plugin's {@code index}-th parameter.
     */
    public static String positionalKey(int index) {
        return "#" + index;
    }

    /** Whether {@code key} holds a value given without a name. */
    public static boolean isPositional(String key) {
        return key.startsWith("#");
    }

    /** A spec without arguments. */
    public static Spec of(String name) {
        return new Spec(name, Map.of());
    }

    /** This spec with one more argument (replacing one of the same name). */
    public Spec with(String key, Object value) {
        Map<String, String> more = new LinkedHashMap<>(arguments);
        more.put(key, SpecParser.formatValue(value));
        return new Spec(name, more);
    }

    /** Parses {@code name} or {@code name(key=value, ...)}; a malformed spec is an error that shows where. */
    public static Spec parse(String text) {
        return new SpecParser(text).parse();
    }

    @Override
    public String toString() {
        if (arguments.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append('(');
        arguments.forEach((key, value) -> (isPositional(key) ? text : text.append(key).append('=')).append(value)
                .append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }
}
