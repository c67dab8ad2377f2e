package io.quotaflow.incentive.domain;

import java.time.YearMonth;

/**
 * The identity of an award: one per (plan, rule, payee, period, tier), whatever delivers the events behind it and
 * however often. The id is built from exactly those parts, so it is the unique key of the award everywhere
 * (the {@code awards} documents' {@code _id}, statement lines, events).
 */
public final class AwardIds {

    /** Tier of the running commission award of a rule (one per payee and period, accruing deal by deal). */
    public static final String COMMISSION = "commission";

    private AwardIds() {
    }

    public static String of(String planId, String ruleId, String payeeId, YearMonth period, String tier) {
        return planId + ":" + ruleId + "|" + payeeId + "|" + period + "|" + tier;
    }

    /** The tier of a per-deal award. */
    public static String deal(String dealId) {
        return "deal:" + dealId;
    }

    /** The tier of a new-customer award. */
    public static String customer(String customerId) {
        return "customer:" + customerId;
    }

    /** The tier of a rank award: the place. */
    public static String place(int place) {
        return Integer.toString(place);
    }
}
