package io.quotaflow.kpi.attainment;

import io.quotaflow.events.EventIds;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.AttainmentChanged;
import io.quotaflow.events.kpi.AttainmentLevel;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.attainment.domain.Pacing;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.kpi.attainment.domain.Thresholds;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Doc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Derives {@code AttainmentChanged} from a scope's progress document once a chunk has moved its actual or its target:
 * at most one event per (scope, period, metric) and chunk, plus one per threshold crossed. Coalesced: a change that
 * crosses no threshold is announced only when attainment has moved into another step (default 5 percentage points)
 * since the last announcement. A crossing is always announced, up and down, each with a deterministic id per
 * (scope, period, metric, threshold, direction, occurrence): the first crossing up of BASE is occurrence 1, and a
 * second one after a fall (a cancellation) is occurrence 2 — a new fact, not a duplicate to drop.
 *
 * <p>The progress document remembers what was announced: {@code lv.<METRIC>} (thresholds reached), {@code lvl}
 * (level), {@code bk} (attainment step), {@code n.<METRIC>.<threshold>.<UP|DOWN>} (crossings so far),
 * {@code np.<METRIC>} (progress updates so far) and {@code at.<METRIC>} (the last announcement's {@code asOf}).
 * Each evaluation compares the truth with what was announced, so a crossing a chunk could not judge (its progress
 * document was not read) is announced by the next that can.
 */
public final class AttainmentSignals {

    private final Thresholds thresholds;
    private final BigDecimal step;
    private final BusinessCalendar calendar;
    private final String reportingCurrency;

    public AttainmentSignals(Thresholds thresholds, BigDecimal step, BusinessCalendar calendar, String reportingCurrency) {
        this.thresholds = thresholds;
        this.step = step;
        this.calendar = calendar;
        this.reportingCurrency = reportingCurrency;
    }

    /** Announces what the chunk changed for one metric of one scope's month; {@code progress} must have been read. */
    public void evaluate(Doc progress, Scope scope, YearMonth period, TargetMetric metric, Instant asOf,
                         List<UUID> causedBy, Batch batch) {
        if (!progress.loaded()) {
            return;
        }
        TargetPlan plan = ProgressTargets.read(progress, metric, period);
        if (plan == null || !plan.isPositive()) {
            return;
        }
        BigDecimal actual = progress.decimal("a." + metric);
        Set<String> before = new LinkedHashSet<>();
        progress.list("lv." + metric).forEach(name -> before.add(String.valueOf(name)));
        Set<String> after = thresholds.reached(actual, plan);
        AttainmentLevel previousLevel = progress.has("lvl." + metric)
                ? AttainmentLevel.valueOf(progress.string("lvl." + metric)) : AttainmentLevel.BELOW_BASE;
        AttainmentLevel level = Pacing.level(actual, plan);
        Double attainment = Pacing.ratio(actual, plan.monthly());
        Double pace = Pacing.ratio(actual, Pacing.expectedToDate(plan, period, calendar.day(asOf)));
        long bucket = bucket(attainment);
        long lastBucket = progress.count("bk." + metric);
        String currency = plan.currency() != null ? plan.currency() : metric.isMoney() ? reportingCurrency : null;
        List<Thresholds.Crossing> crossings = thresholds.crossings(before, after);
        Instant announced = announcedAt(progress, metric, asOf);
        if (!crossings.isEmpty() || bucket != lastBucket) {
            progress.set("at." + metric, announced);
        }
        for (Thresholds.Crossing crossing : crossings) {
            String counter = "n." + metric + "." + crossing.threshold().replace('.', '_') + "." + crossing.direction();
            long occurrence = progress.count(counter) + 1;
            progress.inc(counter, 1);
            UUID id = EventIds.of("kpi-attainment", scope.key(), period.toString(), metric.name(), crossing.threshold(),
                    crossing.direction().name(), Long.toString(occurrence));
            emit(batch, id, announced, new AttainmentChanged(scope.ref(), period, metric, actual, plan.monthly(),
                    plan.base(), plan.challenge(), currency, attainment, pace, level, previousLevel, announced,
                    causedBy, crossing.threshold(), crossing.direction()));
        }
        if (crossings.isEmpty() && bucket != lastBucket) {
            long occurrence = progress.count("np." + metric) + 1;
            progress.inc("np." + metric, 1);
            UUID id = EventIds.of("kpi-attainment-progress", scope.key(), period.toString(), metric.name(),
                    Long.toString(occurrence));
            emit(batch, id, announced, new AttainmentChanged(scope.ref(), period, metric, actual, plan.monthly(),
                    plan.base(), plan.challenge(), currency, attainment, pace, level, previousLevel, announced,
                    causedBy));
        }
        if (!after.equals(before)) {
            progress.set("lv." + metric, List.copyOf(after));
        }
        if (level != previousLevel) {
            progress.set("lvl." + metric, level);
        }
        if (bucket != lastBucket) {
            progress.set("bk." + metric, bucket);
        }
    }

    /**
     * The {@code asOf} of what this evaluation announces: the latest event's time, but always after the previous
     * announcement's ({@code at.<METRIC>}). Consumers keep the announcement with the latest {@code asOf} (incentive
     * -service's thresholds, ranks and team bonuses); a late or back-dated event's change states the month's truth
     * as it is now, so it must not look older than what it replaces.
     */
    private static Instant announcedAt(Doc progress, TargetMetric metric, Instant asOf) {
        Instant time = asOf.truncatedTo(ChronoUnit.MILLIS);
        Instant previous = progress.instant("at." + metric);
        return previous != null && !time.isAfter(previous) ? previous.plusMillis(1) : time;
    }

    /** Which attainment step the attainment is in: floor(attainment / step); 0 without attainment. */
    long bucket(Double attainment) {
        if (attainment == null || step.signum() <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(attainment).divide(step, 0, RoundingMode.FLOOR).longValue();
    }

    private static void emit(Batch batch, UUID id, Instant asOf, AttainmentChanged event) {
        batch.emit(batch.publisher().envelope(id, asOf, event));
    }
}
