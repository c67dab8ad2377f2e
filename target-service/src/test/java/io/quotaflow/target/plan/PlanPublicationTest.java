package io.quotaflow.target.plan;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.platform.config.MongoConfiguration;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.ImmediatePublication;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import io.quotaflow.platform.messaging.Leases;
import io.quotaflow.platform.messaging.Outbox;
import io.quotaflow.platform.messaging.OutgoingRecord;
import io.quotaflow.platform.messaging.OutboxRelay;
import io.quotaflow.target.decomposition.Decomposer;
import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.DecompositionRequest;
import io.quotaflow.target.decomposition.Levels;
import io.quotaflow.target.decomposition.OrgSnapshot;
import io.quotaflow.target.decomposition.RegionInfo;
import io.quotaflow.target.decomposition.RepInfo;
import io.quotaflow.target.decomposition.TeamInfo;
import io.quotaflow.target.decomposition.Allocation;
import io.quotaflow.target.decomposition.MarketType;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No approval is lost when Kafka is down: the plan keeps saying what is unpublished until the outbox
 * relay has it acknowledged, and republishing yields the same event ids. (The broker's outage is played by a
 * publisher that refuses; the plans live in the real MongoDB wire-protocol server.)
 */
class PlanPublicationTest {

    private final MongoTemplate mongo = mongoTemplate();
    private final Plans plans = new Plans(mongo);
    private final FlakyPublisher publisher = new FlakyPublisher();
    private final Leases leases = new Leases(mongo, Clock.systemUTC());
    private final PlanPublication publication = new PlanPublication(plans, publisher,
            new ImmediatePublication(publisher, leases, Duration.ofMinutes(1)));
    private final OutboxRelay relay = new OutboxRelay(List.of(publication), publisher, leases, Duration.ofMinutes(1),
            new SimpleMeterRegistry());

    @Test
    void shouldKeepAnApprovalPendingUntilKafkaAcknowledgesIt() {
        Plan approved = approvedPlan();
        publisher.down = true;

        Plan afterFailure = publication.publishNow(approved);

        assertThat(afterFailure.publicationPending()).isTrue();
        assertThat(plans.find(approved.id()).orElseThrow().publicationPending()).isTrue();
        assertThat(publisher.published).isEmpty();

        publisher.down = false;
        relay.relay();

        Plan stored = plans.find(approved.id()).orElseThrow();
        assertThat(stored.publicationPending()).isFalse();
        assertThat(stored.publishedVersion()).isEqualTo(1);
        assertThat(publisher.published).hasSize(plans.currentVersion(stored).nodes().size())
                .allSatisfy(envelope -> assertThat(envelope.payload()).isInstanceOf(TargetAssigned.class));
    }

    @Test
    void shouldPublishNothingMoreOncePublished() {
        Plan approved = approvedPlan();
        publication.publishNow(approved);
        int afterFirst = publisher.published.size();

        relay.relay();

        assertThat(publisher.published).hasSize(afterFirst);
        assertThat(publication.pending(100)).noneMatch(batch -> batch.id().startsWith(approved.id()));
    }

    @Test
    void shouldGiveTheSameEventIdsWhenTheSameStateIsPublishedAgain() {
        Plan approved = approvedPlan();

        List<UUID> first = ids(publication.pending(100), approved);
        List<UUID> again = ids(publication.pending(100), approved);

        assertThat(first).isNotEmpty().isEqualTo(again);
    }

    private static List<UUID> ids(List<Outbox.Pending<Plan>> batches, Plan plan) {
        return batches.stream().filter(batch -> batch.id().startsWith(plan.id()))
                .flatMap(batch -> batch.events().stream()).map(EventEnvelope::eventId).toList();
    }

    private Plan approvedPlan() {
        YearMonth period = YearMonth.of(2027, 3);
        Decomposition decomposition = Decomposer.decompose(DecompositionRequest.of(period, new BigDecimal("90000.00"), 2,
                new OrgSnapshot(List.of(), List.of(new RegionInfo("north", MarketType.MATURE, BigDecimal.ZERO)),
                        List.of(new TeamInfo("t-n", "north")),
                        List.of(new RepInfo("r-1", "t-n", LocalDate.of(2020, 1, 1), BigDecimal.ONE),
                                new RepInfo("r-2", "t-n", LocalDate.of(2020, 1, 1), BigDecimal.ONE)))));
        PlanRules rules = new PlanRules(Levels.DEFAULT, Allocation.DEFAULT, null, Set.of(), Set.of(), 3, List.of());
        Plan draft = Plan.draft("pl-test-" + UUID.randomUUID(), "test", period, TargetMetric.REVENUE,
                new BigDecimal("90000.00"), "CNY", rules, List.of(), "ops", Instant.parse("2027-01-20T02:00:00Z"));
        plans.create(draft, PlanVersion.first(draft.id(), decomposition));
        return plans.advance(draft.approved("ops", Instant.parse("2027-01-20T03:00:00Z")), null);
    }

    private static MongoTemplate mongoTemplate() {
        var conversions = MongoConfiguration.conversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(
                MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString()), "plan-publication-test"),
                converter);
    }

    /** Plays Kafka: refuses while {@code down}, otherwise records what it was given. */
    static final class FlakyPublisher implements EventPublisher {

        private final EventPublisher encoder = new KafkaEventPublisher(null, new EventCodec(), "target-service",
                Duration.ofSeconds(1), new SimpleMeterRegistry());
        volatile boolean down;
        final List<EventEnvelope<?>> published = new ArrayList<>();

        @Override
        public <E extends DomainEvent> EventEnvelope<E> envelope(UUID eventId, Instant occurredAt, E payload) {
            return encoder.envelope(eventId, occurredAt, payload);
        }

        @Override
        public OutgoingRecord encode(EventEnvelope<?> envelope) {
            return encoder.encode(envelope);
        }

        @Override
        public void publish(List<? extends EventEnvelope<?>> envelopes) {
            if (down) {
                throw new PublishFailedException("the broker is down", null);
            }
            published.addAll(envelopes);
        }

        @Override
        public void publishEncoded(List<OutgoingRecord> records) {
            throw new UnsupportedOperationException("plans publish envelopes");
        }
    }
}
