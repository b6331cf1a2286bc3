package dev.chainrule.examples.cli;

import dev.chainrule.core.plugin.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * One hidden layer as the command line writes it: {@code UNITS:ACTIVATION}, for example {@code 64:relu} or
 * {@code 32:leaky_relu(alpha=0.2)}.
 *
 * @param units      the number of units, at least 1
 * @param activation the activation's spec
 */
record LayerSpec(int units, String activation) {

    LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least one unit, got " + units);
        }
        Spec.parse(activation);
    }

    /**
     * Parses a comma-separated list such as {@code 256:tanh,128:sigmoid,64:relu}; commas inside an activation's
     * parentheses belong to its parameters. An empty text is no hidden layer.
     */
    static List<LayerSpec> parseList(String text) {
        List<LayerSpec> layers = new ArrayList<>();
        if (text.isBlank()) {
            return layers;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && (depth == 0 || i == text.length())) {
                layers.add(parse(text.substring(start, i).trim(), text));
                start = i + 1;
            }
        }
        return layers;
    }

    /** Parses one {@code UNITS:ACTIVATION}; {@code whole} is the full option value, for the message. */
    static LayerSpec parse(String item, String whole) {
        int colon = item.indexOf(':');
        String problem;
        if (colon < 0) {
            problem = "it has no ':'";
        } else {
            String units = item.substring(0, colon).trim();
            try {
                int count = Integer.parseInt(units);
                if (count < 1) {
                    problem = "the unit count " + count + " is not positive";
                } else {
                    return new LayerSpec(count, item.substring(colon + 1).trim());
                }
            } catch (NumberFormatException e) {
                problem = "'" + units + "' is not a whole number of units";
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        throw new IllegalArgumentException("malformed layer '" + item + "' in '" + whole + "': " + problem
                + "; write UNITS:ACTIVATION, comma-separated, for example 64:tanh,32:relu");
    }

    @Override
    public String toString() {
        return units + ":" + activation;
    }
}
