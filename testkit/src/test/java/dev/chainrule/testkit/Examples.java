package dev.chainrule.testkit;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.fixtures.Arctan;
import dev.chainrule.testkit.fixtures.CountingDescent;
import dev.chainrule.testkit.fixtures.Descent;
import dev.chainrule.testkit.fixtures.HalfSquaredDistance;
import dev.chainrule.testkit.fixtures.SineForTanh;
import dev.chainrule.testkit.fixtures.Unregistered;
import dev.chainrule.testkit.fixtures.WrongSlope;

/**
 * Test classes as plugin authors write them, one per fixture. Surefire does not run nested classes by itself; the
 * kit's own tests run them through the JUnit Platform's {@code EngineTestKit} and inspect what passed and failed.
 */
final class Examples {

    private Examples() {
    }

    static final class ArctanTest implements ActivationContract {
        @Override
        public Activation activation() {
            return new Arctan();
        }
    }

    static final class WrongSlopeTest implements ActivationContract {
        @Override
        public Activation activation() {
            return new WrongSlope();
        }
    }

    static final class UnregisteredTest implements ActivationContract {
        @Override
        public Activation activation() {
            return new Unregistered();
        }
    }

    static final class HalfSquaredDistanceTest implements LossContract {
        @Override
        public Loss loss() {
            return new HalfSquaredDistance();
        }
    }

    static final class WrongDistanceTest implements LossContract {
        @Override
        public Loss loss() {
            return new HalfSquaredDistance.Wrong();
        }
    }

    static final class DescentTest implements OptimizerContract {
        @Override
        public Optimizer optimizer() {
            return new Descent();
        }
    }

    static final class CountingDescentTest implements OptimizerContract {
        @Override
        public Optimizer optimizer() {
            return new CountingDescent();
        }
    }

    static final class PlainBackendTest implements TensorBackendContract {
        @Override
        public TensorBackend backend() {
            return Backends.reference();
        }
    }

    static final class SineForTanhBackendTest implements TensorBackendContract {
        @Override
        public TensorBackend backend() {
            return SineForTanh.BACKEND;
        }
    }
}
