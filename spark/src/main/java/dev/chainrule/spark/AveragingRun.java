package dev.chainrule.spark;

import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The parameter-averaging mode. Local mini-batches have {@code batchSize / partitions} rows (at least 1), so a round
 * of {@code K} local steps on every partition covers about as many rows as {@code K} synchronous steps. Each epoch,
 * every partition visits its own rows in an order drawn from the seed, the epoch and the partition; an epoch has as
 * many rounds as the partition with the most rows needs. In a round every partition starts from the broadcast
 * parameters (and optimizer state, if averaged), runs its next {@code K} local steps in a {@link TrainingSession}
 * with the configured optimizer and the schedule at the run's update count, and the driver averages the partitions' parameters and states, weighted by the rows each trained on.
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
        TrainingSession session = new TrainingSession(settings.network(), config);
        TrainingData data = settings.data();
        int localBatch = Math.max(1, config.batchSize() / data.partitions());
        int localSteps = settings.options().localSteps();
        int mostBatches = 0;
        for (int p = 0; p < data.partitions(); p++) {
            mostBatches = Math.max(mostBatches, (data.rows(p) + localBatch - 1) / localBatch);
        }
        long roundsPerEpoch = (mostBatches + localSteps - 1) / localSteps;
        long total = config.epochs() * roundsPerEpoch;
        long round = settings.resume(session);
        boolean averageState = settings.options().averageOptimizerState();
        Recipe recipe = new Recipe(localBatch, localSteps, config.seed());
        List<Double> losses = new ArrayList<>();
        long rows = 0;
        long start = System.nanoTime();
        while (settings.continues(losses.size(), round, total)) {
            int epoch = (int) (round / roundsPerEpoch) + 1;
            int firstBatch = (int) (round % roundsPerEpoch) * localSteps;
            Broadcast<double[]> parameters = settings.context().broadcast(session.parameterValues());
            Broadcast<OptimizerSnapshot> states = settings.context().broadcast(
                    averageState ? OptimizerSnapshot.of(round * localSteps, session.optimizerStates()) : null);
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
            session.setParameterValues(mean);
            if (sum.state() != null) {
                sum.state().times(1.0 / sum.rows()).restoreInto(session.optimizerStates());
            }
            double loss = sum.loss() / sum.rows();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at epoch " + epoch + ", round " + (round + 1)
                        + ": the loss is " + loss + "; a smaller learning rate than " + config.optimizer().spec()
                        + " may help");
            }
            losses.add(loss);
            rows += sum.rows();
            round++;
            settings.checkpointIfDue(session, round, round % roundsPerEpoch == 0);
        }
        return new DistributedResult(losses, round, rows, (System.nanoTime() - start) / 1e9);
    }

    /** The local batching. */
    private record Recipe(int localBatch, int localSteps, long seed) implements Serializable {
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
    private record LocalRound(Broadcast<NetworkShipment> shipment, Recipe recipe, Broadcast<double[]> parameters,
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
            Average mine = WorkerPool.with(shipment.value(), worker -> train(worker, shard, order, last));
            return sum.plus(mine);
        }

        private Average train(Worker worker, Shard shard, int[] order, int last) {
            long firstStep = round * recipe.localSteps();
            TrainingSession session = worker.session(parameters.value(),
                    BatchPlan.noiseSeed(recipe.seed(), round, shard.partition()), firstStep);
            OptimizerSnapshot start = states.value();
            if (start != null) {
                start.restoreInto(session.optimizerStates());
            }
            double loss = 0;
            long rows = 0;
            for (int batch = firstBatch; batch < last; batch++) {
                int offset = batch * recipe.localBatch();
                int count = Math.min(recipe.localBatch(), shard.rows() - offset);
                int[] local = Arrays.copyOfRange(order, offset, offset + count);
                loss += session.step(Worker.batch(shard, shard.select(local, count))) * count;
                rows += count;
            }
            double[] trained = session.parameterValues();
            for (int i = 0; i < trained.length; i++) {
                trained[i] *= rows;
            }
            OptimizerSnapshot state = start != null
                    ? OptimizerSnapshot.of(firstStep + last - firstBatch, session.optimizerStates()).times(rows) : null;
            return new Average(trained, state, loss, rows);
        }

        private static int[] localOrder(Shard shard, int epoch, long seed) {
            return BatchPlan.permutation(shard.rows(),
                    new SplittableRandom(seed * 31 + epoch * 1_000_003L + shard.partition()));
        }
    }
}
