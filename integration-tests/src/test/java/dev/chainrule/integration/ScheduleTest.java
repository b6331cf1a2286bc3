package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.schedule.LearningRateSchedule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schedule gives its documented rates at chosen steps, worked by hand; specs round-trip, nested ones too. */
class ScheduleTest {

    @Test
    void constantKeepsTheBaseRate() {
        assertRates("constant", 0.1, 0, 0.1, 1_000_000, 0.1);
        assertEquals("constant", LearningRateSchedule.constant().spec().toString());
    }

    @Test
    void stepDecay() {
        // 0.8 * 0.5^floor(t / 10): t = 9 -> 0.8, t = 10 -> 0.4, t = 25 -> 0.8 * 0.25 = 0.2, t = 30 -> 0.1
        assertRates("step(step_size=10, gamma=0.5)", 0.8, 0, 0.8, 9, 0.8, 10, 0.4, 25, 0.2, 30, 0.1);
    }

    @Test
    void multiStepDecay() {
        // milestones 5 and 15: 1 before step 5, 0.1 from step 5, 0.01 from step 15
        assertRates("multi_step(milestones=[5, 15], gamma=0.1)", 1, 4, 1, 5, 0.1, 14, 0.1, 15, 0.01, 100, 0.01);
        assertRates("multi_step(milestones=[], gamma=0.1)", 1, 0, 1, 100, 1);
    }

    @Test
    void exponentialDecay() {
        // 1 * 0.5^t
        assertRates("exponential(gamma=0.5)", 1, 0, 1, 1, 0.5, 3, 0.125);
    }

    @Test
    void inverseTimeDecay() {
        // 0.3 / (1 + 0.5 t / 10): t = 5 -> 0.3 / 1.25 = 0.24, t = 10 -> 0.3 / 1.5 = 0.2, t = 20 -> 0.3 / 2 = 0.15
        assertRates("inverse_time(decay_rate=0.5, decay_steps=10)", 0.3, 0, 0.3, 5, 0.24, 10, 0.2, 20, 0.15);
        // staircase: t / 10 rounded down, so t = 5 -> 0.3 and t = 15 -> 0.3 / 1.5 = 0.2
        assertRates("inverse_time(decay_rate=0.5, decay_steps=10, staircase=true)", 0.3, 5, 0.3, 15, 0.2);
    }

    @Test
    void polynomialDecay() {
        // (0.5 - 0.1) * (1 - t / 10)^2 + 0.1: t = 5 -> 0.4 * 0.25 + 0.1 = 0.2; t = 10 and later -> 0.1
        assertRates("polynomial(total_iters=10, power=2, end_lr=0.1)", 0.5, 0, 0.5, 5, 0.2, 10, 0.1, 20, 0.1);
        // the defaults power 1 and end_lr 0 are PyTorch's PolynomialLR: 1 * (1 - 1 / 4) = 0.75
        assertRates("polynomial(total_iters=4)", 1, 1, 0.75, 4, 0, 9, 0);
    }

    @Test
    void cosineAnnealing() {
        // 0.1 + (1.1 - 0.1) * (1 + cos(pi t / 100)) / 2: t = 25 -> 0.1 + (1 + 0.7071067812) / 2 = 0.9535533906,
        // t = 50 -> 0.1 + 0.5 = 0.6, t = 100 and later -> 0.1
        assertRates("cosine(t_max=100, eta_min=0.1)", 1.1, 0, 1.1, 25, 0.9535533906, 50, 0.6, 100, 0.1, 200, 0.1);
        assertRates("cosine_annealing(t_max=100)", 1, 50, 0.5);
    }

    @Test
    void warmupThenAnotherSchedule() {
        // 1 * (0.5 + 0.5 t / 10) for t < 10: t = 0 -> 0.5, t = 4 -> 0.7, t = 9 -> 0.95;
        // then step(step_size=5, gamma=0.5) from its own step 0: t = 10 -> 1, t = 14 -> 1, t = 15 -> 0.5
        assertRates("warmup(steps=10, start_factor=0.5, then=step(step_size=5, gamma=0.5))", 1,
                0, 0.5, 4, 0.7, 9, 0.95, 10, 1, 14, 1, 15, 0.5);
        // the default start_factor 0.1 and then=constant: t = 2 of 4 -> 0.1 + 0.9 * 0.5 = 0.55, t = 4 -> 1
        assertRates("warmup(steps=4)", 1, 0, 0.1, 2, 0.55, 4, 1, 1000, 1);
        // the closed ends of start_factor: 0 starts from nothing, 1 is no warmup at all
        assertRates("warmup(steps=4, start_factor=0)", 1, 0, 0, 2, 0.5);
        assertRates("warmup(steps=4, start_factor=1)", 0.2, 0, 0.2, 3, 0.2);
        // the next schedule takes over at step 4 exactly, from its own step 0: one_cycle starts at 1 / 10
        assertRates("warmup(steps=4, then=one_cycle(total_steps=44, pct_start=0.25, div_factor=10))", 1, 3, 0.775,
                4, 0.1);
    }

