package io.quotaflow.testsupport.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property-based test: a JUnit test method that takes a {@link java.util.random.RandomGenerator}, draws its
 * inputs from it (with {@link Draw} or the generator's own methods) and asserts an invariant.
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void anyDeliveryOrderGivesTheSameAggregates(RandomGenerator random) {
 *     List<DealClosed> deals = Draw.listOf(random, 1, 30, DealClosedMother::random);
 *
 *     List<DealClosed> delivered = Draw.shuffledWithRepeats(random, deals);
 *
 *     assertThat(aggregate(delivered)).isEqualTo(aggregate(deals));
 * }
 * }</pre>
 *
 * <p><b>Seeds and tries.</b> The method runs {@link #tries()} times under each seed of {@link Seeds#forThisRun()}:
 * the fixed seeds (the same inputs in every build, so what they catch fails every build) and one fresh seed
 * per test JVM (new inputs each run). Each seed is one invocation of the test, named after it. Every try gets
 * its own generator, split from the seed, so a seed and a try number name the inputs exactly.
 *
 * <p><b>Failure.</b> The first failing try stops the property with a {@link PropertyFailure} that names the
 * seed and the try, and says how to run that seed again ({@code -Dquotaflow.seed=<seed>}); its cause is the
 * original assertion error. There is no shrinking: say in the assertion's description what was drawn when
 * that helps (AssertJ {@code as(...)}).
 *
 * <p><b>Discarded tries.</b> A try that aborts (JUnit {@code Assumptions.assumeTrue(false)} or
 * {@code Assumptions.abort(...)}) is discarded: it counts as a try but checks nothing. A property that
 * discards more than {@value PropertyRunner#MAX_DISCARDS_PER_CHECK} tries per checked one fails: its
 * inputs are mostly wasted.
 *
 * <p><b>Lifecycle.</b> {@code @BeforeEach} and {@code @AfterEach} run once per seed, not per try; keep the
 * tries free of state that one try leaves for the next.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(PropertyExtension.class)
public @interface Property {

    /** How many tries under each seed; {@code -Dquotaflow.tries=<n>} overrides it for every property. */
    int tries() default 100;
}
