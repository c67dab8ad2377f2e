package io.quotaflow.incentive.award;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.incentive.domain.Commission;
import io.quotaflow.incentive.domain.CommissionRule;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.platform.consumption.Steps;
import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any interleaving and duplication of the same events gives the same awards and statement totals: the events of
 * the three topics are delivered shuffled, with true duplicates (the same event at another offset) and redeliveries
 * (the same records again), on random partitions and in polls of random size, through the real ledgers on the real
 * MongoDB wire protocol — and end exactly as one in-order delivery does. The commission and SPIFF totals are also
 * checked against what the deals owe, computed here from the input. Targets are assigned before the month's
 * activity (as target-service publishes them), which the commission bands read.
 */
class AwardsPropertyIT {

    static final YearMonth PERIOD = AwardWorld.PERIOD;
    static final LocalDate FIRST = PERIOD.atDay(1);
    static final List<String> REPS = AwardWorld.REPS;
    static final List<String> LINES = List.of("pl-cloud", "pl-hardware");
    static final AtomicInteger RUNS = new AtomicInteger();

    @Property(tries = 6)
    void anyInterleavingAndDuplicationGivesTheSameAwardsAndTotals(RandomGenerator random) {
        Inputs inputs = Inputs.draw(random);

        AwardWorld.Outcome inOrder = deliver(inputs.inOrder(), List.of(inputs.all().size()), inputs.targets(), randomPartitions(null));
        List<Item> shuffled = Draw.shuffledWithRepeats(random, inputs.all());
        List<Integer> polls = Draw.listOf(random, 1, 40, r -> Draw.between(r, 1, 7));
        AwardWorld.Outcome anyOrder = deliver(shuffled, polls, inputs.targets(), randomPartitions(random));

        assertThat(anyOrder.awards()).as("standing awards (id → status, amount)").isEqualTo(inOrder.awards());
        assertThat(anyOrder.totals()).as("statement totals per rep (paid, held)").isEqualTo(inOrder.totals());
        assertThat(anyOrder.deadLetters()).as("nothing dead-lettered").isZero();
        inputs.expectedDealAwards().forEach((rep, expected) -> assertThat(anyOrder.credited()
                .getOrDefault(rep + " commission", BigDecimal.ZERO).add(anyOrder.credited()
                        .getOrDefault(rep + " cloud-spiff", BigDecimal.ZERO)))
                .as("commission and deal SPIFFs of " + rep + " against what its deals owe").isEqualByComparingTo(expected));
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    /** One event of a topic. */
    record Item(Topic<?> topic, EventEnvelope<?> envelope) {
    }

    record Deal(String rep, String id, BigDecimal amount, LocalDate day, String customer, String productLine,
                boolean cancelled) {
    }

    record Inputs(List<Item> targets, List<Item> all, List<Deal> deals, Map<String, BigDecimal> targetsByRep) {

        static Inputs draw(RandomGenerator random) {
            List<Item> targets = new ArrayList<>();
            List<Item> all = new ArrayList<>();
            List<Deal> deals = new ArrayList<>();
            Map<String, BigDecimal> targetsByRep = new HashMap<>();
            int run = RUNS.incrementAndGet();
            for (String rep : REPS) {
                BigDecimal target = Draw.between(random, new BigDecimal("200000"), new BigDecimal("1000000"), 0);
                targetsByRep.put(rep, target);
                targets.add(new Item(Topics.TARGETS, Events.target(rep, PERIOD, TargetMetric.REVENUE, target.toPlainString())));
                int dealCount = Draw.between(random, 0, 6);
                for (int d = 0; d < dealCount; d++) {
                    String dealId = rep + "-" + run + "-d" + d;
                    LocalDate day = FIRST.plusDays(Draw.between(random, 0, 27));
                    Deal deal = new Deal(rep, dealId, Draw.between(random, new BigDecimal("1000.00"),
                            new BigDecimal("400000.00"), 2), day, "c-" + Draw.between(random, 1, 4),
                            Draw.oneOf(random, LINES), Draw.chance(random, 0.3));
                    deals.add(deal);
                    all.add(new Item(Topics.SALES_ACTIVITIES, Events.deal(rep, dealId, deal.amount().toPlainString(), day,
                            rep + "-" + deal.customer(), deal.productLine(), null)));
                    if (deal.cancelled()) {
                        all.add(new Item(Topics.SALES_ACTIVITIES, cancellation(deal)));
                    }
                    if (Draw.chance(random, 0.5)) {
                        all.add(new Item(Topics.SALES_ACTIVITIES, Events.payment(rep, dealId, dealId + "-p",
                                Draw.between(random, new BigDecimal("1.00"), deal.amount(), 2).toPlainString(),
                                day.plusDays(2))));
                    }
                }
                int visits = Draw.between(random, 0, 3);
                for (int v = 1; v <= visits; v++) {
                    LocalDate day = FIRST.plusDays(v * 7L);
                    all.add(new Item(Topics.SALES_ACTIVITIES, Events.visit(rep, rep + "-" + run + "-v" + v, day)));
                    all.add(new Item(Topics.KPI_CHANGES, Events.attainment(rep, PERIOD, TargetMetric.VISITS,
                            Integer.toString(v), null, day)));
                }
                BigDecimal actual = BigDecimal.ZERO;
                for (int k = 1; k <= Draw.between(random, 0, 4); k++) {
                    actual = Draw.between(random, BigDecimal.ZERO, target.multiply(new BigDecimal("1.5")), 2);
                    all.add(new Item(Topics.KPI_CHANGES, Events.attainment(rep, PERIOD, TargetMetric.REVENUE,
                            actual.toPlainString(), target.toPlainString(), FIRST.plusDays(k * 6L))));
                }
            }
            return new Inputs(targets, all, deals, targetsByRep);
        }

        /** The events in the order they happened, each once. */
        List<Item> inOrder() {
            return all.stream().sorted(Comparator.comparing(item -> item.envelope().occurredAt())).toList();
        }

        /** Per rep: commission (capped) and 300 per cloud deal, from the deals that stand. */
        Map<String, BigDecimal> expectedDealAwards() {
            CommissionRule commission = AwardWorld.PLAN.rules(CommissionRule.class).get(0);
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (String rep : REPS) {
                List<Deal> standing = deals.stream().filter(deal -> deal.rep().equals(rep) && !deal.cancelled()).toList();
                BigDecimal revenue = standing.stream().map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal spiffs = new BigDecimal("300.00").multiply(BigDecimal.valueOf(
                        standing.stream().filter(deal -> deal.productLine().equals("pl-cloud")).count()));
                expected.put(rep, Commission.earned(commission, revenue, targetsByRep.get(rep)).add(spiffs));
            }
            return expected;
        }

        private static EventEnvelope<?> cancellation(Deal deal) {
            EventEnvelope<io.quotaflow.events.activity.DealCancelled> plain = Events.cancellation(deal.rep(), deal.id(),
                    deal.day().plusDays(1));
            io.quotaflow.events.activity.DealCancelled named = new io.quotaflow.events.activity.DealCancelled(
                    plain.payload().source(), plain.payload().externalId(), deal.rep(), deal.rep() + "-" + deal.customer(),
                    deal.id(), "refunded", plain.payload().occurredAt());
            return new EventEnvelope<>(plain.eventId(), plain.eventType(), plain.eventVersion(), plain.occurredAt(),
                    plain.source(), plain.subject(), plain.correlationId(), named);
        }
    }

    // ---- delivery -----------------------------------------------------------------------------------------------

    interface Partitions {
        int of(Item item);
    }

    private static Partitions randomPartitions(RandomGenerator random) {
        return item -> random == null ? 0 : random.nextInt(3);
    }

    /**
     * Delivers the items through fresh ledgers on a fresh database: targets first, then the items in polls of the
     * given sizes (cycled), each poll of one topic; every third poll is delivered twice (a redelivery).
     */
    private AwardWorld.Outcome deliver(List<Item> items, List<Integer> polls, List<Item> targets, Partitions partitions) {
        AwardWorld world = new AwardWorld("incentive-property-" + RUNS.incrementAndGet());
        Map<String, Ledger<?>> byTopic = Map.of(
                Topics.TARGETS.name(), world.ledger(Topics.TARGETS, world.targets(), 3, Steps.NONE),
                Topics.KPI_CHANGES.name(), world.ledger(Topics.KPI_CHANGES, world.attainments(), 3, Steps.NONE),
                Topics.SALES_ACTIVITIES.name(), world.ledger(Topics.SALES_ACTIVITIES, world.sales(), 3, Steps.NONE));
        Map<String, Long> offsets = new HashMap<>();
        process(byTopic, records(targets, offsets, item -> 0));
        List<RawRecord> records = records(items, offsets, partitions);
        int next = 0;
        for (int poll = 0; next < records.size(); poll++) {
            int size = polls.get(poll % polls.size());
            String topic = records.get(next).topic();
            List<RawRecord> batch = new ArrayList<>();
            while (next < records.size() && batch.size() < size && records.get(next).topic().equals(topic)) {
                batch.add(records.get(next++));
            }
            process(byTopic, batch);
            if (poll % 3 == 2) {
                process(byTopic, batch);
            }
        }
        return world.outcome();
    }

    private static List<RawRecord> records(List<Item> items, Map<String, Long> offsets, Partitions partitions) {
        List<RawRecord> records = new ArrayList<>();
        for (Item item : items) {
            int partition = partitions.of(item);
            long offset = offsets.merge(item.topic().name() + "-" + partition, 1L, Long::sum) - 1;
            records.add(new RawRecord(item.topic().name(), partition, offset, item.envelope().subject(),
                    AwardWorld.CODEC.encode(item.envelope()), Map.of(), 0L));
        }
        return records;
    }

    private static void process(Map<String, Ledger<?>> byTopic, List<RawRecord> records) {
        if (!records.isEmpty()) {
            byTopic.get(records.get(0).topic()).process(records);
        }
    }
}
