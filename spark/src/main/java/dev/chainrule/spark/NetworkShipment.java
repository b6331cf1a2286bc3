package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.training.TrainingConfig;
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
 * network names with the jars the driver found them in; the optimizer and schedule for parameter averaging. No Java serialization of Chainrule objects: specs and bytes.
 *
 * @param job          a name unique to the training run, under which executors keep their copies of the network
 * @param model        the bytes of a model file of the network
 * @param backend      the backend's name
 * @param loss         the loss's spec
 * @param fused        whether to take the loss's fused output gradient
 * @param optimizer    the optimizer's spec, or {@code null} for inference only
 * @param schedule     the learning-rate schedule's spec, or {@code null} for inference only
 * @param requirements the plugins the executors must have
 */
record NetworkShipment(String job, byte[] model, String backend, String loss, boolean fused, String optimizer,
        String schedule, List<PluginRequirement> requirements) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The shipment of {@code network} trained as {@code config} says, naming the plugins as {@code plugins} found them. */
    static NetworkShipment of(Network network, TrainingConfig config, Plugins plugins) {
        return of(network, config.loss().spec().toString(), config.fusedOutputGradient(),
                config.optimizer().spec().toString(), config.schedule().spec().toString(), plugins);
    }

    /**
     * The shipment of {@code network} trained with the given specs, naming the plugins as {@code plugins} found them;
     * {@code optimizer} and {@code schedule} {@code null} for a network that is only run forward (a model's inference).
     */
    static NetworkShipment of(Network network, String loss, boolean fused, String optimizer, String schedule,
            Plugins plugins) {
        Set<PluginRequirement> requirements = new LinkedHashSet<>();
        for (Layer layer : network.layers()) {
            requirements.add(PluginRequirement.of(plugins.layers(), layer.spec().name()));
            layer.outputActivation().ifPresent(activation ->
                    requirements.add(PluginRequirement.of(plugins.activations(), activation.spec().name())));
        }
        requirements.add(PluginRequirement.of(plugins.losses(), Spec.parse(loss).name()));
        if (optimizer != null) {
            requirements.add(PluginRequirement.of(plugins.optimizers(), Spec.parse(optimizer).name()));
            requirements.add(PluginRequirement.of(plugins.schedules(), Spec.parse(schedule).name()));
        }
        requirements.add(PluginRequirement.of(plugins.backends(), network.backend().name()));
        return new NetworkShipment(UUID.randomUUID().toString(), ModelFile.encode(network, Map.of()),
                network.backend().name(), loss, fused, optimizer, schedule, new ArrayList<>(requirements));
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

    /**
     * The training configuration of an executor's session: the shipped loss, optimizer and schedule (seen from update
     * {@code scheduleOffset}), training noise from {@code seed}, no shuffling (the driver chooses the rows).
     */
    TrainingConfig config(long seed, long scheduleOffset) {
        Chainrule chainrule = ExecutorPlugins.chainrule(backend);
        return chainrule.training(loss, optimizer)
                .schedule(new OffsetSchedule(chainrule.schedule(schedule), scheduleOffset))
                .fusedOutputGradient(fused).seed(seed).shuffle(false).epochs(1).build();
    }
}
