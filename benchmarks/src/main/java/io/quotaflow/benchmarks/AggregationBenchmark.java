package io.quotaflow.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.events.Topics;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.kpi.aggregation.ActivityProjection;
import io.quotaflow.kpi.aggregation.Projections;
import io.quotaflow.kpi.attainment.domain.Thresholds;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.customers.domain.IntentPolicy;
import io.quotaflow.kpi.customers.domain.TierPolicy;
import io.quotaflow.kpi.org.Org;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.InMemoryChunk;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.KafkaEventPublisher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One aggregation chunk of kpi-service in-process: its activity projection over a chunk of 2,000 events (the
 * service's default chunk size; one in five a won deal, the rest calls and visits, 200 reps in 10 teams) —
 * prefetch, every event's rows pre-aggregated per scope and month, the chunk's writes and derived events — with
 * the documents it reads empty (a fresh month), so MongoDB is not part of the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AggregationBenchmark {

    @Param("2000")
    public int chunk;

    private final BenchOrg org = new BenchOrg(200);
    private final Projections projections = new Projections(new BusinessCalendar(Workload.ZONE), org,
            Thresholds.defaults(), new BigDecimal("0.05"), TierPolicy.defaults(), IntentPolicy.defaults(), "CNY");
    /** kpi-service's own publisher, without Kafka: a chunk only encodes its derived events; nothing is sent. */
    private final EventPublisher publisher = new KafkaEventPublisher(null, new EventCodec(), "kpi-service",
            Duration.ofSeconds(1), new SimpleMeterRegistry());
    private List<Delivery<ActivityEvent>> deliveries;

    @Setup
    public void chunk() {
        Workload workload = new Workload(org.reps, 0, Instant.parse("2027-01-20T02:00:00Z"));
        deliveries = new ArrayList<>();
        for (int i = 0; i < chunk; i++) {
            deliveries.add(new Delivery<>(Topics.SALES_ACTIVITIES.name(), 0, i, workload.event(i)));
        }
    }

    /** The number of document writes and derived events (so the work cannot be optimised away). */
    @Benchmark
    public int aggregateOneChunk() {
        ActivityProjection projection = projections.activities();
        return InMemoryChunk.compute(projection, deliveries, Map.of(), publisher);
    }

    /** Reps {@code r-0000…} in teams of 20, in 4 regions, all year. */
    private static final class BenchOrg implements Org {
        private final int reps;

        BenchOrg(int reps) {
            this.reps = reps;
        }

        @Override
        public Optional<String> teamOf(String repId, LocalDate day) {
            return Optional.of(String.format("t-%02d", Integer.parseInt(repId.substring(2)) / 20));
        }

        @Override
        public Optional<String> regionOf(String teamId) {
            return Optional.of("reg-" + Integer.parseInt(teamId.substring(2)) % 4);
        }

        @Override
        public Optional<BigDecimal> grossMarginOf(String productLineId) {
            return Optional.of(new BigDecimal("0.40"));
        }

        @Override
        public List<String> membersDuring(String teamId, YearMonth period) {
            int team = Integer.parseInt(teamId.substring(2));
            List<String> members = new ArrayList<>();
            for (int r = team * 20; r < Math.min(reps, team * 20 + 20); r++) {
                members.add(String.format("r-%04d", r));
            }
            return members;
        }

        @Override
        public Set<String> teamsDuring(String repId, YearMonth period) {
            return Set.of(teamOf(repId, period.atDay(1)).orElseThrow());
        }

        @Override
        public List<String> teams() {
            List<String> teams = new ArrayList<>();
            for (int t = 0; t < (reps + 19) / 20; t++) {
                teams.add(String.format("t-%02d", t));
            }
            return teams;
        }
    }
}
