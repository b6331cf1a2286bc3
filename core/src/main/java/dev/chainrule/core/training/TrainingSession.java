package dev.chainrule.core.training;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.BatchStream;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.network.State;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training driven step by step: a network, its optimizer state, the schedule's position, the random generators and
 * the position in the data, all owned by one object. {@link Trainer#fit} is a loop over it; an application drives it
 * itself with {@link #step} (one update), {@link #epoch} (the rest of the current epoch) or {@link #fit} (the remaining
 * epochs), and may stop at any batch: through a listener ({@link TrainingListener#stopRequested()}) or
 * {@link #requestStop()} from another thread. {@link #saveCheckpoint} and {@link #restoreCheckpoint} continue a run
 * bit for bit.
 *
 * <p>A step, in this order: the batch's forward pass (a training pass whose random numbers come from a generator
 * split from the seed, one split per batch), its loss, the backward pass ({@link Backpropagation}); then the
 * {@link Regularization}'s penalty and derivative, the {@link GradientClipping}, and the optimizer's update at the
 * schedule's rate. {@link #computeGradients} and {@link #applyGradients} are the two halves of a step, for gradients
 * combined across machines; {@code applyGradients(computeGradients(b))} is {@code step(b)} bit for bit.
 *
 * <p>Randomness: the configuration's seed gives a root generator; its first split shuffles (one split per epoch,
 * handed to the batch source), its second gives each batch's training pass a split of its own. A checkpoint saves
 * the seed and the number of splits taken, from which the generators are replayed exactly.
 *
 * <p>Not thread-safe, except {@link #requestStop()}.
 */
public final class TrainingSession {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    private final Network network;
    private final TrainingConfig config;
    private final Backpropagation backpropagation;
    private final List<Parameter> parameters;
    private final OptimizerStep update;
    private final EarlyStopping stopping;
    private final BatchTensors tensors;
    private final BatchAccuracy counter;
    private final Optional<DatasetSource> validation;
    private final BatchTensors validationTensors;
    private final List<double[]> gradientArrays;
    private SplittableRandom noise;
    private long noiseDraws;
    private final SessionPosition position = new SessionPosition();
    private volatile boolean stopRequested;
    /** Whether the last epoch call ended on a stop request, which the next call then clears. */
    private boolean stopped;
    private double lastLoss;
    private Trace lastTrace;

    /** A session that trains {@code network} in place as {@code config} says, from the first step. */
    public TrainingSession(Network network, TrainingConfig config) {
        this.network = network;
        this.config = config;
        this.backpropagation = new Backpropagation(network, config.loss(), config.fusedOutputGradient());
        this.parameters = network.parameters();
        this.update = new OptimizerStep(parameters, config.optimizer(), config.schedule());
        this.stopping = new EarlyStopping(parameters, config.patience());
        this.tensors = new BatchTensors(network);
        this.counter = new BatchAccuracy(network.outputs());
        config.validation().ifPresent(set -> requireInputs(set.featureCount()));
        this.validation = config.validation().map(DatasetSource::of);
        this.validationTensors = new BatchTensors(network);
        this.gradientArrays = parameters.stream().map(p -> new double[(int) p.value().shape().size()]).toList();
        this.noise = noiseGenerator(config.seed(), 0);
    }

    /** The network being trained (its parameters change in place). */
    public Network network() {
        return network;
    }

    /** The configuration. */
    public TrainingConfig config() {
        return config;
    }

    /**
     * One update from {@code batch}: forward, loss, backward, penalties, clipping, optimizer. Returns the batch's loss
     * before the update, penalties included.
     *
     * @throws TrainingDivergedException when the loss is not finite (the parameters are then left unchanged)
     */
    public double step(Batch batch) {
        forwardBackward(batch);
        return lastLoss + applyInPlace();
    }

    /**
     * The first half of a step: the batch's loss and gradient sum, without changing any parameter. The batch's training
     * pass draws the next split of the session's generator and updates batch_norm's running statistics, as a step
     * does; the optimizer, its state and the schedule position do not move.
     */
    public GradientSum computeGradients(Batch batch) {
        forwardBackward(batch);
        Gradients gradients = backpropagation.gradients();
        double[] flat = new double[Math.toIntExact(parameterCount())];
        int at = 0;
        for (int p = 0; p < gradients.size(); p++) {
            double[] values = gradientArrays.get(p);
            gradients.get(p).backend().toDoubleArray(gradients.get(p), values);
            System.arraycopy(values, 0, flat, at, values.length);
            at += values.length;
        }
        return GradientSum.ofMean(batch.rows(), lastLoss, flat);
    }

    /**
     * The second half of a step: applies the mean gradient of {@code sum}'s rows (penalties at the current parameters,
     * clipping, the optimizer at the schedule's rate) and advances the schedule by one step. Returns the mean loss of
     * the rows plus the penalty.
     */
    public double applyGradients(GradientSum sum) {
        if (sum.size() != parameterCount()) {
            throw new IllegalArgumentException("the gradient sum holds " + sum.size() + " values but the network has "
                    + parameterCount() + " parameters");
        }
        double[] mean = sum.meanGradient(new double[sum.size()]);
        Gradients gradients = backpropagation.gradients();
        int at = 0;
        for (int p = 0; p < gradients.size(); p++) {
            double[] values = gradientArrays.get(p);
            System.arraycopy(mean, at, values, 0, values.length);
            at += values.length;
            gradients.get(p).backend().assign(values, gradients.get(p));
        }
        return sum.meanLoss() + applyInPlace();
    }

    /**
     * Runs the rest of the current epoch over {@code source} (all of it, unless a checkpoint or a stop left the epoch
     * part done: the pass is then reopened and the batches already taken skipped), evaluates the validation data,
     * applies early stopping and tells the listeners. Returns the epoch's result, or empty when training was asked
     * to stop before the epoch ended (the position is kept, so the next call continues the epoch).
     *
     * @throws IllegalStateException when every epoch has run or early stopping ended training
     */
    public Optional<EpochResult> epoch(BatchSource source) {
        if (finished()) {
            throw new IllegalStateException("training has finished: " + (stopping.stopped() ? "early stopping ended it"
                    : "all " + config.epochs() + " epochs have run"));
        }
        requireInputs(source.featureCount());
        if (stopped) {
            stopped = false;
            stopRequested = false;
        }
        int epoch = position.epoch;
        boolean classification = Accuracy.applies(network.outputs(), source.targetCount());
        int batches = source.rows().isPresent()
                ? (int) Math.min(Integer.MAX_VALUE, (source.rows().getAsLong() + config.batchSize() - 1)
                        / config.batchSize())
                : 0;
        long start = System.nanoTime();
        long rowsHere = 0;
        try (BatchStream stream = source.open(new BatchSource.Pass(epoch, config.batchSize(), shuffling(epoch)))) {
            long skipped = stream.skip(position.batch);
            if (skipped != position.batch) {
                throw new IllegalStateException(source.describe() + " gave " + skipped + " batches in epoch " + epoch
                        + ", but the run had already taken " + position.batch + "; resume with the same data");
            }
            while (stream.hasNext()) {
                Batch batch = stream.next();
                double loss = step(batch);
                OptionalDouble accuracy = OptionalDouble.empty();
                if (classification) {
                    int right = counter.correct(backpropagationOutput(), batch);
                    position.correct += right;
                    accuracy = OptionalDouble.of((double) right / batch.rows());
                }
                position.lossSum += loss * batch.rows();
                position.rows += batch.rows();
                position.batch++;
                rowsHere += batch.rows();
                double seconds = (System.nanoTime() - start) / 1e9;
                BatchResult result = new BatchResult(epoch, (int) position.batch, batches, batch.rows(), loss, accuracy,
                        rowsHere / Math.max(seconds, 1e-9));
                config.listeners().forEach(listener -> listener.onBatchEnd(result));
                if (stopRequested || config.listeners().stream().anyMatch(TrainingListener::stopRequested)) {
                    stopRequested = true;
                    stopped = true;
                    if (!stream.hasNext()) {
                        break;
                    }
                    LOG.info("training stopped on request after epoch {}, batch {}", epoch, position.batch);
                    return Optional.empty();
                }
            }
        }
        if (position.rows == 0) {
            throw new IllegalArgumentException(source.describe() + " gave no batches in epoch " + epoch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        OptionalDouble validationLoss = OptionalDouble.empty();
        OptionalDouble validationAccuracy = OptionalDouble.empty();
        if (validation.isPresent()) {
            Evaluation evaluation = Evaluator.evaluate(backpropagation, validationTensors, validation.get(),
                    config.batchSize());
            validationLoss = OptionalDouble.of(evaluation.loss());
            validationAccuracy = evaluation.accuracy();
        }
        EpochResult result = new EpochResult(epoch, position.lossSum / position.rows,
                classification ? OptionalDouble.of((double) position.correct / position.rows) : OptionalDouble.empty(),
                validationLoss, validationAccuracy, seconds, rowsHere / Math.max(seconds, 1e-9));
        position.completed.add(result);
        position.nextEpoch();
        config.listeners().forEach(listener -> listener.onEpochEnd(result));
        stopping.stopAfter(result);
        return Optional.of(result);
    }

    /**
     * Runs the remaining epochs of the configuration over {@code source}, until the last, early stopping, or a request
     * to stop (a request at an epoch's last batch ends the run after that epoch); returns every completed epoch of the run (those before a restored checkpoint included).
     */
    public TrainingHistory fit(BatchSource source) {
        LOG.info("training {} on {}: {} epochs, batch {}, loss {}, optimizer {}, schedule {}, penalties {}, "
                + "clipping {}{}", network, source.describe(), config.epochs(), config.batchSize(),
                config.loss().spec(), config.optimizer().spec(), config.schedule().spec(), config.regularization(),
                config.clipping(), backpropagation.usesFusedOutputGradient() ? ", fused output gradient" : "");
        while (!finished()) {
            if (epoch(source).isEmpty() || stopRequested) {
                break;
            }
        }
        return history();
    }

    /** The epochs completed so far, and the early-stopping outcome. */
    public TrainingHistory history() {
        return new TrainingHistory(position.completed, stopping.stopped(), stopping.bestEpoch());
    }

    /** Whether every configured epoch has run or early stopping ended training. */
    public boolean finished() {
        return stopping.stopped() || position.epoch > config.epochs();
    }

    /** Asks training to stop after the current batch; safe to call from any thread (a signal handler). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether a stop was requested and not yet cleared by the next {@link #epoch} after the stop. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** The current epoch, from 1; {@code epochs + 1} when all have run. */
    public int currentEpoch() {
        return position.epoch;
    }

    /** The batches of the current epoch already taken. */
    public long batchInEpoch() {
        return position.batch;
    }

    /** The optimizer updates made so far: the schedule's position ({@code t} of the next step's rate). */
    public long optimizerSteps() {
        return update.steps();
    }

    /** The learning rate the schedule gives the next step. */
    public double nextLearningRate() {
        return config.schedule().rate(update.steps(), config.optimizer().learningRate());
    }

    /** The optimizer's state of every parameter, in parameter order; live (a step changes it). */
    public List<OptimizerState> optimizerStates() {
        return update.states();
    }

    /** The number of trainable numbers, the length of {@link #parameterValues()}. */
    public long parameterCount() {
        return network.parameterCount();
    }

    /** Every parameter's values, in the order of {@link Network#parameters()}, each row-major. */
    public double[] parameterValues() {
        return flatten(parameters.stream().map(Parameter::value).toList());
    }

    /** Sets every parameter from {@code values}, laid out as {@link #parameterValues()}. */
    public void setParameterValues(double[] values) {
        unflatten(values, parameters.stream().map(Parameter::value).toList(), "parameter");
    }

    /** Every non-trainable state value (batch_norm's running statistics), in the order of {@link Network#state()}. */
    public double[] stateValues() {
        return flatten(network.state().stream().map(State::value).toList());
    }

    /** Sets the non-trainable state from {@code values}, laid out as {@link #stateValues()}. */
    public void setStateValues(double[] values) {
        unflatten(values, network.state().stream().map(State::value).toList(), "state");
    }

    /** Loads the batch, runs forward, checks the loss and runs backward; the loss is left in {@link #lastLoss}. */
    private void forwardBackward(Batch batch) {
        BatchTensors.Loaded xy = tensors.load(batch);
        Trace trace = backpropagation.forward(xy.x(), ForwardContext.training(noise.split()));
        noiseDraws++;
        double loss = backpropagation.loss(trace, xy.y());
        if (!Double.isFinite(loss)) {
            throw Divergence.diverged(position.epoch, (int) position.batch + 1, loss, trace, network, config);
        }
        backpropagation.backward(trace, xy.y());
        lastLoss = loss;
        lastTrace = trace;
    }

    private Tensor backpropagationOutput() {
        return lastTrace.activation(lastTrace.layers());
    }

    /** Penalties, clipping and the optimizer on the gradients in place; returns the penalty. */
    private double applyInPlace() {
        Gradients gradients = backpropagation.gradients();
        double penalty = config.regularization().apply(network, gradients);
        config.clipping().clip(gradients);
        update.apply(gradients);
        return penalty;
    }

    private Optional<SplittableRandom> shuffling(int epoch) {
        if (!config.shuffle()) {
            return Optional.empty();
        }
        SplittableRandom shuffling = new SplittableRandom(config.seed()).split();
        for (int e = 1; e < epoch; e++) {
            shuffling.split();
        }
        return Optional.of(shuffling.split());
    }

    private static SplittableRandom noiseGenerator(long seed, long draws) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        SplittableRandom noise = root.split();
        for (long d = 0; d < draws; d++) {
            noise.split();
        }
        return noise;
    }

    private void requireInputs(int featureCount) {
        if (featureCount != network.inputs()) {
            throw new IllegalArgumentException("the data has " + featureCount + " features per row but the network "
                    + "takes " + network.inputs() + " inputs");
        }
    }

    private static double[] flatten(List<Tensor> tensors) {
        long total = tensors.stream().mapToLong(t -> t.shape().size()).sum();
        double[] flat = new double[Math.toIntExact(total)];
        int at = 0;
        for (Tensor tensor : tensors) {
            double[] values = tensor.toDoubleArray();
            System.arraycopy(values, 0, flat, at, values.length);
            at += values.length;
        }
        return flat;
    }

    private static void unflatten(double[] flat, List<Tensor> tensors, String what) {
        long total = tensors.stream().mapToLong(t -> t.shape().size()).sum();
        if (flat.length != total) {
            throw new IllegalArgumentException("the network has " + total + " " + what + " values, got " + flat.length);
        }
        int at = 0;
        for (Tensor tensor : tensors) {
            double[] values = new double[(int) tensor.shape().size()];
            System.arraycopy(flat, at, values, 0, values.length);
            at += values.length;
            tensor.backend().assign(values, tensor);
        }
    }

    /**
     * Saves everything needed to continue this run to {@code path}, atomically ({@link CheckpointFile}), with the
     * application's {@code metadata} (preprocessing, data file names).
     */
    public void saveCheckpoint(Path path, Map<String, String> metadata) throws IOException {
        CheckpointFile.save(this, metadata, path);
    }

    /**
     * Continues the run saved at {@code path}: this session must be built from the same architecture and
     * configuration. Returns the application's metadata. Training on from here gives, bit for bit, the weights of the
     * run that was never interrupted (same backend, dtype and threads, and the same data).
     *
     * @throws CheckpointException when the file is corrupt or from another run; the session is then unchanged
     */
    public Map<String, String> restoreCheckpoint(Path path) throws IOException {
        return CheckpointFile.restore(this, path);
    }

    // Package access for checkpoints.

    SessionPosition position() {
        return position;
    }

    long noiseDraws() {
        return noiseDraws;
    }

    void restoreNoiseDraws(long draws) {
        noiseDraws = draws;
        noise = noiseGenerator(config.seed(), draws);
    }

    OptimizerStep update() {
        return update;
    }

    EarlyStopping stopping() {
        return stopping;
    }

    /** Where a session is: epoch, batch, and the running sums of the current epoch; completed epochs. */
    static final class SessionPosition {
        int epoch = 1;
        long batch;
        double lossSum;
        long correct;
        long rows;
        final List<EpochResult> completed = new ArrayList<>();

        void nextEpoch() {
            epoch++;
            batch = 0;
            lossSum = 0;
            correct = 0;
            rows = 0;
        }
    }
}
