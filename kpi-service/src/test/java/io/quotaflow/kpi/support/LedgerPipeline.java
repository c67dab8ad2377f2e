package io.quotaflow.kpi.support;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.DomainEvent;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.kpi.CustomerDealEvent;
import io.quotaflow.events.target.TargetEvent;
import io.quotaflow.kpi.aggregation.Projections;
import io.quotaflow.kpi.attainment.domain.Thresholds;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.domain.IntentPolicy;
import io.quotaflow.kpi.customers.domain.TierPolicy;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.Ledger;
import io.quotaflow.platform.consumption.LedgerProperties;
import io.quotaflow.platform.consumption.Ledgers;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.platform.consumption.Step;
import io.quotaflow.platform.messaging.OutgoingRecord;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * kpi-service's three ledgers over one MongoDB database, fed from in-memory partitions the way a broker feeds them:
 * records in offset order per partition, offsets committed after each successful poll, and — when a crash is drawn —
 * the consumer killed after a random step of a chunk and restarted (a new process: new ledgers, cold caches) from
 * the committed offsets, so that the records of the failed poll are delivered again. What the ledgers publish is
 * captured; the customer-deal events are appended to their own partitions, as the broker would, and consumed too.
 */
public final class LedgerPipeline {

    private static final String GROUP = "kpi-service";
    private final EventCodec codec = new EventCodec();
    private final MongoDatabase database;
    private final Projections projections;
    private final LedgerProperties properties;
    private final CapturingPublisher publisher = new CapturingPublisher();
    private final Feed<ActivityEvent> activities = new Feed<>(Topics.SALES_ACTIVITIES, 3);
    private final Feed<TargetEvent> targets = new Feed<>(Topics.TARGETS, 2);
    private final Feed<CustomerDealEvent> customers = new Feed<>(Topics.KPI_CUSTOMER_DEALS, 2);
    private int relayed;
    private Process process;
    private int crashes;

    public LedgerPipeline(MongoDatabase database, Projections projections, int chunkSize) {
        this.database = database;
        this.projections = projections;
        this.properties = new LedgerProperties(chunkSize, Math.max(1, chunkSize / 2), null, null, null, null, null);
        this.process = new Process(null);
    }

    /** kpi-service's projections with their default settings, over {@code org}, in the organisation's zone. */
    public static Projections projections(Org org) {
        return new Projections(new BusinessCalendar(January.SHANGHAI), org, Thresholds.defaults(),
                new BigDecimal("0.05"), TierPolicy.defaults(), IntentPolicy.defaults(), "CNY");
    }

    public MongoDatabase database() {
        return database;
    }

    public CapturingPublisher publisher() {
        return publisher;
    }

    public int crashes() {
        return crashes;
    }

    /** Appends an activity event (key: its rep) to its partition. */
    public void activity(EventEnvelope<? extends ActivityEvent> envelope) {
        activities.append(envelope.subject(), codec.encode(envelope));
    }

    public void target(EventEnvelope<? extends TargetEvent> envelope) {
        targets.append(envelope.subject(), codec.encode(envelope));
    }

    /** Consumes everything without crashing. */
    public void drain() {
        drain(null, 0);
    }

    /**
     * Consumes everything, polls of random sizes from random partitions, killing the consumer after a random step
     * with probability {@code crashChance} per poll.
     */
    public void drain(RandomGenerator random, double crashChance) {
        for (int guard = 0; guard < 100_000; guard++) {
            relay();
            Feed<?> feed = targets.pending() ? targets : activities.pending() ? activities : customers.pending() ? customers : null;
            if (feed == null) {
                return;
            }
            if (random != null && feed != targets && activities.pending() && customers.pending()) {
                feed = random.nextBoolean() ? activities : customers;
            }
            boolean crash = random != null && random.nextDouble() < crashChance;
            Step step = crash ? Step.values()[random.nextInt(Step.values().length)] : null;
            if (crash) {
                process = new Process(step);
            }
            int max = random == null ? 50 : 1 + random.nextInt(12);
            List<RawRecord> poll = feed.poll(random, max);
            try {
                process.ledger(feed).process(poll);
                feed.commit(poll);
            } catch (CrashedAfter death) {
                crashes++;
                process = new Process(null);
            }
        }
        throw new AssertionError("the pipeline did not drain");
    }

