package dev.chainrule.core.training;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network by mini-batch backpropagation. For every batch, in this order: {@link Backpropagation} computes
 * the loss and each parameter's gradient through each layer's own derivative; the {@link Regularization}
 * adds its penalty to the loss and its derivative to the gradients; the {@link GradientClipping} bounds the gradients;
 * and the optimizer updates each parameter in place at the rate that the schedule gives for the step. The trainer
 * knows nothing about any particular activation, loss, optimizer or schedule.
 *
 * <p>Every batch runs a training pass ({@link ForwardContext#training}) whose random numbers (dropout's masks, rrelu's
 * slopes) come from a generator split from the configuration's seed, one split per batch; evaluation runs inference
 * passes (no dropout, batch_norm on its running statistics).
 *
 * <p>Deterministic: the same network, data and configuration give the same weights, bit for bit. A loss that stops
 * being finite ends training with a {@link TrainingDivergedException} naming the epoch, batch and layer.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    /** A trainer; it holds no state between runs. */
    @Inject
    public Trainer() {
    }

    /** Trains {@code network} in place on {@code data}. */
    public TrainingHistory fit(Network network, Dataset data, TrainingConfig config) {
        Backpropagation backpropagation = new Backpropagation(network, config.loss(), config.fusedOutputGradient());
        DeviceData training = new DeviceData(network, data);
        DeviceData validation = config.validation().map(set -> new DeviceData(network, set)).orElse(null);
        List<Parameter> parameters = network.parameters();
        OptimizerStep update = new OptimizerStep(parameters, config.optimizer(), config.schedule());
        LOG.info("training {} on {} rows: {} epochs, batch {}, loss {}, optimizer {}, schedule {}, penalties {}, "
                + "clipping {}{}", network, data.size(), config.epochs(), config.batchSize(), config.loss().spec(),
                config.optimizer().spec(), config.schedule().spec(), config.regularization(), config.clipping(),
                backpropagation.usesFusedOutputGradient() ? ", fused output gradient" : "");

        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom shuffling = root.split();
        SplittableRandom noise = root.split();
        int[] order = identity(data.size());
        List<EpochResult> epochs = new ArrayList<>();
        EarlyStopping stopping = new EarlyStopping(parameters, config.patience());
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            if (config.shuffle()) {
                order = Dataset.permutation(data.size(), shuffling.split());
            }
            EpochResult result = runEpoch(epoch, backpropagation, training, validation, order, update, noise, config);
            epochs.add(result);
            config.listeners().forEach(listener -> listener.onEpochEnd(result));
            if (stopping.stopAfter(result)) {
                break;
            }
        }
        return new TrainingHistory(epochs, stopping.stopped(), stopping.bestEpoch());
    }

    private EpochResult runEpoch(int epoch, Backpropagation backpropagation, DeviceData training, DeviceData validation,
            int[] order, OptimizerStep update, SplittableRandom noise, TrainingConfig config) {
        Network network = backpropagation.network();
        Dataset host = training.host();
        boolean classification = Accuracy.applies(network.outputs(), host.targetCount());
        BatchAccuracy counter = new BatchAccuracy(host, network.outputs());
        int batches = (training.size() + config.batchSize() - 1) / config.batchSize();
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        for (int batch = 0; batch < batches; batch++) {
            int offset = batch * config.batchSize();
            int rows = Math.min(config.batchSize(), training.size() - offset);
            DeviceData.Batch xy = training.batch(order, offset, rows);
            Trace trace = backpropagation.forward(xy.x(), ForwardContext.training(noise.split()));
            double loss = backpropagation.loss(trace, xy.y());
            if (!Double.isFinite(loss)) {
                throw diverged(epoch, batch + 1, loss, trace, network, config);
            }
            Gradients gradients = backpropagation.backward(trace, xy.y());
            loss += config.regularization().apply(network, gradients);
            config.clipping().clip(gradients);
            update.apply(gradients);
            lossSum += loss * rows;
            OptionalDouble accuracy = OptionalDouble.empty();
            if (classification) {
                int right = counter.correct(trace.activation(trace.layers()), order, offset);
                correct += right;
                accuracy = OptionalDouble.of((double) right / rows);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchResult result = new BatchResult(epoch, batch + 1, batches, rows, loss, accuracy,
                    (offset + rows) / Math.max(seconds, 1e-9));
            config.listeners().forEach(listener -> listener.onBatchEnd(result));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        OptionalDouble validationLoss = OptionalDouble.empty();
        OptionalDouble validationAccuracy = OptionalDouble.empty();
        if (validation != null) {
            Evaluation evaluation = Evaluator.evaluate(backpropagation, validation, config.batchSize());
            validationLoss = OptionalDouble.of(evaluation.loss());
            validationAccuracy = evaluation.accuracy();
        }
        return new EpochResult(epoch, lossSum / training.size(),
                classification ? OptionalDouble.of((double) correct / training.size()) : OptionalDouble.empty(),
                validationLoss, validationAccuracy, seconds, training.size() / Math.max(seconds, 1e-9));
    }

    private static TrainingDivergedException diverged(int epoch, int batch, double loss, Trace trace, Network network,
            TrainingConfig config) {
        String where = "the loss itself (" + config.loss().spec() + ") on finite outputs";
        for (int k = 1; k <= trace.layers(); k++) {
            Layer layer = network.layer(k);
            String name = "layer " + k + " (" + layer.spec() + ")";
            if (!layer.parameters().stream().allMatch(parameter -> allFinite(parameter.value()))) {
                where = name + ": its parameters are no longer finite";
                break;
            }
            if (!layer.state().stream().allMatch(state -> allFinite(state.value()))) {
                where = name + ": its running state is no longer finite";
                break;
            }
            if (layer.outputActivation().isPresent() && !allFinite(trace.preActivation(k))) {
                where = name + ": its pre-activations are not finite";
                break;
            }
            if (!allFinite(trace.activation(k))) {
                where = name + (layer.outputActivation().isPresent() ? ": its activation gave non-finite values"
                        : ": its output is not finite");
                break;
            }
        }
        return new TrainingDivergedException("training diverged at epoch " + epoch + ", batch " + batch + ": the loss is "
                + loss + "; first non-finite values at " + where + ". A smaller learning rate than "
                + config.optimizer().spec() + " may help.");
    }

    private static boolean allFinite(Tensor tensor) {
        return Arrays.stream(tensor.toDoubleArray()).allMatch(Double::isFinite);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
