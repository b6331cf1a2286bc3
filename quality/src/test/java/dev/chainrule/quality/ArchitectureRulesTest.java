package dev.chainrule.quality;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule fails on a deliberately wrong class ({@code dev.chainrule.fixtureplugin} and the
 * {@code dev.chainrule.core.fixture*} packages of this module's tests), naming the class, what it did and what to do
 * instead, so that a rule which can no longer fail would be noticed.
 */
class ArchitectureRulesTest {

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("dev.chainrule.fixtureplugin",
                "dev.chainrule.core.fixtureup", "dev.chainrule.core.fixturedown", "dev.chainrule.core.fixturespi");
    }

    static Stream<Arguments> wrongClasses() {
        return Stream.of(
                Arguments.of(ArchitectureRules.IMPLEMENTATION_MODULES_DEPEND_ON_CORE_ONLY,
                        "BorrowsAnotherModule", "module fixtureplugin uses module activations",
                        "move what two modules share into core's API"),
                Arguments.of(ArchitectureRules.IMPLEMENTATION_MODULES_USE_ONLY_CORES_PLUGIN_API,
                        "DrivesTheTrainer", "dev.chainrule.core.training.Trainer",
                        "take what you need as an argument of the SPI method"),
                Arguments.of(ArchitectureRules.CORE_DEPENDS_ON_NO_OTHER_MODULE,
                        "dev.chainrule.core.fixturedown.Down", "dev.chainrule.activations.ReLU",
                        "register its implementation with @AutoService"),
                Arguments.of(ArchitectureRules.NO_PACKAGE_CYCLES_IN_CORE,
                        "core.fixtureup", "core.fixturedown", "move the shared type down"),
                Arguments.of(ArchitectureRules.SPI_TYPES_ARE_INTERFACES,
                        "ClassSpi", "is no interface", "keep it an interface"),
                Arguments.of(ArchitectureRules.LIBRARY_CODE_DOES_NOT_PRINT,
                        "Prints", "java.lang.System.out", "library code logs through SLF4J"));
    }

    @ParameterizedTest
    @MethodSource("wrongClasses")
    void aRuleRefusesAWrongClassAndSaysWhatToDoInstead(ArchRule rule, String culprit, String what, String advice) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(fixtures));
        String message = failure.getMessage();
        assertAll(() -> assertTrue(message.contains(culprit), () -> "names " + culprit + ": " + message),
                () -> assertTrue(message.contains(what), () -> "says " + what + ": " + message),
                () -> assertTrue(message.contains(advice), () -> "advises '" + advice + "': " + message));
    }

    @ParameterizedTest
    @MethodSource("wrongClasses")
    void theRightClassesPassTheSameRule(ArchRule rule) {
        JavaClasses core = new ClassFileImporter().importPackages("dev.chainrule.core.plugin",
                "dev.chainrule.core.tensor", "dev.chainrule.activations");
        assertFalse(rule.allowEmptyShould(true).evaluate(core).hasViolation(), rule::getDescription);
    }
}
