package dev.chainrule.onnx;

import dev.chainrule.onnx.proto.Onnx.AttributeProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A node's attributes by name, read with the defaults the ONNX operator defines for the missing ones. */
final class NodeAttributes {

    private final Map<String, AttributeProto> byName = new HashMap<>();

    private NodeAttributes(NodeProto node) {
        node.getAttributeList().forEach(attribute -> byName.put(attribute.getName(), attribute));
    }

    /** The attributes of {@code node}. */
    static NodeAttributes of(NodeProto node) {
        return new NodeAttributes(node);
    }

    /** Whether the node sets {@code name}. */
    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The integer attribute {@code name}, or {@code fallback}. */
    long integer(String name, long fallback) {
        AttributeProto attribute = byName.get(name);
        return attribute == null ? fallback : attribute.getI();
    }

    /** The integer-list attribute {@code name}, or {@code fallback}. */
    long[] integers(String name, long[] fallback) {
        AttributeProto attribute = byName.get(name);
        return attribute == null ? fallback : attribute.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** The float attribute {@code name} as the decimal its writer meant (0.2, not 0.2000000029), or the fallback. */
    double real(String name, double fallback) {
        AttributeProto attribute = byName.get(name);
        return attribute == null ? fallback : Double.parseDouble(Float.toString(attribute.getF()));
    }

    /** The string attribute {@code name}, or {@code fallback}. */
    String text(String name, String fallback) {
        AttributeProto attribute = byName.get(name);
        return attribute == null ? fallback : attribute.getS().toStringUtf8();
    }

    /** {@code value} as a Chainrule spec writes a number. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
