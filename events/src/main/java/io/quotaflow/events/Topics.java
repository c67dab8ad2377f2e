package io.quotaflow.events;

import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.events.ingest.IngestRecord;
import io.quotaflow.events.kpi.CustomerDealEvent;
import io.quotaflow.events.kpi.KpiEvent;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.target.TargetEvent;

import java.util.List;
import java.util.Optional;

/** The registry of Quotaflow topics. Use these constants, never topic names as string literals. */
public final class Topics {

    public static final Topic<TargetEvent> TARGETS =
            new Topic<>("targets", "target-service", "target node, e.g. REP:r-001", TargetEvent.class);

    /** The sales org, compacted: the latest state of every region, product line, team and rep. */
    public static final Topic<OrgEvent> SALES_ORG =
            new Topic<>("sales-org", "target-service", "entity, e.g. REP:r-001", OrgEvent.class, true);

    public static final Topic<ActivityEvent> SALES_ACTIVITIES =
            new Topic<>("sales-activities", "activity-service", "repId", ActivityEvent.class);

    /**
     * Canonical activities written by CRM pipelines (Kafka Connect, Debezium) as bare JSON, one
     * {@link io.quotaflow.events.ingest.ActivityReported} per record; activity-service validates them into
     * {@link #SALES_ACTIVITIES} and dead-letters the invalid ones to {@code sales-activities-raw.activity-service.dlq}.
     */
    public static final Topic<IngestRecord> SALES_ACTIVITIES_RAW =
            new Topic<>("sales-activities-raw", Topic.EXTERNAL, "any, e.g. repId (the value is one canonical activity)",
                    IngestRecord.class);

    public static final Topic<KpiEvent> KPI_CHANGES =
            new Topic<>("kpi-changes", "kpi-service", "scope, e.g. REP:r-001 (customerId for tiers)", KpiEvent.class);

    /** kpi-service's internal re-keying of won deals by customer (first deal ever, tiers); no other consumer. */
    public static final Topic<CustomerDealEvent> KPI_CUSTOMER_DEALS =
            new Topic<>("kpi-customer-deals", "kpi-service", "customerId", CustomerDealEvent.class);

    public static final Topic<IncentiveEvent> INCENTIVES =
            new Topic<>("incentives", "incentive-service", "repId (period for PeriodClosed)", IncentiveEvent.class);

    private static final List<Topic<?>> ALL = List.of(TARGETS, SALES_ORG, SALES_ACTIVITIES, SALES_ACTIVITIES_RAW,
            KPI_CHANGES, KPI_CUSTOMER_DEALS, INCENTIVES);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The topic that carries events of the given type. */
    public static Topic<?> of(Class<? extends DomainEvent> eventType) {
        return ALL.stream()
                .filter(topic -> topic.family().isAssignableFrom(eventType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(eventType.getName() + " is on no topic"));
    }
}
