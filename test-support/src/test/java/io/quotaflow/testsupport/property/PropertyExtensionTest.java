package io.quotaflow.testsupport.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small properties through the JUnit engine and checks what {@link Property} reports. The properties
 * under test are the nested classes below; Surefire does not run nested classes on their own.
 */
class PropertyExtensionTest {

    private final Map<String, String> commandLine = new HashMap<>();

    /** Runs with the default seeds and tries, whatever the command line gave this JVM. */
    @BeforeEach
    void setAsideTheCommandLinesSeedsAndTries() {
        for (String property : List.of(Seeds.SEED_PROPERTY, Seeds.TRIES_PROPERTY)) {
            String value = System.clearProperty(property);
            if (value != null) {
                commandLine.put(property, value);
            }
        }
    }

    @AfterEach
    void restoreTheCommandLinesSeedsAndTries() {
        System.clearProperty(Seeds.SEED_PROPERTY);
        System.clearProperty(Seeds.TRIES_PROPERTY);
        commandLine.forEach(System::setProperty);
        Calls.SEEN.clear();
    }

    @Test
    void shouldReportAFailingPropertyWithItsSeedTheTryAndHowToRunItAgain() {
        List<PropertyFailure> failures = failures(run(FailsOnANine.class));

        assertThat(failures).extracting(failure -> failure.seed().origin())
                .containsExactly(Seed.Origin.FIXED, Seed.Origin.FIXED, Seed.Origin.FRESH);
        assertThat(failures).extracting(failure -> failure.seed().value()).startsWith(Seeds.FIXED.toArray(Long[]::new));
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.failedTry()).isBetween(1, 200);
            assertThat(failure).hasMessageStartingWith("Property failed on try " + failure.failedTry() + " of 200 under "
                    + failure.seed() + "; run it again with -Dquotaflow.seed=" + failure.seed().value());
            assertThat(failure).hasMessageContaining("to be less than:");
            assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
        });
    }

    @Test
    void shouldFailOnTheSameTryWhenRunAgainWithThePrintedSeed() {
        PropertyFailure fresh = failures(run(FailsOnANine.class)).get(2);
        System.setProperty(Seeds.SEED_PROPERTY, Long.toString(fresh.seed().value()));

        List<PropertyFailure> again = failures(run(FailsOnANine.class));

        assertThat(again).singleElement().satisfies(failure -> {
            assertThat(failure.seed()).isEqualTo(new Seed(fresh.seed().value(), Seed.Origin.GIVEN));
            assertThat(failure.failedTry()).isEqualTo(fresh.failedTry());
            assertThat(failure.getCause()).hasMessage(fresh.getCause().getMessage());
        });
    }

    @Test
    void shouldRunEveryTryUnderEachSeedWithItsOwnGenerator() {
        Events tests = run(Passes.class);

        assertThat(tests.succeeded().count()).isEqualTo(3);
        assertThat(tests.started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly(Seeds.forThisRun().stream().map(seed -> seed + ", 7 tries").toArray(String[]::new));
        assertThat(Calls.SEEN).hasSize(3 * 7).doesNotHaveDuplicates();
    }

    @Test
    void shouldTakeTheTriesAndSeedsGivenOnTheCommandLine() {
        System.setProperty(Seeds.SEED_PROPERTY, "5, -6");
        System.setProperty(Seeds.TRIES_PROPERTY, "4");

        Events tests = run(Passes.class);

        assertThat(tests.started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly("seed 5 (given), 4 tries", "seed -6 (given), 4 tries");
        assertThat(Calls.SEEN).hasSize(2 * 4);
    }

    @Test
    void shouldFailAPropertyThatDiscardsMostOfItsTries() {
        List<PropertyFailure> failures = failures(run(DiscardsEverything.class));

        assertThat(failures).hasSize(3).allSatisfy(failure -> assertThat(failure)
                .hasMessageStartingWith("Property discarded 10 of 10 tries under " + failure.seed()));
    }

    @Test
    void shouldPassAPropertyThatDiscardsSomeOfItsTries() {
        assertThat(run(DiscardsAQuarter.class).succeeded().count()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAPropertyWithoutAGenerator() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TakesNoGenerator.class))
                .execute().containerEvents();

        assertThat(containers.failed().stream().map(PropertyExtensionTest::throwable))
                .singleElement().isInstanceOf(PreconditionViolationException.class);
    }

    private static Events run(Class<?> properties) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(properties)).execute().testEvents();
    }

    private static List<PropertyFailure> failures(Events tests) {
        return tests.failed().stream().map(PropertyExtensionTest::throwable).map(PropertyFailure.class::cast).toList();
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    static class FailsOnANine {

        @Property(tries = 200)
        void drawsNoNine(RandomGenerator random) {
            assertThat(random.nextInt(10)).isLessThan(9);
        }
    }

    static class Calls {
        static final List<Long> SEEN = Collections.synchronizedList(new ArrayList<>());
    }

    static class Passes {

        @Property(tries = 7)
        void recordsItsFirstDraw(RandomGenerator random) {
            Calls.SEEN.add(random.nextLong());
        }
    }

    static class DiscardsEverything {

        @Property(tries = 10)
        void discards(RandomGenerator random) {
            Assumptions.abort("nothing to check");
        }
    }

    static class DiscardsAQuarter {

        @Property(tries = 100)
        void discardsAQuarter(RandomGenerator random) {
            Assumptions.assumeTrue(random.nextInt(4) != 0);
        }
    }

    static class TakesNoGenerator {

        @Property
        void takesNothing() {
            assertThat(true).isTrue();
        }
    }
}
