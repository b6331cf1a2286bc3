package dev.chainrule.core.io;

import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON part of a model file: the architecture with each layer's activation spec, the list of parameter tensors
 * (name and shape, in the order their values follow), and the application's metadata.
 *
 * <pre>{@code
 * {"format":"chainrule-model","dtype":"float32","inputs":64,
 *  "layers":[{"units":64,"activation":"tanh"},{"units":10,"activation":"softmax"}],
 *  "parameters":[{"name":"layer 1 weights","rows":64,"columns":64}, ...],
 *  "metadata":{"loss":"categorical_cross_entropy"}}
 * }</pre>
 */
record ModelHeader(DType dtype, int inputs, List<Layer> layers, List<Tensor> parameters, Map<String, String> metadata) {

    static final String FORMAT = "chainrule-model";

    /** One dense layer: its units and its activation's spec. */
    record Layer(int units, String activation) {
    }

    /** One stored parameter tensor. */
    record Tensor(String name, int rows, int columns) {
        long size() {
            return (long) rows * columns;
        }
    }

    static ModelHeader of(Network network, Map<String, String> metadata) {
        List<Layer> layers = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            layers.add(new Layer(layer.outputs(), layer.activation().spec().toString()));
        }
        List<Tensor> parameters = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            parameters.add(new Tensor(parameter.name(), parameter.value().rows(), parameter.value().columns()));
        }
        return new ModelHeader(network.dtype(), network.inputs(), layers, parameters, new TreeMap<>(metadata));
    }

    /** Bytes per stored number. */
    int bytesPerValue() {
        return dtype == DType.FLOAT64 ? Double.BYTES : Float.BYTES;
    }

    /** The number of weight bytes that the parameter list implies. */
    long weightBytes() {
        return parameters.stream().mapToLong(Tensor::size).sum() * bytesPerValue();
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("dtype", dtype.label());
        root.put("inputs", inputs);
        root.put("layers", layers.stream().map(layer -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("units", layer.units());
            entry.put("activation", layer.activation());
            return entry;
        }).toList());
        root.put("parameters", parameters.stream().map(tensor -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", tensor.name());
            entry.put("rows", tensor.rows());
            entry.put("columns", tensor.columns());
            return entry;
        }).toList());
        root.put("metadata", metadata);
        return Json.write(root);
    }

    /** Reads and validates a header; a problem is an {@link IllegalArgumentException} naming the field. */
    static ModelHeader fromJson(String json) {
        Map<String, Object> root = object(Json.read(json), "the header");
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
        List<Layer> layers = new ArrayList<>();
        for (Object element : list(root, "layers")) {
            String where = "layer " + (layers.size() + 1);
            Map<String, Object> layer = object(element, where);
            layers.add(new Layer(count(layer, "units", where), text(layer, "activation", where)));
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the header lists no layers");
        }
        List<Tensor> parameters = new ArrayList<>();
        for (Object element : list(root, "parameters")) {
            String where = "parameter " + (parameters.size() + 1);
            Map<String, Object> tensor = object(element, where);
            parameters.add(new Tensor(text(tensor, "name", where), count(tensor, "rows", where),
                    count(tensor, "columns", where)));
        }
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
        return new ModelHeader(dtype, inputs, layers, parameters, metadata);
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
        if (!(value instanceof Double number) || number != Math.rint(number) || number < 1 || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": '" + key + "' is " + (value == null ? "missing"
                    : value + ", not a whole number >= 1"));
        }
        return number.intValue();
    }
}
