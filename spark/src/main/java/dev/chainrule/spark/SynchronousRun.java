package dev.chainrule.spark;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The synchronous mode: one round per global mini-batch. Each round broadcasts the parameters, lets every partition
 * compute the gradient sum of its rows of the batch ({@link ShareOfBatch}), tree-aggregates the sums and applies
 * their mean on the driver ({@link Updater}).
 */
final class SynchronousRun {

    private final RunSettings settings;

    SynchronousRun(RunSettings settings) {
        this.settings = settings;
    }

    DistributedResult run() {
        Network network = settings.network();
        TrainingConfig config = settings.config();
        Updater updater = new Updater(new Backpropagation(network, config.loss(), config.fusedOutputGradient()),
                config.regularization(), config.clipping(), config.optimizer(), config.schedule());
        BatchPlan plan = new BatchPlan(config.seed(), (int) settings.data().size(), config.batchSize(),
                config.shuffle());
        long total = (long) config.epochs() * plan.batchesPerEpoch();
        long step = settings.resumed().map(Checkpoint::step).orElse(0L);
        settings.resumed().ifPresent(checkpoint -> updater.restore(checkpoint.optimizer()));
        List<Double> losses = new ArrayList<>();
        long rows = 0;
        long start = System.nanoTime();
        int orderEpoch = 0;
        Broadcast<int[]> order = null;
        while (settings.continues(losses.size(), step, total)) {
            int epoch = (int) (step / plan.batchesPerEpoch()) + 1;
            int batch = (int) (step % plan.batchesPerEpoch());
            if (epoch != orderEpoch) {
                if (order != null) {
                    order.destroy();
                }
                order = settings.context().broadcast(plan.order(epoch));
                orderEpoch = epoch;
            }
            Broadcast<double[]> parameters = settings.context().broadcast(FlatParameters.of(network));
            ShareOfBatch share = new ShareOfBatch(settings.shipment(), parameters, order, plan.offset(batch),
                    plan.rows(batch), config.seed(), step, settings.hook());
            GradientSum sum = settings.data().shards().treeAggregate(GradientSum.EMPTY, share, GradientSum::plus,
                    settings.options().aggregationDepth());
            parameters.destroy();
            double loss = updater.apply(sum);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at epoch " + epoch + ", batch " + (batch + 1)
                        + ": the loss is " + loss + "; a smaller learning rate than " + config.optimizer().spec()
                        + " may help");
            }
            losses.add(loss);
            rows += sum.rows();
            step++;
            settings.checkpointIfDue(step, batch == plan.batchesPerEpoch() - 1, updater.snapshot());
        }
        if (order != null) {
            order.destroy();
        }
        return new DistributedResult(losses, step, rows, (System.nanoTime() - start) / 1e9);
    }

    /** A partition's share of one global batch: the gradient sum of its rows in the batch, on its executor. */
    private record ShareOfBatch(NetworkShipment shipment, Broadcast<double[]> parameters, Broadcast<int[]> order,
            int offset, int rows, long seed, long step, TaskHook hook) implements Function2<GradientSum, Shard, GradientSum> {

        private static final long serialVersionUID = 1L;

        @Override
        public GradientSum call(GradientSum sum, Shard shard) {
            hook.beforeShare(step, shard.partition(), DistributedTrainer.attempt());
            int[] local = BatchPlan.share(shard, order.value(), offset, rows);
            if (local.length == 0) {
                return sum;
            }
            GradientSum mine = WorkerPool.with(shipment, worker -> {
                FlatParameters.set(worker.network(), parameters.value());
                return worker.share(shard.select(local, local.length), BatchPlan.noiseSeed(seed, step,
                        shard.partition()));
            });
            return sum.plus(mine);
        }
    }
}
