package dev.chainrule.spark;

import dev.chainrule.core.training.GradientSum;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The synchronous mode: one round per global mini-batch. Each round broadcasts the parameters, lets every partition
 * compute the gradient sum of its rows of the batch ({@link ShareOfBatch}: its session's
 * {@link TrainingSession#computeGradients}), tree-aggregates the sums and applies them on the driver's session
 * ({@link TrainingSession#applyGradients}).
 */
final class SynchronousRun {

    private final RunSettings settings;

    SynchronousRun(RunSettings settings) {
        this.settings = settings;
    }

    DistributedResult run() {
        TrainingConfig config = settings.config();
        TrainingSession session = new TrainingSession(settings.network(), config);
        BatchPlan plan = new BatchPlan(config.seed(), (int) settings.data().size(), config.batchSize(),
                config.shuffle());
        long total = (long) config.epochs() * plan.batchesPerEpoch();
        long step = settings.resume(session);
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
            Broadcast<double[]> parameters = settings.context().broadcast(session.parameterValues());
            ShareOfBatch share = new ShareOfBatch(settings.shipment(), parameters, order, plan.offset(batch),
                    plan.rows(batch), config.seed(), step, settings.hook());
            GradientSum sum = settings.data().shards().treeAggregate(ShareSum.EMPTY, share, ShareSum::plus,
                    settings.options().aggregationDepth()).sum();
            parameters.destroy();
            double loss = session.applyGradients(sum);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at epoch " + epoch + ", batch " + (batch + 1)
                        + ": the loss is " + loss + "; a smaller learning rate than " + config.optimizer().spec()
                        + " may help");
            }
            losses.add(loss);
            rows += sum.rows();
            step++;
            settings.checkpointIfDue(session, step, batch == plan.batchesPerEpoch() - 1);
        }
        if (order != null) {
            order.destroy();
        }
        return new DistributedResult(losses, step, rows, (System.nanoTime() - start) / 1e9);
    }

    /** A partition's share of one global batch: the gradient sum of its rows in the batch, on its executor. */
    private record ShareOfBatch(Broadcast<NetworkShipment> shipment, Broadcast<double[]> parameters, Broadcast<int[]> order,
            int offset, int rows, long seed, long step, TaskHook hook) implements Function2<ShareSum, Shard, ShareSum> {

        private static final long serialVersionUID = 1L;

        @Override
        public ShareSum call(ShareSum sum, Shard shard) {
            hook.beforeShare(step, shard.partition(), DistributedTrainer.attempt());
            int[] local = BatchPlan.share(shard, order.value(), offset, rows);
            if (local.length == 0) {
                return sum;
            }
            ShareSum mine = WorkerPool.with(shipment.value(), worker -> ShareSum.of(
                    worker.session(parameters.value(), BatchPlan.noiseSeed(seed, step, shard.partition()), step)
                            .computeGradients(Worker.batch(shard, shard.select(local, local.length)))));
            return sum.plus(mine);
        }
    }
}
