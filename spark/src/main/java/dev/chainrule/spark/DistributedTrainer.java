package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.TrainingConfig;
import java.util.List;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a Chainrule network on the partitions of a Spark data set. The network, loss, optimizer, schedule,
 * penalties, clipping, epochs, batch size, seed and shuffling come from the same {@link TrainingConfig} as on one
 * machine; {@link DistributedOptions} says how the partitions' work is combined.
 *
 * <p>{@linkplain Mode#SYNCHRONOUS Synchronous} (the default): the global mini-batches are those of Chainrule's
 * single-machine trainer with the same seed (the same rows, in the same order); for each, every partition computes
 * the gradient sum of its rows of the batch on its copy of the network, the sums are tree-aggregated, and the driver
 * applies penalties, clipping, the optimizer and the schedule, then broadcasts the new parameters. The result is the
 * single-machine result up to the order of summation. {@linkplain Mode#PARAMETER_AVERAGING Parameter averaging}:
 * every partition runs several local steps on its own rows between averages.
 *
 * <p>The driver and every task train through Chainrule's {@link dev.chainrule.core.training.TrainingSession}: a task's
 * session computes its share ({@code computeGradients}) or runs its local steps ({@code step}), the driver's session
 * applies the combined sum ({@code applyGradients}) and writes and restores checkpoints.
 *
 * <p>Executors discover plugins with {@link java.util.ServiceLoader} from the application's jars; before training, a
 * job asks every partition's executor for the plugins the network names, and a missing one fails the run at once with
 * its name and the jar to ship ({@link MissingPluginException}). The work of a task depends only on the step, the
 * partition and the seed, so a task that Spark retries returns the same numbers. With a {@link CheckpointPolicy} the
 * run checkpoints to a Hadoop file system and can resume from the newest checkpoint, ending with the weights of an
 * uninterrupted run.
 *
 * <p>Not supported: validation sets and early stopping (evaluate the returned network yourself), and layers with
 * running state such as {@code batch_norm} (its statistics would stay on the executors). Dropout and other training
 * noise draw per step and partition, so a network with them trains correctly but not identically to one machine.
 */
public final class DistributedTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedTrainer.class);

    private final JavaSparkContext context;
    private final Chainrule chainrule;
    private final DistributedOptions options;
    private final TaskHook hook;

    /**
     * A trainer on {@code context}; {@code chainrule}'s plugins are the driver's, whose jars are named when an
     * executor lacks one.
     */
    public DistributedTrainer(JavaSparkContext context, Chainrule chainrule, DistributedOptions options) {
        this(context, chainrule, options, TaskHook.NONE);
    }

    DistributedTrainer(JavaSparkContext context, Chainrule chainrule, DistributedOptions options, TaskHook hook) {
        this.context = context;
        this.chainrule = chainrule;
        this.options = options;
        this.hook = hook;
    }

    /** This trainer with {@code value} called before every task's work; for fault-injection tests. */
    DistributedTrainer withHook(TaskHook value) {
        return new DistributedTrainer(context, chainrule, options, value);
    }

    /** Trains {@code network} in place on {@code data} as {@code config} and the options say. */
    public DistributedResult fit(TrainingData data, Network network, TrainingConfig config) {
        if (config.validation().isPresent()) {
            throw new IllegalArgumentException("distributed training takes no validation set; evaluate the trained "
                    + "network on your held-out rows instead");
        }
        if (!network.state().isEmpty()) {
            throw new IllegalArgumentException("distributed training does not support layers with running state ("
                    + network.state().get(0).name() + " in " + network + "): their statistics would stay on the "
                    + "executors");
        }
        if (data.featureCount() != network.inputs() || data.targetCount() != network.outputs()) {
            throw new IllegalArgumentException("the data has " + data.featureCount() + " features and "
                    + data.targetCount() + " targets per row, the network " + network.inputs() + " inputs and "
                    + network.outputs() + " outputs");
        }
        NetworkShipment shipment = NetworkShipment.of(network, config, chainrule.plugins());
        checkPlugins(data, shipment);
        Optional<CheckpointStore> store = options.checkpoints()
                .map(policy -> new CheckpointStore(policy, context.hadoopConfiguration()));
        LOG.info("training {} on {} rows in {} partitions, {} mode", network, data.size(), data.partitions(),
                options.mode());
        Broadcast<NetworkShipment> shipped = context.broadcast(shipment);
        try {
            RunSettings settings = new RunSettings(context, data, network, config, options, shipped, store, hook);
            return options.mode() == Mode.SYNCHRONOUS ? new SynchronousRun(settings).run()
                    : new AveragingRun(settings).run();
        } finally {
            shipped.destroy();
        }
    }

    /** Fails at once, naming plugin and jar, if any partition's executor lacks a plugin that the network needs. */
    private static void checkPlugins(TrainingData data, NetworkShipment shipment) {
        List<PluginRequirement> requirements = shipment.requirements();
        List<String> missing = data.shards().mapPartitions(shards -> ExecutorPlugins.missing(requirements).iterator())
                .distinct().collect();
        if (!missing.isEmpty()) {
            throw new MissingPluginException(String.join("; ", missing));
        }
    }

    /** The attempt number of the running task (0 for the first), or 0 outside a task. */
    static int attempt() {
        TaskContext task = TaskContext.get();
        return task == null ? 0 : task.attemptNumber();
    }
}
