/**
 * The test kit: JUnit 5 contracts that prove a Chainrule plugin correct. A plugin author adds
 * {@code chainrule-testkit} as a test dependency and writes one test class per plugin that implements
 * {@link dev.chainrule.testkit.ActivationContract}, {@link dev.chainrule.testkit.LossContract},
 * {@link dev.chainrule.testkit.OptimizerContract} or {@link dev.chainrule.testkit.TensorBackendContract} and names the
 * plugin; JUnit runs the contract's checks on every backend on the test class path ({@link
 * dev.chainrule.testkit.Backends}). Chainrule's own built-ins are held to the same contracts.
 *
 * <p>The other public types are the inputs the contracts use, for an author's own tests: {@link
 * dev.chainrule.testkit.Points}, {@link dev.chainrule.testkit.DomainSamples}, {@link dev.chainrule.testkit.LossInputs},
 * {@link dev.chainrule.testkit.Trajectories} and {@link dev.chainrule.testkit.Approx}; {@link
 * dev.chainrule.testkit.AdamStepCheck} holds a backend's fused Adam step to the passes that define it.
 */
package dev.chainrule.testkit;