    /** Moves what the ledgers published to kpi-service's own topic onto its partitions. */
    private void relay() {
        List<OutgoingRecord> published = publisher.published();
        for (; relayed < published.size(); relayed++) {
            OutgoingRecord record = published.get(relayed);
            if (record.topic().equals(Topics.KPI_CUSTOMER_DEALS.name())) {
                customers.append(record.key(), record.value());
            }
        }
    }

    /** One consumer process: its ledgers, and the step it dies after (once), if any. */
    private final class Process {
        private final Ledger<ActivityEvent> activityLedger;
        private final Ledger<TargetEvent> targetLedger;
        private final Ledger<CustomerDealEvent> customerLedger;
        private Step dieAfter;

        Process(Step dieAfter) {
            this.dieAfter = dieAfter;
            Ledgers ledgers = Ledgers.create(database, codec, publisher,
                    new DeadLetters(publisher, topic -> {
                    }, Clock.systemUTC()), properties, new SimpleMeterRegistry(), (consumer, tp, step) -> {
                        if (step == this.dieAfter) {
                            this.dieAfter = null;
                            throw new CrashedAfter();
                        }
                    }, Clock.systemUTC());
            activityLedger = ledgers.ledger(GROUP, Topics.SALES_ACTIVITIES, projections.activities());
            targetLedger = ledgers.ledger(GROUP, Topics.TARGETS, projections.targets());
            customerLedger = ledgers.ledger(GROUP, Topics.KPI_CUSTOMER_DEALS, projections.customers());
        }

        Ledger<?> ledger(Feed<?> feed) {
            return feed == activities ? activityLedger : feed == targets ? targetLedger : customerLedger;
        }
    }

    /** A simulated kill -9. */
    private static final class CrashedAfter extends RuntimeException {
        CrashedAfter() {
            super("simulated crash", null, false, false);
        }
    }

    /** One topic's partitions, what is in them and what the group has committed. */
    private static final class Feed<E extends DomainEvent> {
        private final Topic<E> topic;
        private final List<List<RawRecord>> partitions = new ArrayList<>();
        private final long[] committed;

        Feed(Topic<E> topic, int partitions) {
            this.topic = topic;
            this.committed = new long[partitions];
            for (int i = 0; i < partitions; i++) {
                this.partitions.add(new ArrayList<>());
            }
        }

        void append(String key, byte[] value) {
            int partition = Math.floorMod(key.hashCode(), partitions.size());
            List<RawRecord> records = partitions.get(partition);
            records.add(new RawRecord(topic.name(), partition, records.size(), key, value,
                    Map.of(EventHeaders.EVENT_TYPE, "?"), 0L));
        }

        boolean pending() {
            for (int p = 0; p < partitions.size(); p++) {
                if (committed[p] < partitions.get(p).size()) {
                    return true;
                }
            }
            return false;
        }

        /** Up to {@code max} records from each of some partitions with records left, from their committed offset. */
        List<RawRecord> poll(RandomGenerator random, int max) {
            List<RawRecord> poll = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                List<RawRecord> records = partitions.get(p);
                if (committed[p] >= records.size() || (random != null && !poll.isEmpty() && random.nextBoolean())) {
                    continue;
                }
                int to = (int) Math.min(records.size(), committed[p] + max);
                poll.addAll(records.subList((int) committed[p], to));
            }
            return poll;
        }

        void commit(List<RawRecord> poll) {
            poll.forEach(record -> committed[record.partition()] = Math.max(committed[record.partition()],
                    record.offset() + 1));
        }
    }
}
