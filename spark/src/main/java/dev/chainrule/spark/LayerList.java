package dev.chainrule.spark;

import dev.chainrule.core.network.NetworkBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Hidden layers written as the command-line tool's {@code --layers} takes them: first to last, separated by commas,
 * a dense layer as {@code UNITS:ACTIVATION} (any activation spec) and any other layer by its spec, as in
 * {@code 64:tanh,dropout(0.2),32:leaky_relu(alpha=0.1)}.
 */
final class LayerList {

    private LayerList() {
    }

    /** Adds the layers that {@code text} lists to {@code builder}; a malformed entry is an error naming it. */
    static NetworkBuilder addTo(NetworkBuilder builder, String text) {
        for (String entry : split(text)) {
            int colon = entry.indexOf(':');
            int paren = entry.indexOf('(');
            if (colon > 0 && (paren < 0 || colon < paren)) {
                String units = entry.substring(0, colon).strip();
                try {
                    builder.dense(Integer.parseInt(units), entry.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the layer '" + entry + "' has units '" + units
                            + "'; write a dense layer as UNITS:ACTIVATION, such as 64:tanh");
                }
            } else {
                builder.layer(entry);
            }
        }
        return builder;
    }

    /** The entries of {@code text}: split at commas outside parentheses, blank ones dropped. */
    static List<String> split(String text) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String entry = text.substring(start, i).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
                start = i + 1;
            }
        }
        return entries;
    }
}
