package io.quotaflow.activity.crm.hubspot;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.DealFields;
import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.events.activity.ActivityType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What HubSpot's webhook events mean as canonical activities. A webhook carries ids and the changed property only,
 * so each event names the object to read ({@link #objectToRead}); the activity is made from the event and that
 * object ({@link #activity}).
 *
 * <ul>
 *   <li>{@code deal.propertyChange} of {@code dealstage}, and {@code deal.creation}: the stage through the stage map;
 *       {@code WON} is a {@code DEAL_CLOSED} (one per deal: its id is the deal's, so a deal re-won after a reopen is
 *       not sold twice), any other an {@code OPPORTUNITY_STAGE_CHANGED}. A won deal's product line, region, gross
 *       margin, promotion code and lead channel are read from the deal properties the settings name
 *       ({@code deal-fields}; the channel through the lead-channel map), and asked for with every deal; a stage
 *       change carries none of them, so none of them can refuse it;</li>
 *   <li>{@code contact.creation}: a {@code LEAD_CREATED}; {@code contact.propertyChange} of {@code lifecyclestage} to a
 *       qualified stage: a {@code LEAD_QUALIFIED};</li>
 *   <li>calls, meetings and emails ({@code call.creation} …, or {@code object.creation} of object types
 *       {@code 0-48}, {@code 0-47}, {@code 0-49}): a {@code FOLLOW_UP_LOGGED};</li>
 *   <li>anything else is not activity, and is ignored.</li>
 * </ul>
 * Every activity is {@code source} {@code hubspot} with HubSpot's {@code eventId} as its external id (but closed
 * deals, as above), so HubSpot's retries are duplicates; its rep is the object's {@code hubspot_owner_id}, which a CRM
 * owner mapping resolves.
 */
final class HubSpotEvents {

    static final String SOURCE = "hubspot";
    private static final Map<String, String> ENGAGEMENT_TYPE_IDS = Map.of("0-48", "calls", "0-47", "meetings",
            "0-49", "emails");
    private static final Map<String, String> ENGAGEMENT_SUBSCRIPTIONS = Map.of("call.creation", "calls",
            "meeting.creation", "meetings", "email.creation", "emails");
    private static final Map<String, String> CHANNELS = Map.of("calls", "CALL", "meetings", "MEETING",
            "emails", "EMAIL");
    static final List<String> DEAL_PROPERTIES = List.of("dealname", "amount", "deal_currency_code", "dealstage",
            "closedate", "createdate", "hubspot_owner_id", "pipeline");
    static final List<String> CONTACT_PROPERTIES = List.of("hubspot_owner_id", "lifecyclestage",
            "hs_analytics_source", "createdate");
    static final List<String> ENGAGEMENT_PROPERTIES = List.of("hs_timestamp", "hubspot_owner_id", "hs_call_duration",
            "hs_meeting_start_time", "hs_meeting_end_time");

    /** An object of HubSpot's CRM to read for an event. */
    record ObjectToRead(String type, String id, List<String> properties, List<String> associations) {
    }

    private final CrmProperties.HubSpot settings;
    private final String reportingCurrency;
    private final Map<Field, String> dealFields;
    /** The deal property holding the gross margin as a percentage of the amount, if the settings name one. */
    private final Optional<String> marginPercent;
    /** {@link #DEAL_PROPERTIES} and the deal properties the settings name. */
    private final List<String> dealProperties;

    HubSpotEvents(CrmProperties.HubSpot settings, String reportingCurrency) {
        this.settings = settings;
        this.reportingCurrency = reportingCurrency;
        this.dealFields = settings.dealPropertiesByField();
        this.marginPercent = settings.marginPercentProperty();
        this.dealProperties = Stream.of(DEAL_PROPERTIES.stream(), dealFields.values().stream(), marginPercent.stream())
                .flatMap(names -> names).distinct().toList();
    }

    /** The object the event is about, when the event is activity; empty when it is to be ignored. */
    Optional<ObjectToRead> objectToRead(JsonNode event) {
        String subscription = text(event, "subscriptionType");
        String id = text(event, "objectId");
        if (subscription == null || id == null) {
            return Optional.empty();
        }
        String property = text(event, "propertyName");
        if (subscription.equals("deal.creation")
                || subscription.equals("deal.propertyChange") && "dealstage".equals(property)) {
            return Optional.of(new ObjectToRead("deals", id, dealProperties, List.of("companies", "contacts")));
        }
        if (subscription.equals("contact.creation") || subscription.equals("contact.propertyChange")
                && "lifecyclestage".equals(property) && settings.qualifiedStages().contains(text(event, "propertyValue"))) {
            return Optional.of(new ObjectToRead("contacts", id, CONTACT_PROPERTIES, List.of("companies")));
        }
        String engagement = ENGAGEMENT_SUBSCRIPTIONS.get(subscription);
        if (engagement == null && subscription.equals("object.creation")) {
            engagement = ENGAGEMENT_TYPE_IDS.get(text(event, "objectTypeId"));
        }
        if (engagement != null) {
            return Optional.of(new ObjectToRead(engagement, id, ENGAGEMENT_PROPERTIES,
                    List.of("companies", "contacts", "deals")));
        }
        return Optional.empty();
    }

    /** The canonical activity of an event whose object was read. */
    RawActivity activity(JsonNode event, ObjectToRead read, JsonNode object) {
        JsonNode properties = object.path("properties");
        Map<Field, String> activity = new EnumMap<>(Field.class);
        activity.put(Field.SOURCE, SOURCE);
        activity.put(Field.EXTERNAL_ID, text(event, "eventId"));
        activity.put(Field.REP_ID, text(properties, "hubspot_owner_id"));
        activity.put(Field.OCCURRED_AT, millis(event, "occurredAt"));
        activity.put(Field.CUSTOMER_ID, firstAssociated(object, "companies").orElse(null));
        switch (read.type()) {
            case "deals":
                deal(event, read, properties, activity);
                break;
            case "contacts":
                boolean created = "contact.creation".equals(text(event, "subscriptionType"));
                activity.put(Field.TYPE, (created ? ActivityType.LEAD_CREATED : ActivityType.LEAD_QUALIFIED).name());
                activity.put(Field.CUSTOMER_ID, firstAssociated(object, "companies").orElse(read.id()));
                activity.put(Field.CHANNEL, leadChannel(text(properties, "hs_analytics_source")));
                break;
            default:
                activity.put(Field.TYPE, ActivityType.FOLLOW_UP_LOGGED.name());
                activity.put(Field.CHANNEL, CHANNELS.get(read.type()));
                activity.put(Field.DEAL_ID, firstAssociated(object, "deals").orElse(null));
                Optional.ofNullable(text(properties, "hs_timestamp")).ifPresent(at -> activity.put(Field.OCCURRED_AT, at));
                activity.put(Field.DURATION_SECONDS, durationSeconds(properties));
        }
        return RawActivity.of(activity);
    }

    private void deal(JsonNode event, ObjectToRead read, JsonNode properties, Map<Field, String> activity) {
        String stageId = "deal.propertyChange".equals(text(event, "subscriptionType")) ? text(event, "propertyValue")
                : text(properties, "dealstage");
        String stage = stageId == null ? null : settings.stages().getOrDefault(stageId, stageId);
        activity.put(Field.DEAL_ID, read.id());
        activity.put(Field.OPPORTUNITY_CREATED_AT, text(properties, "createdate"));
        activity.put(Field.AMOUNT, text(properties, "amount"));
        if ("WON".equals(stage)) {
            activity.put(Field.TYPE, ActivityType.DEAL_CLOSED.name());
            activity.put(Field.EXTERNAL_ID, "deal-" + read.id());
            Optional.ofNullable(text(properties, "closedate")).ifPresent(at -> activity.put(Field.OCCURRED_AT, at));
            wonDealFields(properties, activity);
        } else {
            activity.put(Field.TYPE, ActivityType.OPPORTUNITY_STAGE_CHANGED.name());
            activity.put(Field.STAGE, stage);
        }
        if (activity.get(Field.AMOUNT) != null || activity.get(Field.GROSS_MARGIN) != null) {
            activity.put(Field.CURRENCY, Optional.ofNullable(text(properties, "deal_currency_code"))
                    .or(() -> Optional.ofNullable(settings.defaultCurrency())).orElse(reportingCurrency));
        }
        if ("WON".equals(stage)) {
            marginPercent.ifPresent(property -> activity.put(Field.GROSS_MARGIN, DealFields.margin(
                    activity.get(Field.AMOUNT), text(properties, property), activity.get(Field.CURRENCY))));
        }
    }

    /** Product line, region, gross margin, promotion code and lead channel from the properties the settings name. */
    private void wonDealFields(JsonNode properties, Map<Field, String> activity) {
        dealFields.forEach((field, property) -> activity.put(field, field == Field.CHANNEL
                ? leadChannel(text(properties, property)) : text(properties, property)));
    }

    /** The lead channel an {@code hs_analytics_source} (or the value of a deal's channel property) maps to. */
    private String leadChannel(String source) {
        return source == null ? null : settings.leadChannels().get(source);
    }

    /** A call's {@code hs_call_duration} (milliseconds), or a meeting's length, in seconds. */
    private static String durationSeconds(JsonNode properties) {
        try {
            String duration = text(properties, "hs_call_duration");
            if (duration != null) {
                return Long.toString(Long.parseLong(duration) / 1000);
            }
            String start = text(properties, "hs_meeting_start_time");
            String end = text(properties, "hs_meeting_end_time");
            if (start != null && end != null) {
                return Long.toString(Duration.between(Instant.parse(start), Instant.parse(end)).toSeconds());
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return null;
    }

    private static Optional<String> firstAssociated(JsonNode object, String type) {
        JsonNode results = object.path("associations").path(type).path("results");
        return results.isArray() && !results.isEmpty() ? Optional.ofNullable(text(results.get(0), "id"))
                : Optional.empty();
    }

    /** Epoch milliseconds as an ISO instant (the event's own time). */
    private static String millis(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? Instant.ofEpochMilli(value.asLong()).toString() : text(node, field);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }
}
