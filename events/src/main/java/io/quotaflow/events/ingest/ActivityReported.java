package io.quotaflow.events.ingest;

import io.quotaflow.events.activity.ActivityType;
import io.quotaflow.events.activity.EngagementSignal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One activity as a CRM reports it: the canonical activity of {@code POST /api/activities}, which CRM pipelines
 * also write, as bare JSON, to {@code sales-activities-raw}. activity-service validates it, resolves the rep,
 * converts the amount to the reporting currency and publishes the activity event of its {@code type}.
 *
 * @param source        the system the activity comes from ({@code hubspot}, {@code salesforce}, {@code csv}, …)
 * @param externalId    its id there; with {@code source} and {@code type} it makes the deterministic event id
 * @param repId         the rep, or the CRM user that a CRM owner mapping of {@code source} resolves to a rep
 * @param amount        in {@code currency}, as reported (converted at ingestion)
 * @param channel       a {@code FollowUpChannel} for follow-ups, a {@code LeadChannel} for leads and deals
 * @param grossMargin   of a deal, in {@code currency}
 * @param reason        why a deal was cancelled
 */
public record ActivityReported(
        String source,
        String externalId,
        ActivityType type,
        String repId,
        Instant occurredAt,
        String customerId,
        BigDecimal amount,
        String currency,
        String productLine,
        String regionId,
        String channel,
        String dealId,
        String stage,
        Integer durationSeconds,
        String promotionCode,
        BigDecimal grossMargin,
        Instant opportunityCreatedAt,
        LocalDate dueDate,
        EngagementSignal signal,
        String reason) implements IngestRecord {

    @Override
    public String subject() {
        return repId;
    }
}
