package io.quotaflow.kpi.alerts;

import io.quotaflow.events.EntityType;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.kpi.KpiAnomalyDetected;
import io.quotaflow.events.kpi.KpiAnomalyDetected.AlertStatus;
import io.quotaflow.kpi.KpiProperties;
import io.quotaflow.kpi.aggregation.Figures;
import io.quotaflow.kpi.aggregation.Layout;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.MonthFigures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.alerts.AlertViews.AlertView;
import io.quotaflow.kpi.alerts.domain.AlertRules;
import io.quotaflow.kpi.alerts.domain.Finding;
import io.quotaflow.kpi.attainment.domain.Pacing;
import io.quotaflow.kpi.attainment.domain.Standing;
import io.quotaflow.kpi.attainment.domain.TargetPlan;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.scorecard.ScorecardViews.ScopeView;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates the alert rules ({@link AlertRules}) for the company, every team and every rep with figures or a target
 * this month, as of the business clock, and keeps each alert raised once and cleared when its condition no longer
 * holds: a {@code KpiAnomalyDetected} (RAISED, then CLEARED) per change, with ids deterministic per (alert, status,
 * occurrence) — published before the evaluation's alerts are stored (in one bulk write), so that a crash in between
 * republishes the same events, which consumers drop. One instance at a time evaluates (a lease); alerts still raised
 * when their month ends are cleared.
 */
@Component
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final String LEASE = "kpi-alerts";

    private final Figures figures;
    private final AlertStore store;
    private final EventPublisher publisher;
    private final Leases leases;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final AlertRules rules;
    private final Duration leaseFor;
    private final String holder = UUID.randomUUID().toString();

    public AlertEvaluator(Figures figures, AlertStore store, EventPublisher publisher, Leases leases,
                          BusinessCalendar calendar, Clock clock, KpiProperties properties) {
        this.figures = figures;
        this.store = store;
        this.publisher = publisher;
        this.leases = leases;
        this.calendar = calendar;
        this.clock = clock;
        this.rules = new AlertRules(properties.alerts().policy());
        this.leaseFor = properties.alerts().every().multipliedBy(3).plusSeconds(30);
    }

    /** Runs one evaluation if this instance holds the lease; returns how many alerts were raised or cleared. */
    public synchronized int evaluate() {
        if (!leases.tryAcquire(LEASE, holder, leaseFor)) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = calendar.day(now);
        YearMonth period = YearMonth.from(today);
        return evaluate(period, today, now) + closeMonth(period.minusMonths(1), now);
    }

    /** The scheduled run: a failure is logged and the next run tries again. */
    void evaluateQuietly() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Alert evaluation failed ({}); the next run tries again", e.toString());
        }
    }

    private int evaluate(YearMonth period, LocalDate today, Instant now) {
        Set<Scope> scopes = new LinkedHashSet<>();
        scopes.add(Scope.COMPANY);
        scopes.addAll(figures.scopes(period, EntityType.TEAM));
        scopes.addAll(figures.scopes(period, EntityType.REP));
        List<YearMonth> months = List.of(period.minusMonths(2), period.minusMonths(1), period);
        Map<String, MonthFigures> history = figures.months(scopes, months);
        Map<Scope, Map<TargetMetric, TargetPlan>> targets = figures.targets(scopes, period);
        Map<String, AlertView> stored = store.of(period);
        Set<String> holding = new HashSet<>();
        List<AlertView> evaluated = new ArrayList<>();
        int changed = 0;
        for (Scope scope : scopes) {
            List<MonthFigures> series = months.stream().map(month -> history.get(Layout.id(scope, month))).toList();
            MonthFigures current = series.get(series.size() - 1);
            Map<TargetMetric, Standing> standings = new EnumMap<>(TargetMetric.class);
            targets.getOrDefault(scope, Map.of()).forEach((metric, plan) -> standings.put(metric, Pacing.standing(
                    metric, current.month().get(Measure.of(metric)).setScale(metric.scale(), RoundingMode.HALF_UP),
                    plan, period, today)));
            List<Finding> findings = rules.evaluate(scope.type() + " " + scope.id(), today,
                    (range, measure) -> sum(series, range, measure), standings);
            for (Finding finding : findings) {
                String alertId = alertId(scope, period, finding);
                holding.add(alertId);
                AlertView prior = stored.get(alertId);
                boolean raise = prior == null || prior.status() == AlertStatus.CLEARED;
                long occurrences = prior == null ? 1 : raise ? prior.occurrences() + 1 : prior.occurrences();
                AlertView alert = new AlertView(alertId, ScopeView.of(scope), period, finding.kind(),
                        finding.metric() == null ? null : finding.metric().name(), finding.severity(),
                        AlertStatus.RAISED, finding.message(), finding.evidence(), raise ? now : prior.raisedAt(), null,
                        now, occurrences);
                if (raise) {
                    announce(scope, alert, now);
                    changed++;
                }
                evaluated.add(alert);
            }
        }
        for (AlertView alert : stored.values()) {
            if (alert.status() == AlertStatus.RAISED && !holding.contains(alert.alertId())) {
                evaluated.add(clear(alert, now, "no longer holds"));
                changed++;
            }
        }
        store.save(evaluated);
        return changed;
    }

    /** Clears what is still raised in a month that has ended. */
    private int closeMonth(YearMonth period, Instant now) {
        List<AlertView> cleared = new ArrayList<>();
        for (AlertView alert : store.of(period).values()) {
            if (alert.status() == AlertStatus.RAISED) {
                cleared.add(clear(alert, now, "the month ended"));
            }
        }
        store.save(cleared);
        return cleared.size();
    }

    /** Announces that the alert is cleared and returns it cleared, to be stored. */
    private AlertView clear(AlertView raised, Instant now, String why) {
        Scope scope = raised.scope().scope();
        AlertView cleared = new AlertView(raised.alertId(), raised.scope(), raised.period(), raised.kind(),
                raised.metric(), raised.severity(), AlertStatus.CLEARED, raised.message() + " — cleared: " + why,
                raised.evidence(), raised.raisedAt(), now, now, raised.occurrences());
        announce(scope, cleared, now);
        return cleared;
    }

    private void announce(Scope scope, AlertView alert, Instant now) {
        KpiAnomalyDetected event = new KpiAnomalyDetected(alert.alertId(), scope.ref(), alert.period(), alert.kind(),
                alert.severity(), alert.metric() == null ? null : TargetMetric.valueOf(alert.metric()), alert.message(),
                alert.evidence(), now, alert.status());
        UUID id = EventIds.of("kpi-alert", alert.alertId(), alert.status().name(), Long.toString(alert.occurrences()));
        publisher.publish(publisher.envelope(id, now, event));
    }

    static String alertId(Scope scope, YearMonth period, Finding finding) {
        return EventIds.of("kpi-alert-id", scope.key(), period.toString(), finding.key()).toString();
    }

    private static BigDecimal sum(List<MonthFigures> series, AlertRules.Range range, Measure measure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MonthFigures month : series) {
            LocalDate from = range.from().isBefore(month.period().atDay(1)) ? month.period().atDay(1) : range.from();
            LocalDate to = range.to().isAfter(month.period().atEndOfMonth()) ? month.period().atEndOfMonth() : range.to();
            sum = sum.add(month.between(from, to).get(measure));
        }
        return sum;
    }
}
