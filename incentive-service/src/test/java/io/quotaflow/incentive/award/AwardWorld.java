package io.quotaflow.incentive.award;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topic;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.PlanDraft;
import io.quotaflow.incentive.domain.PlanValidator;
import io.quotaflow.incentive.fixtures.TestOrg;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.LedgerProperties;
import io.quotaflow.platform.consumption.Ledgers;
import io.quotaflow.platform.consumption.Projection;
import io.quotaflow.platform.consumption.Steps;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The award projections outside the service, on the real MongoDB wire protocol and publishing to the real broker:
 * one plan (thresholds prorated for new hires, commission with an accelerator and a cap, commission on collection,
 * two SPIFFs, a minimum of two visits), three reps (one hired mid-January 2027), and what they end with.
 */
final class AwardWorld {

    static final YearMonth PERIOD = YearMonth.of(2027, 1);
    static final List<String> REPS = List.of("p-rep-1", "p-rep-2", "p-rep-3");
    static final String BROKERS = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    static final MongoClient MONGO = MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString());
    static final EventCodec CODEC = new EventCodec();
    static final DefaultKafkaProducerFactory<String, byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    static final EventPublisher PUBLISHER = new KafkaEventPublisher(new KafkaTemplate<>(PRODUCERS), CODEC,
            "incentive-service", Duration.ofSeconds(30), new SimpleMeterRegistry());
    static final String GROUP = "incentive-service";

    static final IncentivePlan PLAN = new PlanValidator("CNY").validate("property", 1, PlanDrafts.withEligibility(
            PlanDrafts.plan(PERIOD,
                    PlanDrafts.thresholds("levels", "REVENUE", PlanDrafts.tier("0.8", "2000.00"),
                            PlanDrafts.tier("1.0", "3000.00"), PlanDrafts.tier("1.2", "5000.00")),
                    PlanDrafts.commission("commission", "REVENUE", "CLOSE", "30000.00",
                            PlanDrafts.band("0", "1.0", "0.03"), PlanDrafts.band("1.0", null, "0.05")),
                    PlanDrafts.commission("on-cash", "REVENUE", "COLLECTION", null, PlanDrafts.band("0", null, "0.01")),
                    PlanDrafts.perUnit("cloud-spiff", "DEAL", "300.00", "pl-cloud", null, null, null),
                    PlanDrafts.perUnit("new-customer", "NEW_CUSTOMER", "500.00", null, null, null, null)),
            new PlanDraft.EligibilityDraft(null, null, new PlanDraft.MinimumActivityDraft("VISITS", 2L), true)),
            List.of()).plan();

    final MongoDatabase database;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Governing governing = new Governing(() -> List.of(PLAN), new TestOrg()
            .team("t-prop", "m-prop").rep("p-rep-1", "t-prop", LocalDate.of(2025, 1, 1))
            .rep("p-rep-2", "t-prop", LocalDate.of(2027, 1, 12)).rep("p-rep-3", "t-prop", LocalDate.of(2026, 6, 1)).build());
    private final BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("Asia/Shanghai"));

    AwardWorld(String databaseName) {
        this.database = MONGO.getDatabase(databaseName);
    }

    TargetBook targets() {
        return new TargetBook();
    }

    AttainmentAwards attainments() {
        return new AttainmentAwards(governing, calendar);
    }

    SalesAwards sales() {
        return new SalesAwards(governing, () -> List.of(PLAN), calendar, new AwardProperties(null));
    }

    /** A ledger of its own (one simulated process), reporting its steps to {@code steps}. */
    <E extends DomainEvent> Ledger<E> ledger(Topic<E> topic, Projection<E> projection, int chunkSize, Steps steps) {
        return Ledgers.create(database, CODEC, PUBLISHER, new DeadLetters(PUBLISHER, deadLetterTopic -> {
        }, Clock.systemUTC()), new LedgerProperties(chunkSize, null, null, null, null, null, null), meters, steps,
                Clock.systemUTC()).ledger(GROUP, topic, projection);
    }

    /** Awards that stand (id → status and amount paid), and every rep's statement totals (paid and held). */
    record Outcome(Map<String, String> awards, Map<String, String> totals, Map<String, BigDecimal> credited,
                   double deadLetters) {
    }

    Outcome outcome() {
        Map<String, String> awards = new TreeMap<>();
        for (Document award : database.getCollection(IncentiveCollections.AWARDS).find()) {
            String status = award.getString("status");
            if (status.equals("AWARDED") || status.equals("HELD")) {
                awards.put(award.getString("_id"), status + " " + Documents.decimal(award, "amount").setScale(2));
            }
        }
        Map<String, String> totals = new TreeMap<>();
        Map<String, BigDecimal> credited = new TreeMap<>();
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
                    credited.merge(line.payeeId() + " " + line.ruleId(), line.amount(), BigDecimal::add);
                }
                totals.put(collection + " " + state.getString("_id"), "paid " + paid.setScale(2).toPlainString()
                        + ", held " + held.setScale(2).toPlainString());
            }
        }
        double deadLetters = meters.find("quotaflow.ledger.records").tag("outcome", "dead-lettered").counters().stream()
                .mapToDouble(Counter::count).sum();
        return new Outcome(awards, totals, credited, deadLetters);
    }
}
