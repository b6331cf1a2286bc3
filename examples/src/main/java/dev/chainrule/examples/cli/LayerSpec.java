package dev.chainrule.examples.cli;

import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.plugin.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hidden layer as the command line writes it: a dense layer in the short form {@code UNITS:ACTIVATION}, optionally
 * with {@code :init=SPEC} and {@code :bias_init=SPEC} ({@code 64:relu}, {@code 32:leaky_relu(alpha=0.2):init=orthogonal}),
 * or any layer plugin's spec ({@code batch_norm}, {@code dropout(0.2)}, {@code dense(units=64, activation=relu)}),
 * which may be followed by {@code :ACTIVATION} for a layer that takes an {@code activation}
 * ({@code conv2d(32, 3, padding=same):relu}).
 *
 * @param spec the layer's spec
 * @param text what the user wrote
 */
record LayerSpec(Spec spec, String text) {

    private static final String FORMS = "write UNITS:ACTIVATION (optionally :init=SPEC), or a layer spec such as "
            + "batch_norm or dropout(0.2), comma-separated, for example 256:relu,batch_norm,dropout(0.2),128:relu";

    /** A dense layer of {@code units} with {@code activation}. */
    static LayerSpec dense(int units, String activation, Map<String, String> options) {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least one unit, got " + units);
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("units", Integer.toString(units));
        arguments.put("activation", Spec.parse(activation).toString());
        options.forEach((key, value) -> arguments.put(key, Spec.parse(value).toString()));
        String text = units + ":" + activation + options.entrySet().stream()
                .map(option -> ":" + option.getKey() + "=" + option.getValue()).reduce("", String::concat);
        return new LayerSpec(new Spec(DenseLayer.NAME, arguments), text);
    }

    /**
     * Parses a comma-separated list such as {@code 256:relu,batch_norm,dropout(0.2)}; commas inside parentheses and
     * brackets belong to a spec's parameters. An empty text is no hidden layer.
     */
    static List<LayerSpec> parseList(String text) {
        List<LayerSpec> layers = new ArrayList<>();
        if (text.isBlank()) {
            return layers;
        }
        int start = 0;
        for (int end : topLevel(text, ',')) {
            layers.add(parse(text.substring(start, end).trim(), text));
            start = end + 1;
        }
        return layers;
    }

    /** Parses one layer; {@code whole} is the full option value, for the message. */
    static LayerSpec parse(String item, String whole) {
        try {
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int end : topLevel(item, ':')) {
                parts.add(item.substring(start, end).trim());
                start = end + 1;
            }
            if (parts.size() == 1 && (item.isEmpty() || !Character.isDigit(item.charAt(0)))) {
                return new LayerSpec(Spec.parse(item), item);
            }
            if (parts.size() < 2) {
                throw new IllegalArgumentException("it has no ':' between the units and the activation");
            }
            Map<String, String> options = options(parts.subList(2, parts.size()));
            if (!Character.isDigit(item.charAt(0)) && item.charAt(0) != '-' && item.charAt(0) != '+') {
                Spec spec = Spec.parse(parts.get(0)).with("activation", Spec.parse(parts.get(1)).toString());
                for (Map.Entry<String, String> option : options.entrySet()) {
                    spec = spec.with(option.getKey(), Spec.parse(option.getValue()).toString());
                }
                return new LayerSpec(spec, item);
            }
            int units;
            try {
                units = Integer.parseInt(parts.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts.get(0) + "' is not a whole number of units");
            }
            if (units < 1) {
                throw new IllegalArgumentException("the unit count " + units + " is not positive");
            }
            return dense(units, parts.get(1), options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed layer '" + item + "' in '" + whole + "': " + e.getMessage()
                    + "; " + FORMS);
        }
    }

    /** The {@code init=SPEC} and {@code bias_init=SPEC} after a layer's activation. */
    private static Map<String, String> options(List<String> parts) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : parts) {
            int equals = option.indexOf('=');
            String key = equals < 0 ? option : option.substring(0, equals).trim();
            if (equals < 0 || !key.equals("init") && !key.equals("bias_init")) {
                throw new IllegalArgumentException("'" + option + "' is not init=SPEC or bias_init=SPEC");
            }
            options.put(key, option.substring(equals + 1).trim());
        }
        return options;
    }

    /** The positions of {@code separator} outside parentheses and brackets, and the end of the text. */
    private static List<Integer> topLevel(String text, char separator) {
        List<Integer> positions = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == separator && depth == 0) {
                positions.add(i);
            }
        }
        positions.add(text.length());
        return positions;
    }

    @Override
    public String toString() {
        return text;
    }
}
