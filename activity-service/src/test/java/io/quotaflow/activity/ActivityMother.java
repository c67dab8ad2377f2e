package io.quotaflow.activity;

import java.util.UUID;

/**
 * Canonical activities of every type with every field the type carries, as a CRM would send them to
 * {@code POST /api/activities}. Business time in tests is pinned to 2027-01-20T02:00Z; these happened the day before.
 */
public final class ActivityMother {

    public static final String OCCURRED_AT = "2027-01-19T06:30:00Z";
    public static final String OPPORTUNITY_CREATED_AT = "2026-12-10T02:00:00Z";

    private ActivityMother() {
    }

    /** An id no other test uses, so that no activity is a duplicate of another test's. */
    public static String newExternalId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static Body base(String type, String repId) {
        return Body.of("source", "api", "externalId", newExternalId(type.toLowerCase()), "type", type,
                "repId", repId, "occurredAt", OCCURRED_AT);
    }

    public static Body leadCreated(String repId) {
        return base("LEAD_CREATED", repId).with("customerId", "c-100").with("channel", "LIVESTREAM")
                .with("productLine", "pl-saas").with("regionId", "east").with("promotionCode", "CNY27");
    }

    public static Body leadQualified(String repId) {
        return base("LEAD_QUALIFIED", repId).with("customerId", "c-100").with("channel", "LIVESTREAM")
                .with("productLine", "pl-saas");
    }

    public static Body followUpLogged(String repId) {
        return base("FOLLOW_UP_LOGGED", repId).with("customerId", "c-100").with("channel", "CALL")
                .with("durationSeconds", 420).with("dealId", "d-1");
    }

    public static Body opportunityStageChanged(String repId) {
        return base("OPPORTUNITY_STAGE_CHANGED", repId).with("customerId", "c-100").with("dealId", "d-1")
                .with("stage", "NEGOTIATION").with("amount", "88000.00").with("currency", "CNY")
                .with("opportunityCreatedAt", OPPORTUNITY_CREATED_AT);
    }

    public static Body dealClosed(String repId) {
        return base("DEAL_CLOSED", repId).with("customerId", "c-100").with("dealId", "d-1")
                .with("amount", "88000.00").with("currency", "CNY").with("grossMargin", "36960.00")
                .with("productLine", "pl-saas").with("regionId", "east").with("channel", "REFERRAL")
                .with("promotionCode", "CNY27").with("opportunityCreatedAt", OPPORTUNITY_CREATED_AT)
                .with("dueDate", "2027-02-15");
    }

    public static Body dealCancelled(String repId) {
        return base("DEAL_CANCELLED", repId).with("customerId", "c-100").with("dealId", "d-1")
                .with("reason", "contract withdrawn");
    }

    public static Body paymentCollected(String repId) {
        return base("PAYMENT_COLLECTED", repId).with("customerId", "c-100").with("dealId", "d-1")
                .with("amount", "44000.00").with("currency", "CNY").with("dueDate", "2027-02-15");
    }

    public static Body engagementSignalled(String repId) {
        return base("ENGAGEMENT_SIGNALLED", repId).with("customerId", "c-100").with("signal", "SITE_VISIT")
                .with("durationSeconds", 240);
    }
}
