package dev.chainrule.core.io;

import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.State;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON part of a model file: the input shape, each layer's spec, the list of parameter tensors and then of state
 * tensors (name and shape, in the order their values follow), and the application's metadata.
 *
 * <pre>{@code
 * {"format":"chainrule-model","dtype":"float32","inputs":784,
 *  "layers":[{"spec":"dense(units=256, activation=relu)"},{"spec":"batch_norm(momentum=0.1, eps=1.0E-5)"}, ...],
 *  "parameters":[{"name":"layer 1 weights","rows":784,"columns":256}, ...],
 *  "state":[{"name":"layer 2 running_mean","rows":1,"columns":256}, ...],
 *  "metadata":{"loss":"categorical_cross_entropy"}}
 * }</pre>
 * An input with a spatial arrangement adds {@code "input_shape":[channels, height, width]}. Version 1 headers list
 * dense layers as {@code {"units":64,"activation":"tanh"}} and have no state; they are read as
 * {@code dense(units=64, activation=tanh)}.
 */
record ModelHeader(DType dtype, FeatureShape input, List<String> layers, List<Tensor> parameters, List<Tensor> state,
        Map<String, String> metadata) {

    static final String FORMAT = "chainrule-model";

    /** One stored tensor. */
    record Tensor(String name, int rows, int columns) {
        long size() {
            return (long) rows * columns;
        }
    }

    static ModelHeader of(Network network, Map<String, String> metadata) {
        List<String> layers = network.layers().stream().map(layer -> layer.spec().toString()).toList();
        List<Tensor> parameters = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            parameters.add(new Tensor(parameter.name(), parameter.value().rows(), parameter.value().columns()));
        }
        List<Tensor> state = new ArrayList<>();
        for (State tensor : network.state()) {
            state.add(new Tensor(tensor.name(), tensor.value().rows(), tensor.value().columns()));
        }
        return new ModelHeader(network.dtype(), network.inputShape(), layers, parameters, state,
                new TreeMap<>(metadata));
    }

    /** Bytes per stored number. */
    int bytesPerValue() {
        return dtype == DType.FLOAT64 ? Double.BYTES : Float.BYTES;
    }

    /** The parameters, then the state, in the order their values are stored. */
    List<Tensor> tensors() {
        List<Tensor> all = new ArrayList<>(parameters);
        all.addAll(state);
        return all;
    }

    /**
     * The number of value bytes that the parameter and state lists imply; {@link Long#MAX_VALUE} when they imply more
     * than a {@code long} counts, which no file holds.
     */
    long weightBytes() {
        long values = 0;
        for (Tensor tensor : tensors()) {
            values += tensor.size();
            if (values > Long.MAX_VALUE / Double.BYTES) {
                return Long.MAX_VALUE;
            }
        }
        return values * bytesPerValue();
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("dtype", dtype.label());
        root.put("inputs", input.size());
        if (!input.isFlat()) {
            root.put("input_shape", List.of(input.channels(), input.height(), input.width()));
        }
        root.put("layers", layers.stream().map(spec -> Map.of("spec", spec)).toList());
        root.put("parameters", tensors(parameters));
        root.put("state", tensors(state));
        root.put("metadata", metadata);
        return HeaderJson.write(root);
    }

    private static List<Map<String, Object>> tensors(List<Tensor> tensors) {
        return tensors.stream().map(tensor -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", tensor.name());
            entry.put("rows", tensor.rows());
            entry.put("columns", tensor.columns());
            return entry;
        }).toList();
    }

    /**
     * Reads and validates the header in {@code length} bytes of {@code bytes} from {@code offset}, of format
     * {@code version} (1 or 2); a problem is an {@link IllegalArgumentException} naming the field.
     */
    static ModelHeader fromJson(byte[] bytes, int offset, int length, long version) {
        Map<String, Object> root = object(HeaderJson.read(bytes, offset, length), "the header");
        String format = text(root, "format", "the header");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("the header's format is '" + format + "', expected '" + FORMAT + "'");
        }
        String dtypeLabel = text(root, "dtype", "the header");
        DType dtype = switch (dtypeLabel) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new IllegalArgumentException("the header's dtype is '" + dtypeLabel
                    + "', expected float32 or float64");
        };
        int inputs = count(root, "inputs", "the header");
        FeatureShape input = inputShape(root, inputs);
        List<String> layers = new ArrayList<>();
        for (Object element : list(root, "layers")) {
            String where = "layer " + (layers.size() + 1);
            Map<String, Object> layer = object(element, where);
            layers.add(version == 1 ? denseSpec(count(layer, "units", where), text(layer, "activation", where))
                    : text(layer, "spec", where));
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the header lists no layers");
        }
        List<Tensor> parameters = tensors(list(root, "parameters"), "parameter");
        List<Tensor> state = version == 1 ? List.of() : tensors(list(root, "state"), "state tensor");
        Map<String, String> metadata = new TreeMap<>();
        Object rawMetadata = root.get("metadata");
        if (rawMetadata != null) {
            object(rawMetadata, "metadata").forEach((key, value) -> {
                if (!(value instanceof String string)) {
                    throw new IllegalArgumentException("metadata entry '" + key + "' is not a string");
                }
                metadata.put(key, string);
            });
        }
        return new ModelHeader(dtype, input, layers, parameters, state, metadata);
    }

    private static String denseSpec(int units, String activation) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("units", Integer.toString(units));
        arguments.put("activation", activation);
        return new Spec(DenseLayer.NAME, arguments).toString();
    }

    private static FeatureShape inputShape(Map<String, Object> root, int inputs) {
        Object raw = root.get("input_shape");
        if (raw == null) {
            return FeatureShape.flat(inputs);
        }
        if (!(raw instanceof List<?> dimensions) || dimensions.size() != 3) {
            throw new IllegalArgumentException("the header's 'input_shape' must be [channels, height, width], got "
                    + raw);
        }
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("channels", dimensions.get(0));
        named.put("height", dimensions.get(1));
        named.put("width", dimensions.get(2));
        FeatureShape shape = new FeatureShape(count(named, "channels", "input_shape"),
                count(named, "height", "input_shape"), count(named, "width", "input_shape"));
        if (shape.size() != inputs) {
            throw new IllegalArgumentException("the header's input_shape " + shape + " holds " + shape.size()
                    + " numbers but its 'inputs' is " + inputs);
        }
        return shape;
    }

    private static List<Tensor> tensors(List<?> elements, String what) {
        List<Tensor> tensors = new ArrayList<>();
        for (Object element : elements) {
            String where = what + " " + (tensors.size() + 1);
            Map<String, Object> tensor = object(element, where);
            tensors.add(new Tensor(text(tensor, "name", where), count(tensor, "rows", where),
                    count(tensor, "columns", where)));
        }
        return tensors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("the header's '" + key + "' is " + (value == null ? "missing" : "not a list"));
        }
        return list;
    }

    private static String text(Map<String, Object> object, String key, String where) {
        Object value = object.get(key);
        if (!(value instanceof String string)) {
            throw new IllegalArgumentException(where + ": '" + key + "' is " + (value == null ? "missing" : "not a string"));
        }
        return string;
    }

    private static int count(Map<String, Object> object, String key, String where) {
        Object value = object.get(key);
        double number = value instanceof Long || value instanceof Double ? ((Number) value).doubleValue() : Double.NaN;
        if (number != Math.rint(number) || number < 1 || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": '" + key + "' is " + (value == null ? "missing"
                    : value + ", not a whole number from 1 to " + Integer.MAX_VALUE));
        }
        return (int) number;
    }
}
