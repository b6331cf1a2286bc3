package dev.chainrule.quality;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The architecture rules over the main classes of every module on this module's class path. */
@AnalyzeClasses(packages = "dev.chainrule", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule implementationModulesDependOnCoreOnly =
            ArchitectureRules.IMPLEMENTATION_MODULES_DEPEND_ON_CORE_ONLY;

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = ArchitectureRules.CORE_DEPENDS_ON_NO_OTHER_MODULE;

    @ArchTest
    static final ArchRule implementationModulesUseOnlyCoresPluginApi =
            ArchitectureRules.IMPLEMENTATION_MODULES_USE_ONLY_CORES_PLUGIN_API;

    @ArchTest
    static final ArchRule noPackageCyclesInCore = ArchitectureRules.NO_PACKAGE_CYCLES_IN_CORE;

    @ArchTest
    static final ArchRule spiTypesAreInterfaces = ArchitectureRules.SPI_TYPES_ARE_INTERFACES;

    @ArchTest
    static final ArchRule libraryCodeDoesNotPrint = ArchitectureRules.LIBRARY_CODE_DOES_NOT_PRINT;
}
