package io.quotaflow.incentive.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A validated, versioned incentive plan: effective from one day to another (open-ended when {@code effectiveTo}
 * is null), paying in {@code currency}, under its eligibility, by its rules.
 */
public record IncentivePlan(String planId, int version, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                            String currency, Eligibility eligibility, List<Rule> rules) {

    public IncentivePlan {
        rules = List.copyOf(rules);
    }

    /** Whether the plan is in effect on {@code day}. */
    public boolean effectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** Whether the plan is in effect on any day of {@code period}. */
    public boolean effectiveIn(YearMonth period) {
        return !period.atEndOfMonth().isBefore(effectiveFrom)
                && (effectiveTo == null || !period.atDay(1).isAfter(effectiveTo));
    }

    /** Whether the two plans' effective dates share a day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !effectiveFrom.isAfter(to);
        boolean endsAfterOtherStarts = effectiveTo == null || !effectiveTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(rule -> rule.ruleId().equals(ruleId)).findFirst();
    }

    public <R extends Rule> List<R> rules(Class<R> type) {
        return rules.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
