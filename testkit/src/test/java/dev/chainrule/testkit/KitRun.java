package dev.chainrule.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What happened when the JUnit Platform ran one test class: every test (a method or a dynamic test), by its factory or
 * method and its display name, with its failure if it failed.
 *
 * @param failures the failed tests, each with its failure's message
 * @param aborted  the tests whose assumptions did not hold, each with the reason
 * @param passed   the tests that passed
 */
record KitRun(Map<String, String> failures, Map<String, String> aborted, List<String> passed) {

    static KitRun of(Class<?> testClass) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents().finished().list();
        return new KitRun(messages(finished, Status.FAILED), messages(finished, Status.ABORTED),
                finished.stream().filter(event -> status(event) == Status.SUCCESSFUL).map(KitRun::path).sorted()
                        .toList());
    }

    /** The run's failures, one per line with its message, for assertion messages. */
    String describe() {
        return failures.entrySet().stream().map(failure -> failure.getKey() + ": " + failure.getValue())
                .collect(Collectors.joining("\n")) + "\naborted: " + aborted.keySet() + "\npassed: " + passed;
    }

    private static Map<String, String> messages(List<Event> events, Status status) {
        return events.stream().filter(event -> status(event) == status)
                .collect(Collectors.toMap(KitRun::path, KitRun::message, (a, b) -> a + "\n" + b, TreeMap::new));
    }

    private static Status status(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getStatus();
    }

    /** {@code factoryOrMethod / display name}. */
    private static String path(Event event) {
        String method = event.getTestDescriptor().getUniqueId().getSegments().stream()
                .filter(segment -> segment.getType().equals("method") || segment.getType().equals("test-factory"))
                .map(segment -> segment.getValue().replaceAll("\\(.*", ""))
                .findFirst().orElse("?");
        return method + " / " + event.getTestDescriptor().getDisplayName();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().map(Throwable::getMessage)
                .orElse("(no message)");
    }
}
