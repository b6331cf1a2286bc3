package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.core.training.TrainingConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The parameter-averaging mode. Local mini-batches have {@code batchSize / partitions} rows (at least 1), so a round
 * of {@code K} local steps on every partition covers about as many rows as {@code K} synchronous steps. Each epoch,
 * every partition visits its own rows in an order drawn from the seed, the epoch and the partition; an epoch has as
 * many rounds as the partition with the most rows needs. In a round every partition starts from the broadcast
 * parameters (and optimizer state, if averaged), runs its next {@code K} local steps with the configured optimizer
 * and schedule, and the driver averages the partitions' parameters and states, weighted by the rows each trained on.
 * Penalties and clipping are refused in this mode.
 */
final class AveragingRun {

    private final RunSettings settings;

    AveragingRun(RunSettings settings) {
        this.settings = settings;
    }

    DistributedResult run() {
        TrainingConfig config = settings.config();
        if (!config.regularization().isNone() || !(config.clipping() instanceof GradientClipping.None)) {
            throw new IllegalArgumentException("parameter averaging does not apply penalties or clipping (got "
                    + config.regularization() + ", " + config.clipping() + "); use the synchronous mode");
        }
        Network network = settings.network();
        TrainingData data = settings.data();
        int localBatch = Math.max(1, config.batchSize() / data.partitions());
        int localSteps = settings.options().localSteps();
        int mostBatches = 0;
        for (int p = 0; p < data.partitions(); p++) {
            mostBatches = Math.max(mostBatches, (data.rows(p) + localBatch - 1) / localBatch);
        }
        long roundsPerEpoch = (mostBatches + localSteps - 1) / localSteps;
        long total = config.epochs() * roundsPerEpoch;
        long round = settings.resumed().map(Checkpoint::step).orElse(0L);
        OptimizerSnapshot state = settings.resumed().map(Checkpoint::optimizer).orElse(null);
        boolean averageState = settings.options().averageOptimizerState();
        Recipe recipe = new Recipe(config.optimizer().spec().toString(), config.schedule().spec().toString(),
                localBatch, localSteps, config.seed(), averageState);
        List<Double> losses = new ArrayList<>();
        long rows = 0;
        long start = System.nanoTime();
        while (settings.continues(losses.size(), round, total)) {
            int epoch = (int) (round / roundsPerEpoch) + 1;
            int firstBatch = (int) (round % roundsPerEpoch) * localSteps;
            Broadcast<double[]> parameters = settings.context().broadcast(FlatParameters.of(network));
            Broadcast<OptimizerSnapshot> states = settings.context().broadcast(averageState ? state : null);
            LocalRound task = new LocalRound(settings.shipment(), recipe, parameters, states, epoch, firstBatch,
                    round, settings.hook());
            Average sum = data.shards().treeAggregate(Average.EMPTY, task, Average::plus,
                    settings.options().aggregationDepth());
            parameters.destroy();
            states.destroy();
            double[] mean = sum.parameters();
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= sum.rows();
            }
            FlatParameters.set(network, mean);
            state = sum.state() == null ? null : sum.state().times(1.0 / sum.rows());
            double loss = sum.loss() / sum.rows();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at epoch " + epoch + ", round " + (round + 1)
                        + ": the loss is " + loss + "; a smaller learning rate than " + config.optimizer().spec()
                        + " may help");
            }
            losses.add(loss);
            rows += sum.rows();
            round++;
            OptimizerSnapshot saved = state != null ? state : emptyState(network, round * localSteps);
            settings.checkpointIfDue(round, round % roundsPerEpoch == 0, saved);
        }
        return new DistributedResult(losses, round, rows, (System.nanoTime() - start) / 1e9);
    }

    private OptimizerSnapshot emptyState(Network network, long steps) {
        Updater fresh = new Updater(new Backpropagation(network, settings.config().loss(), false),
                Regularization.none(), GradientClipping.none(), settings.config().optimizer(),
                settings.config().schedule());
        OptimizerSnapshot empty = fresh.snapshot();
        return new OptimizerSnapshot(steps, empty.stateSteps(), empty.slots(), empty.scalars());
    }

    /** What the executors need besides the network: optimizer, schedule and the local batching. */
    private record Recipe(String optimizer, String schedule, int localBatch, int localSteps, long seed,
            boolean averageState) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The sum over partitions of parameters and optimizer states times the rows each trained on, of the loss times
     * rows, and of the rows; the empty sum has no arrays.
     */
    private record Average(double[] parameters, OptimizerSnapshot state, double loss, long rows)
            implements Serializable {

        private static final long serialVersionUID = 1L;
        static final Average EMPTY = new Average(null, null, 0, 0);

        Average plus(Average other) {
            if (other.rows == 0) {
                return this;
            }
            if (rows == 0) {
                return other;
            }
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] += other.parameters[i];
            }
            OptimizerSnapshot both = state == null ? null : state.plus(other.state);
            return new Average(parameters, both, loss + other.loss, rows + other.rows);
        }
    }

    /** One partition's round: its next local steps from the broadcast starting point. */
    private record LocalRound(NetworkShipment shipment, Recipe recipe, Broadcast<double[]> parameters,
            Broadcast<OptimizerSnapshot> states, int epoch, int firstBatch, long round, TaskHook hook)
            implements Function2<Average, Shard, Average> {

        private static final long serialVersionUID = 1L;

        @Override
        public Average call(Average sum, Shard shard) {
            hook.beforeShare(round, shard.partition(), DistributedTrainer.attempt());
            int batches = (shard.rows() + recipe.localBatch() - 1) / recipe.localBatch();
            int last = Math.min(batches, firstBatch + recipe.localSteps());
            if (firstBatch >= last) {
                return sum;
            }
            int[] order = localOrder(shard, epoch, recipe.seed());
            Average mine = WorkerPool.with(shipment, worker -> train(worker, shard, order, last));
            return sum.plus(mine);
        }

        private Average train(Worker worker, Shard shard, int[] order, int last) {
            FlatParameters.set(worker.network(), parameters.value());
            Chainrule chainrule = ExecutorPlugins.chainrule(shipment.backend());
            Updater updater = new Updater(worker.backpropagation(), Regularization.none(), GradientClipping.none(),
                    chainrule.optimizer(recipe.optimizer()), chainrule.schedule(recipe.schedule()));
            OptimizerSnapshot start = states.value();
            if (start != null) {
                updater.restore(start);
            } else {
                updater.restore(updater.snapshot().atStep(round * recipe.localSteps()));
            }
            double loss = 0;
            long rows = 0;
            for (int batch = firstBatch; batch < last; batch++) {
                int offset = batch * recipe.localBatch();
                int count = Math.min(recipe.localBatch(), shard.rows() - offset);
                int[] local = java.util.Arrays.copyOfRange(order, offset, offset + count);
                double batchLoss = worker.compute(shard.select(local, count),
                        BatchPlan.noiseSeed(recipe.seed(), round * recipe.localSteps() + batch, shard.partition()));
                loss += updater.applyComputed(batchLoss) * count;
                rows += count;
            }
            double[] trained = FlatParameters.of(worker.network());
            for (int i = 0; i < trained.length; i++) {
                trained[i] *= rows;
            }
            OptimizerSnapshot state = recipe.averageState() ? updater.snapshot().times(rows) : null;
            return new Average(trained, state, loss, rows);
        }

        private static int[] localOrder(Shard shard, int epoch, long seed) {
            return BatchPlan.permutation(shard.rows(),
                    new SplittableRandom(seed * 31 + epoch * 1_000_003L + shard.partition()));
        }
    }
}
