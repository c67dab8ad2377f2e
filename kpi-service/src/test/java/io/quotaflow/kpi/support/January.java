package io.quotaflow.kpi.support;

import io.quotaflow.events.EntityRef;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.events.target.DailyTarget;
import io.quotaflow.events.target.TargetAssigned;
import io.quotaflow.events.target.WeeklyTarget;
import io.quotaflow.kpi.calendar.BusinessCalendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * January 2027 as the service tests see it (business time is pinned to Wednesday 20 January, 10:00 in Shanghai):
 * 20 working days (Monday to Friday, 1 January a holiday), 13 of them up to and including the 20th. Events happen at
 * 10:00 Shanghai time on the day named.
 */
public final class January {

    public static final YearMonth PERIOD = YearMonth.of(2027, 1);
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private January() {
    }

    public static Instant at(int day) {
        return LocalDate.of(2027, 1, day).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    /** The working days: weekdays but New Year's Day. */
    public static List<LocalDate> workingDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = PERIOD.atDay(2); !day.isAfter(PERIOD.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    /** A target spread evenly over the 20 working days ({@code monthly} must divide by 20 to the cent). */
    public static EventEnvelope<TargetAssigned> target(String planId, int version, EntityRef entity, TargetMetric metric,
                                                       String monthly, String base, String challenge) {
        BigDecimal total = new BigDecimal(monthly);
        List<LocalDate> days = workingDays();
        BigDecimal perDay = total.divide(BigDecimal.valueOf(days.size()));
        List<DailyTarget> daily = days.stream().map(day -> new DailyTarget(day, perDay)).toList();
        Map<String, List<LocalDate>> weeks = new LinkedHashMap<>();
        days.forEach(day -> weeks.computeIfAbsent(BusinessCalendar.week(day), w -> new ArrayList<>()).add(day));
        List<WeeklyTarget> weekly = new ArrayList<>();
        weeks.forEach((week, inWeek) -> weekly.add(new WeeklyTarget(week, inWeek.get(0), inWeek.get(inWeek.size() - 1),
                perDay.multiply(BigDecimal.valueOf(inWeek.size())))));
        TargetAssigned assigned = new TargetAssigned(planId, version, PERIOD, metric, entity, null, null, null, total,
                base == null ? null : new BigDecimal(base), challenge == null ? null : new BigDecimal(challenge),
                metric.isMoney() ? "CNY" : null, weekly, daily);
        return EventEnvelope.of(EventIds.of("test-plan", planId, Integer.toString(version), entity.key(),
                metric.name()), Instant.parse("2027-01-01T00:00:00Z"), "quotaflow/target-service", null, assigned);
    }

    public static EventEnvelope<ActivityEvent> won(String rep, String deal, String customer, String amount, int day,
                                                   Instant openedAt) {
        return activity(new DealClosed("test", deal + "-won", rep, customer, deal, new BigDecimal(amount), "CNY", null,
                null, null, "pl-core", null, LeadChannel.REFERRAL, null, openedAt, null, at(day)));
    }

    public static EventEnvelope<ActivityEvent> cancelled(String rep, String deal, String customer, int day) {
        return activity(new DealCancelled("test", deal + "-cancelled", rep, customer, deal, "withdrawn", at(day)));
    }

    public static EventEnvelope<ActivityEvent> paid(String rep, String deal, String customer, String amount, int day) {
        return activity(new PaymentCollected("test", deal + "-paid-" + day, rep, customer, deal, new BigDecimal(amount),
                "CNY", null, null, null, at(day)));
    }

    public static EventEnvelope<ActivityEvent> lead(String rep, String externalId, LeadChannel channel, int day) {
        return activity(new LeadCreated("test", externalId, rep, "lead-" + externalId, channel, null, null, null,
                at(day)));
    }

    public static EventEnvelope<ActivityEvent> qualified(String rep, String externalId, LeadChannel channel, int day) {
        return activity(new LeadQualified("test", externalId + "-q", rep, "lead-" + externalId, channel, null, at(day)));
    }

    public static EventEnvelope<ActivityEvent> followUp(String rep, String externalId, FollowUpChannel channel,
                                                        String customer, int day) {
        return activity(new FollowUpLogged("test", externalId, rep, customer, channel, 600, null, at(day)));
    }

    public static EventEnvelope<ActivityEvent> activity(ActivityEvent event) {
        return EventEnvelope.of(EventIds.of(event.source(), event.externalId(), event.type().name()), event.occurredAt(),
                "quotaflow/activity-service", null, event);
    }
}
