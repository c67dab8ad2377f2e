package io.quotaflow.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.quotaflow.kpi.archfixture.domain.Pace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared service rules find what they forbid, and only that (fixtures under {@code io.quotaflow.kpi.archfixture}). */
class ServiceArchitectureTest {

    private final JavaClasses kpi = new ClassFileImporter().importPackages("io.quotaflow.kpi.archfixture");

    @Test
    void shouldFindADomainClassThatUsesAFramework() {
        assertThat(violations(ServiceArchitecture.domainPackagesAreFrameworkFree))
                .contains("SpringAwarePace").doesNotContain("domain.Pace.").doesNotContain("Funnel");
    }

    @Test
    void shouldHoldThePackagesAServiceNamesToTheDomainRuleToo() {
        assertThat(violations(ServiceArchitecture.domainIsFrameworkFree("..archfixture.model..")))
                .contains("Funnel").contains("org.apache.kafka");
    }

    @Test
    void shouldFindAServiceUsingAnotherServicesCode() {
        assertThat(violations(ServiceArchitecture.noServiceUsesAnotherServicesCode))
                .contains("PlanPeek").contains("io.quotaflow.target").doesNotContain("PinnedTime");
    }

    @Test
    void shouldFindCodeSharedOutsideEventsAndPlatform() {
        assertThat(violations(ServiceArchitecture.servicesShareOnlyTheSharedModules))
                .contains("PinnedTime").contains("PlanPeek").doesNotContain("domain.Pace.");
    }

    @Test
    void shouldPassAServiceThatKeepsItsBoundaries() {
        JavaClasses clean = new ClassFileImporter().importClasses(Pace.class);

        assertThat(ServiceArchitecture.domainPackagesAreFrameworkFree.evaluate(clean).hasViolation()).isFalse();
        assertThat(ServiceArchitecture.noServiceUsesAnotherServicesCode.evaluate(clean).hasViolation()).isFalse();
        assertThat(ServiceArchitecture.servicesShareOnlyTheSharedModules.evaluate(clean).hasViolation()).isFalse();
    }

    private String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(kpi);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
