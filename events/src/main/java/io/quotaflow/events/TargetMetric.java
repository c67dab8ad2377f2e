package io.quotaflow.events;

/** What a target measures. Money metrics carry a currency; the others are counts. */
public enum TargetMetric {
    REVENUE(true),
    GROSS_MARGIN(true),
    COLLECTIONS(true),
    NEW_CUSTOMERS(false),
    DEALS(false),
    CALLS(false),
    VISITS(false),
    FOLLOW_UPS(false),
    QUALIFIED_LEADS(false);

    private final boolean money;

    TargetMetric(boolean money) {
        this.money = money;
    }

    /** Whether amounts of this metric are money (two decimals and a currency) rather than counts. */
    public boolean isMoney() {
        return money;
    }

    /** Decimal places of amounts of this metric: cents for money, whole units for counts. */
    public int scale() {
        return money ? 2 : 0;
    }
}
