package io.quotaflow.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries every Quotaflow service keeps, as ArchUnit rules that its {@code ArchitectureTest} runs:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "io.quotaflow.kpi", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests serviceBoundaries = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 *
 * A service whose domain lives in packages not named {@code domain} adds
 * {@link #domainIsFrameworkFree(String...)} for them (target-service: {@code ..target.decomposition..}).
 */
public final class ServiceArchitecture {

    /** The services, by the package under {@code io.quotaflow} that each one's code lives in. */
    public static final List<String> SERVICES = List.of("target", "activity", "kpi", "incentive", "gateway");

    /**
     * The only code services share: the published language, the platform, and what the services and the gateway
     * say alike over HTTP (web-core, package {@code io.quotaflow.web}).
     */
    public static final List<String> SHARED = List.of("events", "platform", "web");

    /** What a domain does without: Spring, MongoDB, Kafka, HTTP, and the adapters that speak them. */
    static final String[] FRAMEWORKS = {"org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
            "jakarta.servlet..", "..web..", "..messaging.."};

    private static final String ROOT = "io.quotaflow.";

    @ArchTest
    public static final ArchRule domainPackagesAreFrameworkFree = domainIsFrameworkFree();

    @ArchTest
    public static final ArchRule noServiceUsesAnotherServicesCode = classes()
            .should(dependOnNothing("use no other service's code", (own, target) ->
                    SERVICES.contains(target) && !target.equals(own)))
            .because("services talk through events and HTTP; what they share lives in events or platform");

    @ArchTest
    public static final ArchRule servicesShareOnlyTheSharedModules = classes()
            .should(dependOnNothing("use no Quotaflow code but their own, events', platform's and web-core's",
                    (own, target) -> !SHARED.contains(target) && !target.equals(own)))
            .because("events is the published language, platform the shared plumbing and web-core the HTTP "
                    + "vocabulary the gateway shares with the services; nothing else is shared");

    private ServiceArchitecture() {
    }

    /**
     * Classes in packages named {@code domain}, and in {@code domainPackages} (ArchUnit patterns such as
     * {@code "..target.decomposition.."}), depend on no framework: plain Java over plain records.
     */
    public static ArchRule domainIsFrameworkFree(String... domainPackages) {
        String[] domains = Stream.concat(Stream.of("..domain.."), Stream.of(domainPackages)).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(domains)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .because("a domain is plain Java, testable without Spring, MongoDB, Kafka or HTTP");
    }

    /** No dependency from a class of one {@code io.quotaflow} part to another for which {@code forbidden} holds. */
    private static ArchCondition<JavaClass> dependOnNothing(String description, BiPredicate<String, String> forbidden) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = partOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = partOf(dependency.getTargetClass());
                    if (own.isPresent() && target.isPresent() && forbidden.test(own.get(), target.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code kpi} for {@code io.quotaflow.kpi.pacing.Pace}: the service or module a class belongs to. */
    private static Optional<String> partOf(JavaClass javaClass) {
        String name = javaClass.getBaseComponentType().getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
