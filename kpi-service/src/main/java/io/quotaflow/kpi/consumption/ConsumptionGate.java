package io.quotaflow.kpi.consumption;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Around each of kpi-service's ledger consumers: one chunk at a time per process ({@link #turns()}: the three
 * projections share progress documents; taking turns keeps their reads and writes of those documents from
 * interleaving; the lock is fair and taken per chunk, not per poll, so a chunk of activity waits for at most one chunk
 * of customer deals or targets, not for a whole poll of them), and, once a poll is applied, how long its
 * records took from the producer to visible figures ({@code quotaflow.kpi.visible}, with p50/p95/p99) and the last
 * offset applied per topic-partition (for {@link ConsumptionStatus}).
 */
@Component
public class ConsumptionGate {

    private final ReentrantLock turns = new ReentrantLock(true);
    private final MeterRegistry meters;
    private final Clock wallClock = Clock.systemUTC();
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ConsumptionGate(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The turns kpi-service's ledgers take, one chunk at a time (give it to each of them). */
    public Lock turns() {
        return turns;
    }

    public Consumer<Message<List<byte[]>>> around(String topic, Consumer<Message<List<byte[]>>> ledger) {
        return message -> {
            ledger.accept(message);
            record(topic, message.getHeaders());
        };
    }

    /** The last offset applied by this process per topic-partition ({@code sales-activities-3}). */
    public Map<String, Long> applied() {
        return Map.copyOf(applied);
    }

    private void record(String topic, MessageHeaders headers) {
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<?> timestamps = list(headers, KafkaHeaders.RECEIVED_TIMESTAMP);
        long now = wallClock.millis();
        Timer timer = timers.computeIfAbsent(topic, t -> Timer.builder("quotaflow.kpi.visible")
                .description("from a record's timestamp (produced) to its figures applied and visible")
                .tag("topic", t).publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .register(meters));
        for (int i = 0; i < offsets.size(); i++) {
            applied.merge(topic + "-" + ((Number) partitions.get(i)).intValue(), ((Number) offsets.get(i)).longValue(),
                    Math::max);
            if (i < timestamps.size() && timestamps.get(i) instanceof Number timestamp && timestamp.longValue() > 0) {
                timer.record(Duration.ofMillis(Math.max(0, now - timestamp.longValue())));
            }
        }
    }

    private static List<?> list(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> list ? list : List.of();
    }
}
