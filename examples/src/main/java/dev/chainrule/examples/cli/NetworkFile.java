package dev.chainrule.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chainrule.core.network.FeatureShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a network definition from a JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}) file:
 * <pre>
 * layers:                 # hidden layers, first to last
 *   - units: 64
 *     activation: tanh
 *     init: orthogonal    # optional: the weight initializer's spec
 *   - 48:sigmoid          # the command line's short form works too
 *   - batch_norm          # any layer plugin by its spec
 *   - {layer: "dropout(rate=0.2)"}
 *   - {units: 32, activation: "leaky_relu(alpha=0.1)"}
 * output: softmax         # optional; default softmax for classification, identity for regression
 * init: glorot_normal     # optional: the initializer of every dense layer that names none
 * input: [1, 28, 28]      # optional: channels, height and width of an example, for convolutions
 * </pre>
 * {@code layers} may also be one string in the {@code --layers} form.
 */
final class NetworkFile {

    private static final Set<String> KEYS = Set.of("layers", "output", "init", "input");
    private static final Set<String> LAYER_KEYS = Set.of("units", "activation", "init", "bias_init");
    private static final Set<String> PLUGIN_KEYS = Set.of("layer");

    private NetworkFile() {
    }

    static NetworkDefinition read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".json")) {
            mapper = new ObjectMapper();
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = new ObjectMapper(new YAMLFactory());
        } else {
            throw new UsageException("the network file " + file + " must end in .json, .yaml or .yml");
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid " + (name.endsWith(".json") ? "JSON" : "YAML")
                    + ": " + problem(e.getOriginalMessage()) + location(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected an object with 'layers' and optionally 'output'");
        }
        unknownKeys(root, KEYS, file + "");
        JsonNode layers = root.get("layers");
        List<LayerSpec> hidden = new ArrayList<>();
        if (layers == null) {
            throw new IllegalArgumentException(file + " has no 'layers'");
        } else if (layers.isTextual()) {
            hidden.addAll(LayerSpec.parseList(layers.asText()));
        } else if (layers.isArray()) {
            for (JsonNode layer : layers) {
                hidden.add(layer(layer, file + ", layer " + (hidden.size() + 1)));
            }
        } else {
            throw new IllegalArgumentException(file + ": 'layers' must be a list or a string such as 64:tanh,32:relu");
        }
        JsonNode output = root.get("output");
        if (output != null && !output.isTextual()) {
            throw new IllegalArgumentException(file + ": 'output' must be an activation spec such as softmax");
        }
        JsonNode init = root.get("init");
        if (init != null && !init.isTextual()) {
            throw new IllegalArgumentException(file + ": 'init' must be an initializer spec such as glorot_normal");
        }
        return new NetworkDefinition(hidden, Optional.ofNullable(output).map(JsonNode::asText),
                Optional.ofNullable(init).map(JsonNode::asText), input(root.get("input"), file));
    }

    /** {@code input: [1, 28, 28]} or {@code input: 1x28x28}; empty when absent. */
    private static Optional<FeatureShape> input(JsonNode node, Path file) {
        if (node == null) {
            return Optional.empty();
        }
        String where = file + ": 'input'";
        if (node.isArray() && node.size() == 3) {
            List<String> sizes = new ArrayList<>();
            for (JsonNode size : node) {
                if (!size.isIntegralNumber()) {
                    throw new IllegalArgumentException(where + " must hold three whole numbers [channels, height, "
                            + "width], got " + node);
                }
                sizes.add(size.asText());
            }
            return Optional.of(NetworkDefinition.parseShape(String.join("x", sizes), where));
        }
        if (node.isTextual()) {
            return Optional.of(NetworkDefinition.parseShape(node.asText(), where));
        }
        throw new IllegalArgumentException(where + " must be [channels, height, width] such as [1, 28, 28], got "
                + node);
    }

    private static LayerSpec layer(JsonNode node, String where) {
        if (node.isTextual()) {
            return LayerSpec.parse(node.asText(), node.asText());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected {units: N, activation: SPEC}, {layer: SPEC}, N:SPEC "
                    + "or a layer spec, got " + node);
        }
        if (node.has("layer")) {
            unknownKeys(node, PLUGIN_KEYS, where);
            JsonNode spec = node.get("layer");
            if (!spec.isTextual()) {
                throw new IllegalArgumentException(where + ": 'layer' must be a layer spec such as dropout(0.2), got "
                        + spec);
            }
            return LayerSpec.parse(spec.asText(), spec.asText());
        }
        unknownKeys(node, LAYER_KEYS, where);
        JsonNode units = node.get("units");
        JsonNode activation = node.get("activation");
        if (units == null || !units.canConvertToInt() || !units.isIntegralNumber()) {
            throw new IllegalArgumentException(where + ": 'units' must be a whole number, got " + units);
        }
        if (activation == null || !activation.isTextual()) {
            throw new IllegalArgumentException(where + ": 'activation' must be an activation spec, got " + activation);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : List.of("init", "bias_init")) {
            JsonNode value = node.get(key);
            if (value != null && !value.isTextual()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be an initializer spec, got " + value);
            }
            if (value != null) {
                options.put(key, value.asText());
            }
        }
        try {
            return LayerSpec.dense(units.asInt(), activation.asText(), options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; known keys: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /**
     * The problem in a parser's message, on one line: YAML's parser follows the context and the problem each with the
     * offending line quoted and marked on lines of their own, indented; the last line that is not is the problem.
     */
    static String problem(String message) {
        String problem = message;
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem = line;
            }
        }
        return problem.strip();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
