package io.quotaflow.platform.messaging;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.incentive.PeriodClosed;
import io.quotaflow.testsupport.EmbeddedInfrastructure;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relays of several instances drain one outbox on the real broker, with their leases in the real MongoDB
 * wire-protocol server: one relay at a time, each batch published once, a failing batch skipped for the
 * next, a lease whose holder died taken over.
 */
class OutboxRelayIT {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String brokers = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create(EmbeddedInfrastructure.shared().mongoConnectionString()), "outbox-relay-it");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultKafkaProducerFactory<String, byte[]> producers = TestProducers.producers(brokers, 10_000);
    private final EventPublisher publisher = new KafkaEventPublisher(new KafkaTemplate<>(producers), new EventCodec(),
            "activity-service", Duration.ofSeconds(20), meters);
    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-20T02:00:00Z"));
    private final Leases leases = new Leases(mongo, clock);

    @AfterEach
    void closeProducers() {
        producers.destroy();
    }

    @Test
    void shouldLetOnlyTheLeaseHolderPublishWhileItsTurnLasts() throws Exception {
        TestOutbox outbox = new TestOutbox(3);
        CountDownLatch firstPublished = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        outbox.afterPublished = batch -> {
            firstPublished.countDown();
            await(secondTried);
        };
        OutboxRelay first = relay(outbox);
        OutboxRelay second = relay(outbox);

        try (EventTap<ActivityEvent> tap = EventTap.tail(brokers, Topics.SALES_ACTIVITIES)) {
            CompletableFuture<Integer> firstTurn = CompletableFuture.supplyAsync(first::relay);
            await(firstPublished);
            int secondTurn = second.relay();
            secondTried.countDown();

            assertThat(secondTurn).isZero();
            assertThat(firstTurn.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(second.relay()).as("the next turn finds nothing left").isZero();
            assertPublishedOnce(tap, outbox.eventIds());
        }
    }

    @Test
    void shouldPublishEachBatchOnceWhileTwoRelaysRaceForTheOutbox() throws Exception {
        TestOutbox outbox = new TestOutbox(12);
        List<OutboxRelay> relays = List.of(relay(outbox), relay(outbox));
        CyclicBarrier start = new CyclicBarrier(relays.size());

        try (EventTap<ActivityEvent> tap = EventTap.tail(brokers, Topics.SALES_ACTIVITIES)) {
            List<CompletableFuture<Integer>> turns = relays.stream()
                    .map(relay -> CompletableFuture.supplyAsync(() -> drain(relay, outbox, start)))
                    .toList();
            int published = 0;
            for (CompletableFuture<Integer> turn : turns) {
                published += turn.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            assertThat(published).isEqualTo(12);
            assertThat(outbox.pendingCount()).isZero();
            assertPublishedOnce(tap, outbox.eventIds());
        }
    }

    @Test
    void shouldGoOnWithTheNextBatchWhenOneFails() {
        TestOutbox outbox = new TestOutbox(1);
        TestOutbox.Batch poison = outbox.add(List.of(periodClosed()));
        outbox.addBatch();
        OutboxRelay relay = relay(outbox);

        try (EventTap<ActivityEvent> tap = EventTap.tail(brokers, Topics.SALES_ACTIVITIES)) {
            int published = relay.relay();

            assertThat(published).isEqualTo(2);
            assertThat(outbox.pendingIds()).containsExactly(poison.id());
            assertThat(meters.counter("quotaflow.outbox.failures", "outbox", outbox.name()).count()).isEqualTo(1);
            assertPublishedOnce(tap, outbox.eventIds());
        }
        assertThat(relay.relay()).as("the failing batch is retried, and fails again").isZero();
        assertThat(meters.counter("quotaflow.outbox.failures", "outbox", outbox.name()).count()).isEqualTo(2);
    }

    @Test
    void shouldTakeOverALeaseWhoseHolderStoppedRenewingIt() {
        TestOutbox outbox = new TestOutbox(2);
        OutboxRelay relay = relay(outbox);
        assertThat(leases.tryAcquire(OutboxRelay.leaseOf(outbox), "instance-that-died", LEASE)).isTrue();

        try (EventTap<ActivityEvent> tap = EventTap.tail(brokers, Topics.SALES_ACTIVITIES)) {
            assertThat(relay.relay()).isZero();
            assertThat(outbox.pendingCount()).isEqualTo(2);

            clock.advance(LEASE.plusSeconds(1));

            assertThat(relay.relay()).isEqualTo(2);
            assertPublishedOnce(tap, outbox.eventIds());
        }
    }

    @Test
    void shouldEndItsTurnWhenAnotherRelayTookTheLeaseOver() {
        TestOutbox outbox = new TestOutbox(3);
        String lease = OutboxRelay.leaseOf(outbox);
        outbox.afterPublished = batch -> {
            clock.advance(LEASE.plusSeconds(1));
            assertThat(leases.tryAcquire(lease, "successor", LEASE)).isTrue();
        };
        OutboxRelay slow = relay(outbox);

        int published = slow.relay();

        assertThat(published).isEqualTo(1);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(leases.holder(lease)).as("the slow relay cannot release its successor's lease")
                .contains("successor");
    }

    @Test
    void shouldPublishAChangeAtOnceUnlessTheRelayIsDrainingTheOutbox() throws Exception {
        TestOutbox outbox = new TestOutbox(2);
        ImmediatePublication immediately = new ImmediatePublication(publisher, leases, LEASE);
        CountDownLatch relayPublished = new CountDownLatch(1);
        CountDownLatch immediateTried = new CountDownLatch(1);
        outbox.afterPublished = batch -> {
            relayPublished.countDown();
            await(immediateTried);
        };
        OutboxRelay relay = relay(outbox);

        try (EventTap<ActivityEvent> tap = EventTap.tail(brokers, Topics.SALES_ACTIVITIES)) {
            CompletableFuture<Integer> turn = CompletableFuture.supplyAsync(relay::relay);
            await(relayPublished);
            Outbox.Pending<Integer> second = outbox.pending(2).get(outbox.pendingCount() - 1);
            boolean published = immediately.tryPublish(outbox, second);
            immediateTried.countDown();

            assertThat(published).as("the relay holds the lease: it publishes the batch, not a second sender").isFalse();
            assertThat(turn.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
            assertPublishedOnce(tap, outbox.eventIds());
        }
        outbox.afterPublished = batch -> {
        };
        TestOutbox.Batch later = outbox.add(List.of(followUp()));
        assertThat(immediately.tryPublish(outbox, outbox.pending(10).get(0))).as("no relay turn: published now").isTrue();
        assertThat(outbox.pendingIds()).doesNotContain(later.id());
    }

    private OutboxRelay relay(TestOutbox outbox) {
        return new OutboxRelay(List.of(outbox), publisher, leases, LEASE, meters);
    }

    /** Runs turns until the outbox is empty; returns how many batches this relay published. */
    private static int drain(OutboxRelay relay, TestOutbox outbox, CyclicBarrier start) {
        try {
            start.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int published = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (outbox.pendingCount() > 0 && System.nanoTime() < deadline) {
            published += relay.relay();
        }
        return published;
    }

    private static void assertPublishedOnce(EventTap<ActivityEvent> tap, Set<UUID> eventIds) {
        tap.awaitUntil(all -> ofIds(all, eventIds).size() >= eventIds.size(), WAIT);
        List<UUID> received = ofIds(tap.drain(Duration.ofSeconds(1)), eventIds);
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(eventIds);
    }

    private static List<UUID> ofIds(List<EventTap.Received<ActivityEvent>> all, Set<UUID> eventIds) {
        return all.stream().map(received -> received.envelope().eventId()).filter(eventIds::contains).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope<?> followUp() {
        String id = UUID.randomUUID().toString();
        FollowUpLogged event = new FollowUpLogged("api", id, "r-001", "c-1", FollowUpChannel.CALL, 60, null,
                Instant.parse("2027-01-20T02:00:00Z"));
        return EventEnvelope.of(EventIds.of("api", id), event.occurredAt(), "quotaflow/activity-service", id, event);
    }

    /** An event of a topic activity-service does not own: its publication always fails. */
    private static EventEnvelope<?> periodClosed() {
        PeriodClosed event = new PeriodClosed(YearMonth.of(2027, 1), 0, BigDecimal.ZERO, "CNY", "ops",
                Instant.parse("2027-01-20T02:00:00Z"));
        return EventEnvelope.of(UUID.randomUUID(), event.closedAt(), "quotaflow/activity-service", "c", event);
    }

    /**
     * A service's outbox, shared by the relays of all its instances as the database is: batches of two
     * follow-ups each, published when the relay says so.
     */
    private static final class TestOutbox implements Outbox<Integer> {

        record Batch(String id, List<EventEnvelope<?>> events) {
        }

        private final String name = "test-" + UUID.randomUUID();
        private final Map<Integer, Batch> pending = new LinkedHashMap<>();
        private final List<Batch> all = new ArrayList<>();
        volatile Consumer<Pending<Integer>> afterPublished = batch -> {
        };

        TestOutbox(int batches) {
            for (int i = 0; i < batches; i++) {
                addBatch();
            }
        }

        void addBatch() {
            add(List.of(followUp(), followUp()));
        }

        synchronized Batch add(List<EventEnvelope<?>> events) {
            Batch batch = new Batch(name + "#" + all.size(), events);
            pending.put(all.size(), batch);
            all.add(batch);
            return batch;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized List<Pending<Integer>> pending(int limit) {
            return pending.entrySet().stream().limit(limit)
                    .map(entry -> new Pending<>(entry.getValue().id(), entry.getKey(), entry.getValue().events()))
                    .toList();
        }

        @Override
        public void published(Pending<Integer> batch) {
            synchronized (this) {
                pending.remove(batch.token());
            }
            afterPublished.accept(batch);
        }

        synchronized int pendingCount() {
            return pending.size();
        }

        synchronized List<String> pendingIds() {
            return pending.values().stream().map(Batch::id).toList();
        }

        /** The ids of every event that can be published (the failing ones are on another topic). */
        synchronized Set<UUID> eventIds() {
            return all.stream().flatMap(batch -> batch.events().stream())
                    .filter(envelope -> envelope.payload() instanceof ActivityEvent)
                    .map(EventEnvelope::eventId).collect(Collectors.toSet());
        }
    }

    /** Wall-clock time that a test moves on, so that a lease expires without waiting for it. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
