package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.wiring.Plugins;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an executor needs to run a job's network: the network as a model file's bytes (layers, activations and
 * initial parameters; every later step ships parameters only), the backend and loss by name, and the plugins the
 * network names with the jars the driver found them in. No Java serialization of Chainrule objects: specs and bytes.
 *
 * @param job          a name unique to the training run, under which executors keep their copies of the network
 * @param model        the bytes of a model file of the network
 * @param backend      the backend's name
 * @param loss         the loss's spec
 * @param fused        whether to take the loss's fused output gradient
 * @param requirements the plugins the executors must have
 */
record NetworkShipment(String job, byte[] model, String backend, String loss, boolean fused,
        List<PluginRequirement> requirements) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The shipment of {@code network} trained with {@code loss}, naming the plugins as {@code plugins} found them. */
    static NetworkShipment of(Network network, String loss, boolean fused, Plugins plugins) {
        Set<PluginRequirement> requirements = new LinkedHashSet<>();
        for (Layer layer : network.layers()) {
            requirements.add(PluginRequirement.of(plugins.layers(), layer.spec().name()));
            layer.outputActivation().ifPresent(activation ->
                    requirements.add(PluginRequirement.of(plugins.activations(), activation.spec().name())));
        }
        requirements.add(PluginRequirement.of(plugins.losses(), Spec.parse(loss).name()));
        requirements.add(PluginRequirement.of(plugins.backends(), network.backend().name()));
        return new NetworkShipment(UUID.randomUUID().toString(), ModelFile.encode(network, Map.of()),
                network.backend().name(), loss, fused, new ArrayList<>(requirements));
    }

    /** A copy of the network on this executor, with the plugins of the task's class loader. */
    Network network() {
        ExecutorPlugins.require(requirements);
        Chainrule chainrule = ExecutorPlugins.chainrule(backend);
        try {
            return ModelFile.decode(model, "the network of job " + job, chainrule.backend(),
                    chainrule.plugins().layers(), chainrule.plugins().activations(), null).network();
        } catch (ModelFileException e) {
            throw new IllegalStateException("cannot rebuild the network on an executor: " + e.getMessage(), e);
        }
    }

    /** This shipment, requiring {@code more} plugins too. */
    NetworkShipment requiring(List<PluginRequirement> more) {
        List<PluginRequirement> all = new ArrayList<>(requirements);
        more.stream().filter(requirement -> !all.contains(requirement)).forEach(all::add);
        return new NetworkShipment(job, model, backend, loss, fused, all);
    }
}
