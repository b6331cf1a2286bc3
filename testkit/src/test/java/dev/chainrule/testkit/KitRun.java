package dev.chainrule.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * What happened when the JUnit Platform ran one test class: every test (a method or a dynamic test), by its path of
 * display names, with its failure if it failed.
 *
 * @param failures the failed tests, each with its failure's message
 * @param passed   the display paths of the tests that passed
 */
record KitRun(Map<String, String> failures, List<String> passed) {

    static KitRun of(Class<?> testClass) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents().finished().list();
        Map<String, String> failures = finished.stream()
                .filter(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getStatus()
                        != TestExecutionResult.Status.SUCCESSFUL)
                .collect(Collectors.toMap(KitRun::path, KitRun::message, (a, b) -> a + "\n" + b,
                        java.util.TreeMap::new));
        List<String> passed = finished.stream().filter(event -> event.getType() == EventType.FINISHED)
                .filter(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getStatus()
                        == TestExecutionResult.Status.SUCCESSFUL)
                .map(KitRun::path).sorted().toList();
        return new KitRun(failures, passed);
    }

    /** The run's failures, one per line with its message, for assertion messages. */
    String describe() {
        return failures.entrySet().stream().map(failure -> failure.getKey() + ": " + failure.getValue())
                .collect(Collectors.joining("\n")) + "\npassed: " + passed;
    }

    private static String path(Event event) {
        String method = event.getTestDescriptor().getUniqueId().getSegments().stream()
                .filter(segment -> segment.getType().equals("method") || segment.getType().equals("test-factory"))
                .map(segment -> segment.getValue().replaceAll("\\(.*", ""))
                .findFirst().orElse("?");
        return method + " / " + event.getTestDescriptor().getDisplayName();
    }

    private static String message(Event event) {
        Optional<Throwable> thrown = event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable();
        return thrown.map(Throwable::getMessage).orElse("(no message)");
    }
}
