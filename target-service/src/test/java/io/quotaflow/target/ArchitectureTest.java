package io.quotaflow.target;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.quotaflow.testsupport.ServiceArchitecture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The boundaries of target-service: those every service keeps ({@link ServiceArchitecture}, with
 * {@code decomposition} as its domain), and its own: a domain of nothing but the JDK, capabilities that only
 * look one way, thin adapters.
 */
@AnalyzeClasses(packages = "io.quotaflow.target", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceBoundaries = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule decompositionIsTheDomain = ServiceArchitecture.domainIsFrameworkFree("..target.decomposition..");

    @ArchTest
    static final ArchRule decompositionIsPureJava = classes().that().resideInAPackage("..target.decomposition..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..target.decomposition..")
            .because("the decomposition engine is pure functions over plain records, testable without Spring");

    @ArchTest
    static final ArchRule orgDoesNotKnowPlans = noClasses().that().resideInAPackage("..target.org..")
            .should().dependOnClassesThat().resideInAPackage("..target.plan..")
            .because("plans are decomposed over the org, never the other way round");

    @ArchTest
    static final ArchRule applicationDoesNotKnowWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..target..web..")
            .because("web adapters call the application, not the reverse");

    @ArchTest
    static final ArchRule controllersLiveInWebAdapters = classes().that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule repositoriesStayInTheirCapability = classes().that().areAnnotatedWith(Repository.class)
            .should().notBePublic()
            .because("a capability's storage is its own; others go through its service");

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);

}
