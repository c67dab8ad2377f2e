package io.quotaflow.kpi.customers;

import io.quotaflow.events.kpi.CustomerTier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the customer endpoints answer: tier lists per team and the high-intent follow-up list of a rep. */
public final class CustomerViews {

    private CustomerViews() {
    }

    public record TierEntry(String customerId, String repId, CustomerTier tier, BigDecimal trailing12Months,
                            BigDecimal last6Months, BigDecimal prior6Months, LocalDate asOf, String reason) {
    }

    public record TeamTiers(String teamId, Map<CustomerTier, Long> counts, Map<CustomerTier, List<TierEntry>> tiers) {
    }

    public record Tiers(Instant asOf, List<TeamTiers> teams) {
    }

    /** One kind of signal behind a score: how many, and what they add up to now. */
    public record Signal(String kind, long count, BigDecimal contribution) {
    }

    public record IntentEntry(int rank, String customerId, BigDecimal score, Instant lastSignalAt,
                              List<Signal> signals) {
    }

    public record HighIntent(String repId, Instant asOf, Duration halfLife, List<IntentEntry> customers) {
    }
}
