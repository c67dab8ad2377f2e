package io.quotaflow.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The core is shared by servlet services and a reactive gateway, so it may know neither stack (Caffeine, a plain Java
 * cache, holds the validated tokens of both).
 */
@AnalyzeClasses(packages = "io.quotaflow.web", importOptions = ImportOption.DoNotIncludeTests.class)
class StackNeutralityTest {

    @ArchTest
    static final ArchRule plainJavaAndProblemDetailOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.quotaflow.web..", "org.springframework.http",
                    "org.springframework.util.unit", "com.github.benmanes.caffeine.cache..")
            .because("servlet and WebFlux adapters live in platform and gateway; the core says what, not how");
}
