package io.quotaflow.benchmarks;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer a team would build instead: a Kafka Streams topology with {@code processing.guarantee=exactly_once_v2}
 * computing per-rep daily aggregates (revenue, deals, follow-ups, calls, visits) from the same
 * {@code sales-activities} topic into a persistent (RocksDB, changelogged) store. The topic is already keyed by rep,
 * so the aggregation needs no repartition: the peer gets its most favourable shape. Done when every record is
 * processed and committed (the application's group has lag 0) and the store's revenue for this month equals what the
 * events add up to.
 */
final class StreamsPeer {

    static final String APPLICATION_ID = "bench-streams-peer";
    static final String STORE = "rep-days";

    record Result(long events, double seconds, double eventsPerSecond) {
    }

    static Result measure(Stack stack, Workload workload, long events, Path stateDir, Duration timeout) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");

        AtomicLong processed = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new Totals()));
        builder.stream(Topics.SALES_ACTIVITIES.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new RepDays(processed), STORE);

        AtomicLong runningSince = new AtomicLong();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    runningSince.compareAndSet(0, System.nanoTime());
                }
            });
            long started = System.nanoTime();
            streams.start();
            while (processed.get() < events || stack.lag(APPLICATION_ID, Topics.SALES_ACTIVITIES.name())
                    .map(lag -> lag > 0).orElse(true)) {
                if (streams.state() == KafkaStreams.State.ERROR || KafkaLimit.seconds(started) > timeout.toSeconds()) {
                    throw new IllegalStateException("the Kafka Streams peer did not finish: " + streams.state()
                            + ", " + processed.get() + " of " + events);
                }
                Pause.millis(100);
            }
            long finished = System.nanoTime();
            BigDecimal revenue = revenueOf(streams, workload);
            BigDecimal expected = workload.revenueThisMonth(events);
            if (revenue.compareTo(expected) != 0) {
                throw new IllegalStateException("the peer's revenue is " + revenue + ", not " + expected);
            }
            double seconds = (finished - (runningSince.get() == 0 ? started : runningSince.get())) / 1e9;
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            return new Result(events, seconds, events / seconds);
        }
    }

    private static BigDecimal revenueOf(KafkaStreams streams, Workload workload) {
        ReadOnlyKeyValueStore<String, long[]> store = streams.store(
                StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
        long cents = 0;
        String month = workload.period().toString();
        try (KeyValueIterator<String, long[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, long[]> entry = all.next();
                if (entry.key.substring(entry.key.indexOf('|') + 1).startsWith(month)) {
                    cents += entry.value[0];
                }
            }
        }
        return BigDecimal.valueOf(cents, 2);
    }

    /** Adds each event to its rep's day: revenue in cents, deals, follow-ups, calls, visits. */
    private static final class RepDays implements Processor<String, byte[], Void, Void> {

        private final AtomicLong processed;
        private KeyValueStore<String, long[]> store;

        RepDays(AtomicLong processed) {
            this.processed = processed;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            EventEnvelope<ActivityEvent> envelope = Workload.codec().decode(record.value(), ActivityEvent.class);
            ActivityEvent event = envelope.payload();
            LocalDate day = LocalDate.ofInstant(event.occurredAt(), Workload.ZONE);
            String key = event.repId() + "|" + day;
            long[] totals = store.get(key);
            totals = totals == null ? new long[5] : totals;
            if (event instanceof DealClosed) {
                totals[0] += ((DealClosed) event).amount().movePointRight(2).longValueExact();
                totals[1]++;
            } else if (event instanceof FollowUpLogged) {
                FollowUpChannel channel = ((FollowUpLogged) event).channel();
                totals[2]++;
                totals[3] += channel == FollowUpChannel.CALL ? 1 : 0;
                totals[4] += channel == FollowUpChannel.VISIT ? 1 : 0;
            }
            store.put(key, totals);
            processed.incrementAndGet();
        }
    }

    /** Five longs. */
    private static final class Totals implements Serde<long[]> {

        @Override
        public Serializer<long[]> serializer() {
            return (topic, totals) -> {
                ByteBuffer buffer = ByteBuffer.allocate(totals.length * Long.BYTES);
                for (long total : totals) {
                    buffer.putLong(total);
                }
                return buffer.array();
            };
        }

        @Override
        public Deserializer<long[]> deserializer() {
            return (topic, bytes) -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long[] totals = new long[bytes.length / Long.BYTES];
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = buffer.getLong();
                }
                return totals;
            };
        }
    }
}
