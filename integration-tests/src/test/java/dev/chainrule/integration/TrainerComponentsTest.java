package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.schedule.LearningRateSchedule;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Penalty;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.testkit.Points;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The trainer applies the schedule, the penalties and the clipping, in that order around the optimizer. */
class TrainerComponentsTest {

    private static final Dataset DATA = TrainingTest.blobs(6, 2);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void theScheduleGivesTheRateOfEveryStepAcrossEpochs(TensorBackend backend) {
        Network network = network(backend, 1);
        List<Double> rates = new ArrayList<>();
        Optimizer recording = new RecordingOptimizer(0.8, rates);
        // 6 rows in batches of 2: 3 steps per epoch, 6 in two epochs; the rate halves every 2 steps.
        new Trainer().fit(network, DATA, TrainingConfig.builder(loss(), recording)
                .schedule(Registries.PLUGINS.schedules().create("step(step_size=2, gamma=0.5)"))
                .epochs(2).batchSize(2).build());
        int parameters = network.parameters().size();
        assertEquals(6 * parameters, rates.size());
        double[] expected = {0.8, 0.8, 0.4, 0.4, 0.2, 0.2};
        for (int step = 0; step < 6; step++) {
            for (int p = 0; p < parameters; p++) {
                assertEquals(expected[step], rates.get(step * parameters + p), 1e-15, "step " + step);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void theReportedLossIncludesThePenalty(TensorBackend backend) {
        Regularization regularization = Regularization.of(new Penalty(0.01, 0.1)).withLayer(2, Penalty.l1(0.3));
        Network reference = network(backend, 7);
        Backpropagation backpropagation = new Backpropagation(reference, loss(), true);
        Tensor[] xy = tensors(backend, DATA);
        double expected = backpropagation.loss(backpropagation.forward(xy[0]), xy[1]) + regularization.value(reference);
        assertTrue(regularization.value(reference) > 0.01, "the penalty should be visible");

        List<BatchResult> batches = new ArrayList<>();
        new Trainer().fit(network(backend, 7), DATA, config("sgd(lr=0.1)").regularization(regularization).epochs(1)
                .batchSize(DATA.size()).shuffle(false).listener(new TrainingListener() {
                    @Override
                    public void onBatchEnd(BatchResult result) {
                        batches.add(result);
                    }
                }).build());
        assertEquals(expected, batches.get(0).loss(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void anL2PenaltyOnEveryParameterIsSgdsCoupledWeightDecay(TensorBackend backend) {
        Network withPenalty = network(backend, 3);
        Network withDecay = network(backend, 3);
        new Trainer().fit(withPenalty, DATA, config("sgd(lr=0.1, momentum=0.9)").regularization(
                Regularization.of(Penalty.l2(0.05)).withKinds(EnumSet.allOf(Parameter.Kind.class))).epochs(3)
                .batchSize(2).build());
        new Trainer().fit(withDecay, DATA, config("sgd(lr=0.1, momentum=0.9, weight_decay=0.05)").epochs(3).batchSize(2)
                .build());
        for (int p = 0; p < withPenalty.parameters().size(); p++) {
            assertArrayEquals(withDecay.parameters().get(p).value().toDoubleArray(),
                    withPenalty.parameters().get(p).value().toDoubleArray(), 1e-14);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void clippingBoundsTheUpdateThatTheOptimizerMakes(TensorBackend backend) {
        Network network = network(backend, 5);
        double[][] before = values(network);
        // With plain SGD at lr = 1, one step moves each element by exactly its clipped gradient: at most 0.001.
        new Trainer().fit(network, DATA, config("sgd(lr=1)").clipping(GradientClipping.byValue(0.001)).epochs(1)
                .batchSize(DATA.size()).build());
        double[][] after = values(network);
        double largest = 0;
        for (int p = 0; p < after.length; p++) {
            for (int i = 0; i < after[p].length; i++) {
                largest = Math.max(largest, Math.abs(after[p][i] - before[p][i]));
            }
        }
        assertEquals(0.001, largest, 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aScheduleThatGivesANegativeRateIsAnError(TensorBackend backend) {
        LearningRateSchedule broken = new LearningRateSchedule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double rate(long step, double baseRate) {
                return -baseRate;
            }
        };
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Trainer().fit(network(backend, 1),
                DATA, config("sgd(lr=0.1)").schedule(broken).build()));
        assertTrue(error.getMessage().startsWith("the schedule broken gave the learning rate -0.1 for step 0"),
                error.getMessage());
    }

    private static Network network(TensorBackend backend, long seed) {
        return Networks.builder(backend, 2).dense(4, "tanh").dense(3, "sigmoid").dense(2, "softmax").dtype(DType.FLOAT64)
                .seed(seed).build();
    }

    private static dev.chainrule.core.loss.Loss loss() {
        return Registries.PLUGINS.losses().create("categorical_cross_entropy");
    }

    private static TrainingConfig.Builder config(String optimizer) {
        return TrainingConfig.builder(loss(), Registries.PLUGINS.optimizers().create(optimizer));
    }

    private static Tensor[] tensors(TensorBackend backend, Dataset data) {
        double[][] x = new double[data.size()][];
        double[][] y = new double[data.size()][];
        for (int r = 0; r < data.size(); r++) {
            x[r] = data.featureRow(r);
            y[r] = data.targetRow(r);
        }
        return new Tensor[] {Points.of(backend, DType.FLOAT64, x), Points.of(backend, DType.FLOAT64, y)};
    }

    private static double[][] values(Network network) {
        return network.parameters().stream().map(parameter -> parameter.value().toDoubleArray()).toArray(double[][]::new);
    }

    /** Plain gradient descent that records the rate of every call. */
    private record RecordingOptimizer(double learningRate, List<Double> rates) implements Optimizer {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Spec spec() {
            return Spec.of(name());
        }

        @Override
        public void update(Tensor parameter, Tensor gradient, OptimizerState state, double rate) {
            rates.add(rate);
            parameter.backend().addScaled(parameter, -rate, gradient, parameter);
        }
    }
}
