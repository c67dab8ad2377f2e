package io.quotaflow.activity.ingestion;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quotaflow.events.activity.ActivityType;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code quotaflow.activity.ingested{via, source, type, outcome=accepted|duplicate|rejected}} and
 * {@code quotaflow.activity.ingestion.latency{via}}: from receipt of the request (or record) to Kafka's
 * acknowledgement. Sources are client data, so at most {@value #MAX_SOURCES} distinct ones are tagged; the rest
 * count as {@code other}.
 */
@Component
class IngestionMetrics {

    static final String INGESTED = "quotaflow.activity.ingested";
    static final String LATENCY = "quotaflow.activity.ingestion.latency";
    private static final int MAX_SOURCES = 50;
    private static final Pattern TAGGABLE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    private final MeterRegistry meters;
    private final Set<String> sources = ConcurrentHashMap.newKeySet();

    IngestionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(Via via, String source, ActivityType type, String outcome) {
        meters.counter(INGESTED, "via", via.tag(), "source", sourceTag(source),
                "type", type == null ? "invalid" : type.name(), "outcome", outcome).increment();
    }

    void latency(Via via, long receivedNanos) {
        Timer.builder(LATENCY).description("from receipt of an activity to Kafka's acknowledgement")
                .tag("via", via.tag()).publishPercentileHistogram().register(meters)
                .record(Duration.ofNanos(System.nanoTime() - receivedNanos));
    }

    private String sourceTag(String source) {
        if (source == null) {
            return "invalid";
        }
        String normalised = source.toLowerCase(Locale.ROOT);
        if (!TAGGABLE.matcher(normalised).matches()) {
            return "invalid";
        }
        if (sources.contains(normalised) || (sources.size() < MAX_SOURCES && sources.add(normalised))) {
            return normalised;
        }
        return "other";
    }
}
