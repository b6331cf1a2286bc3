package dev.chainrule.quality;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Optional;

/**
 * The architecture of DESIGN.md as rules that run in the build ({@link ArchitectureTest}). Each rule says, when it
 * fails, what to do instead. Modules are told apart by package ({@link Modules}).
 */
final class ArchitectureRules {

    private static final String PLUGIN = "dev.chainrule.core.plugin.Plugin";

    /** Core's machinery, which drives plugins and which a plugin never calls: the facade, training, wiring, files. */
    private static final String[] CORE_MACHINERY = {"dev.chainrule.core", "dev.chainrule.core.training..",
        "dev.chainrule.core.wiring..", "dev.chainrule.core.io..", "dev.chainrule.core.gradcheck..",
        "dev.chainrule.core.inference.."};

    /** Implementation modules (plugins, backends, layers) depend on core, and on no other module. */
    static final ArchRule IMPLEMENTATION_MODULES_DEPEND_ON_CORE_ONLY = classes()
            .that(areInAnImplementationModule())
            .should(dependOnNoModuleButCoreAndTheirOwn())
            .because("an implementation module is a plugin of core and must be usable alone: move what two modules "
                    + "share into core's API, or let one find the other through core's plugin registry "
                    + "(ServiceLoader); a module that combines others sits on top (name it in Modules.ON_TOP)");

    /** Core depends on no other module; it meets implementations only through ServiceLoader. */
    static final ArchRule CORE_DEPENDS_ON_NO_OTHER_MODULE = noClasses()
            .that().resideInAPackage("dev.chainrule.core..")
            .should().dependOnClassesThat(resideInAPackage("dev.chainrule..")
                    .and(not(resideInAPackage("dev.chainrule.core.."))))
            .because("core meets an implementation only through ServiceLoader: declare what core needs as an "
                    + "interface in core and let the module register its implementation with @AutoService");

    /** Implementation modules use core's plugin API, never the machinery that drives plugins. */
    static final ArchRule IMPLEMENTATION_MODULES_USE_ONLY_CORES_PLUGIN_API = noClasses()
            .that(areInAnImplementationModule())
            .should().dependOnClassesThat(resideInAnyPackage(CORE_MACHINERY))
            .because("an implementation module implements core's SPIs (the activation, loss, optimizer, schedule, "
                    + "tensor, network and plugin packages); the facade, training, inference, wiring, model files and "
                    + "gradient checking drive plugins and are not their API: take what you need as an argument of the "
                    + "SPI method, or add it to the SPI");

    /** No package of core reaches back up to a package that depends on it. */
    static final ArchRule NO_PACKAGE_CYCLES_IN_CORE = slices()
            .matching("dev.chainrule.core.(*)..").namingSlices("core.$1")
            .should().beFreeOfCycles()
            .ignoreDependency("dev.chainrule.core.activation.Activation", "dev.chainrule.core.tensor.Parameter")
            .because("a package of core must not reach back up to one that depends on it: move the shared type "
                    + "down into the lower package, or let the lower package declare an interface that the upper "
                    + "one implements");

    /** The kinds of plugin (Plugin and what extends it directly) are interfaces. */
    static final ArchRule SPI_TYPES_ARE_INTERFACES = classes()
            .that().resideInAPackage("dev.chainrule.core..").and(areKindsOfPlugin())
            .should().beInterfaces()
            .because("an SPI is the contract a plugin implements: keep it an interface, with shared code in default "
                    + "methods or in a helper class beside it (as ScalarActivation is), so that a plugin is free to "
                    + "extend what it likes and a test can mock it");

    /** Library code logs; only the command-line tools print. */
    static final ArchRule LIBRARY_CODE_DOES_NOT_PRINT = noClasses()
            .that(areInALibraryModule())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("library code logs through SLF4J (private static final Logger LOG = "
                    + "LoggerFactory.getLogger(...)) or returns the text to its caller; only the command-line tools "
                    + "print (Modules.TOOLS)");

    private ArchitectureRules() {
    }

    private static Optional<String> moduleOf(JavaClass javaClass) {
        return Modules.of(javaClass.getPackageName());
    }

    private static DescribedPredicate<JavaClass> areInAnImplementationModule() {
        return describe("are in an implementation module",
                javaClass -> moduleOf(javaClass).filter(Modules::isImplementation).isPresent());
    }

    private static DescribedPredicate<JavaClass> areInALibraryModule() {
        return describe("are in a library module (not a command-line tool)",
                javaClass -> moduleOf(javaClass).filter(module -> !Modules.TOOLS.contains(module)).isPresent());
    }

    private static DescribedPredicate<JavaClass> areKindsOfPlugin() {
        return describe("are Plugin or extend it directly", javaClass -> javaClass.getName().equals(PLUGIN)
                || javaClass.getRawInterfaces().stream().anyMatch(type -> type.getName().equals(PLUGIN))
                || javaClass.getRawSuperclass().filter(type -> type.getName().equals(PLUGIN)).isPresent());
    }

    private static ArchCondition<JavaClass> dependOnNoModuleButCoreAndTheirOwn() {
        return new ArchCondition<>("depend on no module but core and their own") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = moduleOf(origin).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    moduleOf(dependency.getTargetClass())
                            .filter(target -> !target.equals(own) && !target.equals(Modules.CORE))
                            .ifPresent(target -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " (module " + own + " uses module " + target
                                            + ")")));
                }
            }
        };
    }
}
