package io.quotaflow.localstack.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * One generated activity: its canonical fields (API.md's names, values as the canonical API takes them) and the way
 * it reaches Quotaflow. For an activity that goes through Salesforce or HubSpot the fields are those activity-service
 * derives from the outbound message or from the webhook event and the object it reads back ({@code source}
 * {@code salesforce} or {@code hubspot}, the external id the CRM's).
 *
 * @param crmObjectId for an activity of a HubSpot rep, the HubSpot object it is about (a deal, contact, call, meeting
 *                    or e-mail id; see {@link HubSpotPortal}); otherwise {@code null}
 */
public record DemoActivity(Instant occurredAt, Route route, Map<String, String> fields, String crmObjectId) {

    /** How an activity reaches Quotaflow. */
    public enum Route {
        /** The months before the demo month: a CSV file through {@code POST /api/activities/imports}. */
        CSV,
        /** Deals, cancellations and payments from the order system: {@code POST /api/activities/batch}. */
        API,
        /** Leads, qualifications, engagement signals and WeChat follow-ups from a marketing relay: the signed generic webhook. */
        WEBHOOK,
        /** Calls, e-mails, visits, meetings and opportunity stages: Salesforce outbound messages. */
        SALESFORCE,
        /**
         * The HubSpot team's deals, stages, contacts (leads), calls, meetings and e-mails: signed HubSpot webhook
         * events, whose objects activity-service reads back from the launcher's {@link HubSpotPortal}.
         */
        HUBSPOT
    }

    public DemoActivity {
        fields = Collections.unmodifiableMap(fields);
    }

    public DemoActivity(Instant occurredAt, Route route, Map<String, String> fields) {
        this(occurredAt, route, fields, null);
    }

    public String type() {
        return fields.get("type");
    }

    public String repId() {
        return fields.get("repId");
    }

    public String field(String name) {
        return fields.get(name);
    }

    public BigDecimal amount() {
        String amount = fields.get("amount");
        return amount == null ? BigDecimal.ZERO : new BigDecimal(amount);
    }

    public DemoActivity via(Route other) {
        return new DemoActivity(occurredAt, other, fields, crmObjectId);
    }
}
