package io.quotaflow.incentive.award;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.kpi.KpiEvent;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.incentive.domain.Commission;
import io.quotaflow.incentive.domain.CommissionRule;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.PlanValidator;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.InMemoryOrgDirectory;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.LedgerProperties;
import io.quotaflow.platform.consumption.Ledgers;
import io.quotaflow.platform.consumption.Projection;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.platform.consumption.Steps;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.property.Draw;
import io.quotaflow.testsupport.property.Property;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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

    static final YearMonth PERIOD = YearMonth.of(2027, 1);
    static final LocalDate FIRST = PERIOD.atDay(1);
    static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    static final DefaultKafkaProducerFactory<String, byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    static final EventCodec CODEC = new EventCodec();
    static final EventPublisher PUBLISHER = new KafkaEventPublisher(new KafkaTemplate<>(PRODUCERS), CODEC,
            "incentive-service", Duration.ofSeconds(30), new SimpleMeterRegistry());
    static final AtomicInteger RUNS = new AtomicInteger();
    static final List<String> REPS = List.of("p-rep-1", "p-rep-2", "p-rep-3");
    static final List<String> LINES = List.of("pl-cloud", "pl-hardware");

    /** Thresholds (prorated), commission on close with an accelerator and a cap, on collection, two SPIFFs. */
    static final IncentivePlan PLAN = new PlanValidator("CNY").validate("property", 1, PlanDrafts.withEligibility(
            PlanDrafts.plan(PERIOD,
                    PlanDrafts.thresholds("levels", "REVENUE", PlanDrafts.tier("0.8", "2000.00"),
                            PlanDrafts.tier("1.0", "3000.00"), PlanDrafts.tier("1.2", "5000.00")),
                    PlanDrafts.commission("commission", "REVENUE", "CLOSE", "30000.00",
                            PlanDrafts.band("0", "1.0", "0.03"), PlanDrafts.band("1.0", null, "0.05")),
                    PlanDrafts.commission("on-cash", "REVENUE", "COLLECTION", null, PlanDrafts.band("0", null, "0.01")),
                    PlanDrafts.perUnit("cloud-spiff", "DEAL", "300.00", "pl-cloud", null, null, null),
                    PlanDrafts.perUnit("new-customer", "NEW_CUSTOMER", "500.00", null, null, null, null)),
            new io.quotaflow.incentive.domain.PlanDraft.EligibilityDraft(null, null,
                    new io.quotaflow.incentive.domain.PlanDraft.MinimumActivityDraft("VISITS", 2L), true)), List.of()).plan();

    @AfterAll
    static void close() {
        PRODUCERS.destroy();
        MONGO.close();
    }

    @Property(tries = 6)
    void anyInterleavingAndDuplicationGivesTheSameAwardsAndTotals(RandomGenerator random) {
        Inputs inputs = Inputs.draw(random);

        Outcome inOrder = deliver(inputs.inOrder(), List.of(inputs.all().size()), inputs.targets(), randomPartitions(null));
        List<Item> shuffled = Draw.shuffledWithRepeats(random, inputs.all());
        List<Integer> polls = Draw.listOf(random, 1, 40, r -> Draw.between(r, 1, 7));
        Outcome anyOrder = deliver(shuffled, polls, inputs.targets(), randomPartitions(random));

        assertThat(anyOrder.awards()).as("standing awards (id → status, amount)").isEqualTo(inOrder.awards());
        assertThat(anyOrder.totals()).as("statement totals per rep (paid, held)").isEqualTo(inOrder.totals());
        assertThat(anyOrder.deadLetters()).as("nothing dead-lettered").isZero();
        inputs.expectedDealAwards().forEach((rep, expected) -> assertThat(anyOrder.dealAwards().get(rep))
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
            CommissionRule commission = PLAN.rules(CommissionRule.class).get(0);
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

    record Outcome(Map<String, String> awards, Map<String, String> totals, Map<String, BigDecimal> dealAwards,
                   double deadLetters) {
    }

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
    private Outcome deliver(List<Item> items, List<Integer> polls, List<Item> targets, Partitions partitions) {
        MongoDatabase database = MONGO.getDatabase("incentive-property-" + RUNS.incrementAndGet());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Ledgers ledgers = Ledgers.create(database, CODEC, PUBLISHER, new DeadLetters(PUBLISHER, topic -> {
        }, Clock.systemUTC()), new LedgerProperties(3, null, null, null, null, null, null), meters, Steps.NONE,
                Clock.systemUTC());
        Governing governing = new Governing(() -> List.of(PLAN), new InMemoryOrgDirectory()
                .team("t-prop", "m-prop").rep("p-rep-1", "t-prop", LocalDate.of(2025, 1, 1))
                .rep("p-rep-2", "t-prop", LocalDate.of(2027, 1, 12)).rep("p-rep-3", "t-prop", LocalDate.of(2026, 6, 1)));
        BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("Asia/Shanghai"));
        Map<String, Ledger<?>> byTopic = Map.of(
                Topics.TARGETS.name(), ledger(ledgers, Topics.TARGETS, new TargetBook()),
                Topics.KPI_CHANGES.name(), ledger(ledgers, Topics.KPI_CHANGES, new AttainmentAwards(governing, calendar)),
                Topics.SALES_ACTIVITIES.name(), ledger(ledgers, Topics.SALES_ACTIVITIES,
                        new SalesAwards(governing, () -> List.of(PLAN), calendar, new AwardProperties(null))));
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
        return outcome(database, meters);
    }

    private static List<RawRecord> records(List<Item> items, Map<String, Long> offsets, Partitions partitions) {
        List<RawRecord> records = new ArrayList<>();
        for (Item item : items) {
            int partition = partitions.of(item);
            long offset = offsets.merge(item.topic().name() + "-" + partition, 1L, Long::sum) - 1;
            records.add(new RawRecord(item.topic().name(), partition, offset, item.envelope().subject(),
                    CODEC.encode(item.envelope()), Map.of(), 0L));
        }
        return records;
    }

    private static void process(Map<String, Ledger<?>> byTopic, List<RawRecord> records) {
        if (!records.isEmpty()) {
            byTopic.get(records.get(0).topic()).process(records);
        }
    }

    private static <E extends io.quotaflow.events.DomainEvent> Ledger<E> ledger(Ledgers ledgers, Topic<E> topic,
                                                                                 Projection<E> projection) {
        return ledgers.ledger("incentive-service", topic, projection);
    }

    private static Outcome outcome(MongoDatabase database, SimpleMeterRegistry meters) {
        Map<String, String> awards = new TreeMap<>();
        Map<String, BigDecimal> dealAwards = new TreeMap<>();
        for (Document award : database.getCollection(IncentiveCollections.AWARDS).find()) {
            String status = award.getString("status");
            BigDecimal amount = decimal(award.get("amount"));
            if (status.equals("AWARDED") || status.equals("HELD")) {
                awards.put(award.getString("_id"), status + " " + amount.toPlainString());
            }
            String rule = award.getString("ruleId");
            if (rule.equals("commission") || rule.equals("cloud-spiff")) {
                dealAwards.merge(award.getString("payeeId"), credited(database, award), BigDecimal::add);
            }
        }
        Map<String, String> totals = new TreeMap<>();
        for (String collection : List.of(IncentiveCollections.REP_KPIS, IncentiveCollections.REP_SALES)) {
            REPS.forEach(rep -> totals.put(collection + " " + IncentiveCollections.id(rep, PERIOD), "paid 0.00, held 0.00"));
            for (Document state : database.getCollection(collection).find()) {
                BigDecimal paid = BigDecimal.ZERO;
                BigDecimal held = BigDecimal.ZERO;
                for (StatementLine line : StatementLine.of(state)) {
                    if (line.status() == LineStatus.PAID) {
                        paid = paid.add(line.amount());
                    } else {
                        held = held.add(line.amount());
                    }
                }
                totals.put(collection + " " + state.getString("_id"), "paid " + paid.setScale(2).toPlainString()
                        + ", held " + held.setScale(2).toPlainString());
            }
        }
        double deadLetters = meters.find("quotaflow.ledger.records").tag("outcome", "dead-lettered").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        REPS.forEach(rep -> dealAwards.putIfAbsent(rep, BigDecimal.ZERO));
        return new Outcome(awards, totals, dealAwards, deadLetters);
    }

    /** What the award has credited, paid or held, from its state in the rep's sales document. */
    private static BigDecimal credited(MongoDatabase database, Document award) {
        Document state = database.getCollection(IncentiveCollections.REP_SALES)
                .find(new Document("_id", IncentiveCollections.id(award.getString("payeeId"), PERIOD))).first();
        Object credited = ((Document) ((Document) state.get("awards")).get(Keys.award(award.getString("_id")))).get("credited");
        return decimal(credited);
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal decimal = value instanceof org.bson.types.Decimal128 d ? d.bigDecimalValue()
                : value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
        return decimal.setScale(2);
    }
}
