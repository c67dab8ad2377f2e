package io.quotaflow.incentive.award;

import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.platform.consumption.Step;
import io.quotaflow.platform.consumption.Steps;
import io.quotaflow.testsupport.crash.CrashHarness;
import io.quotaflow.testsupport.crash.Crashes;
import io.quotaflow.testsupport.property.Draw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one award per (rule, payee, period, tier) through restarts and concurrent instances: the sales ledger
 * of incentive-service, killed after any step of a chunk (twice a run) or racing a second instance on the same
 * partitions, over a stream with duplicates, on the real broker and MongoDB, ends with the same awards and
 * statements as one clean pass.
 */
class AwardsCrashIT {

    static final AtomicInteger RUNS = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(Step.class)
    void shouldPayEachAwardOnceWhenKilledAfterAStep(Step step) {
        Run run = run(Crashes.after(step.name(), 2, 5), false);

        assertThat(run.crashes().crashed()).as("every planned crash happened").isEqualTo(2);
        run.assertSameAsOneCleanPass();
    }

    @Test
    void shouldPayEachAwardOnceWhenTwoInstancesRaceOnTheSamePartitions() {
        Run run = run(Crashes.after(Step.WRITES_PARTIAL.name(), 3).and(Step.JOURNAL_WRITTEN.name(), 4), true);

        run.assertSameAsOneCleanPass();
    }

    private record Run(Crashes crashes, AwardWorld.Outcome outcome, AwardWorld.Outcome reference) {

        void assertSameAsOneCleanPass() {
            assertThat(outcome.awards()).as("standing awards").isEqualTo(reference.awards()).isNotEmpty();
            assertThat(outcome.totals()).as("statement totals").isEqualTo(reference.totals());
            assertThat(outcome.deadLetters()).as("nothing dead-lettered").isZero();
        }
    }

    private Run run(Crashes crashes, boolean race) {
        int number = RUNS.incrementAndGet();
        String name = "incentive-crash-" + number + "-" + UUID.randomUUID().toString().substring(0, 6);
        Random random = new Random(4242L + number);
        AwardsPropertyIT.Inputs inputs;
        List<AwardsPropertyIT.Item> sales;
        do { // enough records for every planned crash to come
            inputs = AwardsPropertyIT.Inputs.draw(random);
            sales = inputs.all().stream().filter(item -> item.topic().equals(Topics.SALES_ACTIVITIES)).toList();
        } while (sales.size() < 24);

        AwardWorld reference = prepared(name + "-reference", inputs);
        Topic<ActivityEvent> topic = new Topic<>(name, "activity-service", "repId", ActivityEvent.class);
        List<RawRecord> inOrder = new ArrayList<>();
        for (AwardsPropertyIT.Item item : sales) {
            inOrder.add(new RawRecord(name, 0, inOrder.size(), item.envelope().subject(),
                    AwardWorld.CODEC.encode(item.envelope()), Map.of(), 0L));
        }
        reference.ledger(topic, reference.sales(), 1000, Steps.NONE).process(inOrder);

        AwardWorld world = prepared(name, inputs);
        CrashHarness harness = CrashHarness.onNewTopic(AwardWorld.BROKERS, name, 3, 4);
        harness.produce(Draw.shuffledWithRepeats(random, sales).stream()
                .map(item -> new CrashHarness.Input(item.envelope().subject(), AwardWorld.CODEC.encode(item.envelope()),
                        Map.of())).toList());
        Function<Crashes, CrashHarness.ConsumerUnderTest> start = plan -> {
            Ledger<ActivityEvent> ledger = world.ledger(topic, world.sales(), 3,
                    (consumer, topicPartition, reached) -> plan.reached(reached.name()));
            return records -> ledger.process(records.stream().map(RawRecord::from).toList());
        };
        if (race) { // a consumer group of its own: the service's group may be running in this JVM
            harness.race(name, crashes, start);
        } else {
            harness.consume(name, crashes, start);
        }
        return new Run(crashes, world.outcome(), reference.outcome());
    }

    /** A world whose reps already have their targets, as target-service assigns them before the month. */
    private static AwardWorld prepared(String database, AwardsPropertyIT.Inputs inputs) {
        AwardWorld world = new AwardWorld(database);
        List<RawRecord> targets = new ArrayList<>();
        for (AwardsPropertyIT.Item item : inputs.targets()) {
            targets.add(new RawRecord(Topics.TARGETS.name(), 0, targets.size(), item.envelope().subject(),
                    AwardWorld.CODEC.encode(item.envelope()), Map.of(), 0L));
        }
        world.ledger(Topics.TARGETS, world.targets(), 1000, Steps.NONE).process(targets);
        return world;
    }
}
