package io.quotaflow.events.activity;

/** The canonical activity types accepted at ingestion, one per activity event. */
public enum ActivityType {
    LEAD_CREATED(LeadCreated.class),
    LEAD_QUALIFIED(LeadQualified.class),
    FOLLOW_UP_LOGGED(FollowUpLogged.class),
    OPPORTUNITY_STAGE_CHANGED(OpportunityStageChanged.class),
    DEAL_CLOSED(DealClosed.class),
    DEAL_CANCELLED(DealCancelled.class),
    PAYMENT_COLLECTED(PaymentCollected.class),
    ENGAGEMENT_SIGNALLED(EngagementSignalled.class);

    private final Class<? extends ActivityEvent> eventClass;

    ActivityType(Class<? extends ActivityEvent> eventClass) {
        this.eventClass = eventClass;
    }

    public Class<? extends ActivityEvent> eventClass() {
        return eventClass;
    }
}