    @Test
    void oneCycle() {
        // peak at step 0.25 * 44 - 1 = 10; start 1 / 10 = 0.1; end 0.1 / 100 = 0.001 at step 43.
        // cos: t = 5 -> 1 + (0.1 - 1) * (1 + cos(pi / 2)) / 2 = 0.55;
        //      t = 21 (a third of the way down) -> 0.001 + 0.999 * (1 + cos(pi / 3)) / 2 = 0.001 + 0.999 * 0.75 = 0.75025
        String cos = "one_cycle(total_steps=44, pct_start=0.25, div_factor=10, final_div_factor=100)";
        assertRates(cos, 1, 0, 0.1, 5, 0.55, 10, 1, 21, 0.75025, 43, 0.001, 100, 0.001);
        // linear: t = 5 -> 0.1 + 0.9 * 0.5 = 0.55; t = 21 -> 1 - 0.999 / 3 = 0.667
        String linear = "one_cycle(total_steps=44, pct_start=0.25, div_factor=10, final_div_factor=100, "
                + "anneal_strategy=linear)";
        assertRates(linear, 1, 0, 0.1, 5, 0.55, 10, 1, 21, 0.667, 43, 0.001);
    }

    static Stream<LearningRateSchedule> schedules() {
        return Registries.PLUGINS.schedules().entries().stream().map(PluginEntry::plugin);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void specsRoundTripAndRatesAreFiniteAndNonNegative(LearningRateSchedule schedule) {
        LearningRateSchedule again = Registries.PLUGINS.schedules().create(schedule.spec().toString());
        assertEquals(schedule.spec(), again.spec());
        assertEquals(schedule.spec().toString(), schedule.toString());
        for (long step : new long[] {0, 1, 10, 99, 100, 999, 1000, 5000, 1_000_000}) {
            double rate = schedule.rate(step, 0.01);
            assertTrue(Double.isFinite(rate) && rate >= 0, schedule + " at step " + step + " gives " + rate);
        }
    }

    @Test
    void theBuiltInSchedulesAreRegistered() {
        assertTrue(Registries.PLUGINS.schedules().names().containsAll(List.of("constant", "step", "multi_step",
                "exponential", "inverse_time", "polynomial", "cosine", "warmup", "one_cycle")),
                Registries.PLUGINS.schedules().names().toString());
    }

    @Test
    void nestedSpecsResolveToTheirCanonicalForm() {
        LearningRateSchedule schedule = Registries.PLUGINS.schedules().create("warmup(steps=100, then=cosine(t_max=1000))");
        assertEquals("warmup(steps=100, start_factor=0.1, then=cosine(t_max=1000, eta_min=0.0))",
                schedule.spec().toString());
        LearningRateSchedule deeper = Registries.PLUGINS.schedules().create(
                "warmup(steps=10, then=warmup(steps=5, then=multi_step(milestones=[3, 7])))");
        assertEquals(deeper.spec(), Registries.PLUGINS.schedules().create(deeper.spec().toString()).spec());
        assertEquals("warmup(steps=10, start_factor=0.1, then=warmup(steps=5, start_factor=0.1, "
                + "then=multi_step(milestones=[3, 7], gamma=0.1)))", deeper.spec().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "step(step_size=0)                    | step: parameter step_size must be >= 1, got 0",
        "exponential(gamma=0)                 | exponential: parameter gamma must be > 0 and finite, got 0",
        "cosine(eta_min=-1)                   | cosine: parameter eta_min must be >= 0 and finite, got -1",
        "multi_step(milestones=[15, 5])       | multi_step: parameter milestones must increase, got [15, 5]",
        "warmup(start_factor=2)               | warmup: parameter start_factor must lie in [0, 1], got 2",
        "one_cycle(anneal_strategy=cosine)    | one_cycle: parameter anneal_strategy must be one of cos, linear, got cosine",
        "exponential(gamma=Infinity)          | exponential: parameter gamma must be > 0 and finite, got Infinity",
        "cosine(eta_min=Infinity)             | cosine: parameter eta_min must be >= 0 and finite, got Infinity",
        "multi_step(milestones=[5, 5])        | multi_step: parameter milestones must increase, got [5, 5]",
        "one_cycle(pct_start=0)               | one_cycle: parameter pct_start must lie in (0, 1), got 0",
        "one_cycle(pct_start=1)               | one_cycle: parameter pct_start must lie in (0, 1), got 1",
        "one_cycle(total_steps=10, pct_start=0.1) | one_cycle: the peak step pct_start * total_steps - 1 must lie between 0 and total_steps - 1, got 0.0 for pct_start 0.1 and total_steps 10",
    })
    void badParametersAreClearErrors(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.schedules().create(spec));
        assertEquals(message, error.getMessage());
    }

    @Test
    void aNestedScheduleThatIsUnknownSaysSo() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.schedules().create("warmup(then=cosin(t_max=10))"));
        assertTrue(error.getMessage().contains("parameter then") && error.getMessage().contains("did you mean 'cosine'"),
                error.getMessage());
    }

    @Test
    void oneCycleRejectsAPeakOutsideTheCycle() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.schedules().create("one_cycle(total_steps=3, pct_start=0.3)"));
        assertTrue(error.getMessage().startsWith("one_cycle: the peak step"), error.getMessage());
    }

    /** Asserts {@code rate(step, base)} for pairs of step and expected rate, to ten decimals. */
    private static void assertRates(String spec, double base, double... stepsAndRates) {
        LearningRateSchedule schedule = Registries.PLUGINS.schedules().create(spec);
        for (int i = 0; i < stepsAndRates.length; i += 2) {
            long step = (long) stepsAndRates[i];
            assertEquals(stepsAndRates[i + 1], schedule.rate(step, base), 1e-10, spec + " at step " + step);
        }
    }
}
