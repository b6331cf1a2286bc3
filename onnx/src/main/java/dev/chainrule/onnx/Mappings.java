package dev.chainrule.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The ONNX mappings an export can use: the built-in ones for Chainrule's activations and layers, those that jars
 * on the class path register as {@link ActivationMapping} and {@link LayerMapping} services, and those registered
 * beside a plugin loaded by a class loader of its own. Two mappings for one
 * name are an error naming both classes.
 */
final class Mappings {

    private final Map<String, ActivationMapping> activations = new LinkedHashMap<>();
    private final Map<String, LayerMapping> layers = new LinkedHashMap<>();

    private Mappings() {
    }

    /** The built-in mappings and those registered on {@code classLoader}. */
    static Mappings discover(ClassLoader classLoader) {
        Mappings mappings = new Mappings();
        BuiltInActivations.all().forEach(mappings::add);
        BuiltInLayers.all().forEach(mappings::add);
        ServiceLoader.load(ActivationMapping.class, classLoader).forEach(mappings::add);
        ServiceLoader.load(LayerMapping.class, classLoader).forEach(mappings::add);
        return mappings;
    }

    private void add(ActivationMapping mapping) {
        ActivationMapping previous = activations.putIfAbsent(mapping.activation(), mapping);
        if (previous != null) {
            throw new IllegalStateException("two ONNX mappings for the activation '" + mapping.activation() + "': "
                    + previous.getClass().getName() + " and " + mapping.getClass().getName() + "; remove one jar");
        }
    }

    private void add(LayerMapping mapping) {
        LayerMapping previous = layers.putIfAbsent(mapping.layer(), mapping);
        if (previous != null) {
            throw new IllegalStateException("two ONNX mappings for the layer '" + mapping.layer() + "': "
                    + previous.getClass().getName() + " and " + mapping.getClass().getName() + "; remove one jar");
        }
    }

    /**
     * The mapping of the activation {@code name}; when none is known yet, those registered beside the plugin (on
     * {@code pluginLoader}, the class loader of a jar the application loaded itself) are added first.
     */
    ActivationMapping activation(String name, ClassLoader pluginLoader) throws OnnxException {
        if (!activations.containsKey(name) && pluginLoader != null) {
            ServiceLoader.load(ActivationMapping.class, pluginLoader).forEach(mapping ->
                    activations.putIfAbsent(mapping.activation(), mapping));
        }
        ActivationMapping mapping = activations.get(name);
        if (mapping == null) {
            throw new OnnxException("the activation '" + name + "' has no ONNX mapping. "
                    + "Implement " + ActivationMapping.class.getName() + " for it (activation() returning \"" + name
                    + "\") and register it in META-INF/services/" + ActivationMapping.class.getName()
                    + "; activations with a mapping: " + String.join(", ", new TreeSet<>(activations.keySet())));
        }
        return mapping;
    }

    /** The mapping of the layer {@code name}, looking beside the plugin too (see {@link #activation}). */
    LayerMapping layer(String name, ClassLoader pluginLoader) throws OnnxException {
        if (!layers.containsKey(name) && pluginLoader != null) {
            ServiceLoader.load(LayerMapping.class, pluginLoader).forEach(mapping ->
                    layers.putIfAbsent(mapping.layer(), mapping));
        }
        LayerMapping mapping = layers.get(name);
        if (mapping == null) {
            throw new OnnxException("the layer '" + name + "' has no ONNX mapping. "
                    + "Implement " + LayerMapping.class.getName() + " for it (layer() returning \"" + name
                    + "\") and register it in META-INF/services/" + LayerMapping.class.getName()
                    + "; layers with a mapping: " + String.join(", ", new TreeSet<>(layers.keySet())));
        }
        return mapping;
    }
}
