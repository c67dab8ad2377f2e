package io.quotaflow.activity.crm.salesforce;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.DealFields;
import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.events.activity.ActivityType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Salesforce notifications mean as canonical activities ({@code source} {@code salesforce}; the rep is the
 * record's {@code OwnerId}, which a CRM owner mapping resolves; the customer its {@code AccountId}):
 * <ul>
 *   <li>an {@code Opportunity} with {@code IsWon} true is a {@code DEAL_CLOSED} — {@code IsWon} decides, not the stage's
 *       label — once per opportunity (its id is the external id), with the product line, region, gross margin,
 *       promotion code and lead channel read from the opportunity fields the settings name
 *       ({@code opportunity-fields}; the channel through the lead-channel map); any other is an
 *       {@code OPPORTUNITY_STAGE_CHANGED}, once per opportunity and stage, which carries none of those;</li>
 *   <li>a {@code Task} that is a call ({@code CallType}, {@code CallDurationInSeconds} or subtype {@code Call}) is a
 *       {@code FOLLOW_UP_LOGGED} call of that duration; one of subtype {@code Email} an e-mail; other tasks are no
 *       activity;</li>
 *   <li>an {@code Event} is a meeting ({@code Type} {@code Visit}: a visit) of its {@code DurationInMinutes}.</li>
 * </ul>
 * Each field of an activity remembers the sObject field it came from, so that a problem names that one.
 */
final class SalesforceNotifications {

    static final String SOURCE = "salesforce";
    private static final String OPPORTUNITY_PREFIX = "006";

    /** An activity, and for each of its fields the sObject field it was read from. */
    record Mapped(RawActivity activity, Map<Field, String> origins) {
    }

    private final String defaultCurrency;
    private final Map<Field, String> opportunityFields;
    /** The opportunity field holding the gross margin as a percentage of the amount, if the settings name one. */
    private final Optional<String> marginPercent;
    private final Map<String, String> leadChannels;

    SalesforceNotifications(CrmProperties.Salesforce settings, String reportingCurrency) {
        this.defaultCurrency = Optional.ofNullable(settings.defaultCurrency()).orElse(reportingCurrency);
        this.opportunityFields = settings.opportunityFieldsByField();
        this.marginPercent = settings.marginPercentField();
        this.leadChannels = settings.leadChannels();
    }

    Optional<Mapped> map(OutboundMessage.Notification notification) {
        Map<String, String> f = notification.fields();
        Builder activity = new Builder(f);
        activity.put(Field.SOURCE, SOURCE, null);
        activity.from(Field.REP_ID, "OwnerId");
        activity.from(Field.CUSTOMER_ID, "AccountId");
        switch (notification.type()) {
            case "Opportunity":
                activity.from(Field.DEAL_ID, "Id");
                activity.from(Field.OPPORTUNITY_CREATED_AT, "CreatedDate");
                activity.from(Field.OCCURRED_AT, "LastModifiedDate");
                if (f.get("Amount") != null) {
                    activity.from(Field.AMOUNT, "Amount");
                }
                if ("true".equalsIgnoreCase(f.get("IsWon"))) {
                    activity.put(Field.TYPE, ActivityType.DEAL_CLOSED.name(), "IsWon");
                    activity.from(Field.EXTERNAL_ID, "Id");
                    wonDealFields(activity, f);
                } else {
                    activity.put(Field.TYPE, ActivityType.OPPORTUNITY_STAGE_CHANGED.name(), "IsWon");
                    activity.put(Field.EXTERNAL_ID, f.get("Id") + ":" + f.get("StageName"), "Id");
                    activity.from(Field.STAGE, "StageName");
                }
                String currency = Optional.ofNullable(f.get("CurrencyIsoCode")).orElse(defaultCurrency);
                if (activity.has(Field.AMOUNT) || activity.has(Field.GROSS_MARGIN)) {
                    activity.put(Field.CURRENCY, currency, "CurrencyIsoCode");
                }
                if ("true".equalsIgnoreCase(f.get("IsWon"))) {
                    marginPercent.ifPresent(field -> activity.put(Field.GROSS_MARGIN,
                            DealFields.margin(f.get("Amount"), f.get(field), currency), field));
                }
                return Optional.of(activity.build());
            case "Task":
                String channel = isCall(f) ? "CALL" : "Email".equalsIgnoreCase(f.get("TaskSubtype")) ? "EMAIL" : null;
                if (channel == null) {
                    return Optional.empty();
                }
                activity.put(Field.TYPE, ActivityType.FOLLOW_UP_LOGGED.name(), "TaskSubtype");
                activity.put(Field.CHANNEL, channel, "TaskSubtype");
                activity.from(Field.EXTERNAL_ID, "Id");
                activity.from(Field.OCCURRED_AT, "CreatedDate");
                activity.from(Field.DURATION_SECONDS, "CallDurationInSeconds");
                dealOf(activity, f);
                return Optional.of(activity.build());
            case "Event":
                activity.put(Field.TYPE, ActivityType.FOLLOW_UP_LOGGED.name(), "Type");
                activity.put(Field.CHANNEL, "Visit".equalsIgnoreCase(f.get("Type")) ? "VISIT" : "MEETING", "Type");
                activity.from(Field.EXTERNAL_ID, "Id");
                activity.from(Field.OCCURRED_AT, "StartDateTime");
                String minutes = f.get("DurationInMinutes");
                activity.put(Field.DURATION_SECONDS, minutes == null ? null : seconds(minutes), "DurationInMinutes");
                dealOf(activity, f);
                return Optional.of(activity.build());
            default:
                return Optional.empty();
        }
    }

    /** Product line, region, gross margin, promotion code and lead channel from the fields the settings name. */
    private void wonDealFields(Builder activity, Map<String, String> f) {
        opportunityFields.forEach((field, sObjectField) -> activity.put(field, field == Field.CHANNEL
                ? leadChannel(f.get(sObjectField)) : f.get(sObjectField), sObjectField));
    }

    /** The lead channel a {@code LeadSource} (or the value of the opportunity's channel field) maps to. */
    private String leadChannel(String source) {
        return source == null ? null : leadChannels.get(source);
    }

    private static boolean isCall(Map<String, String> f) {
        return f.get("CallType") != null || f.get("CallDurationInSeconds") != null
                || "Call".equalsIgnoreCase(f.get("TaskSubtype"));
    }

    /** {@code WhatId} names the opportunity a task or event is about, when it is one (ids starting {@code 006}). */
    private static void dealOf(Builder activity, Map<String, String> f) {
        String what = f.get("WhatId");
        if (what != null && what.startsWith(OPPORTUNITY_PREFIX)) {
            activity.put(Field.DEAL_ID, what, "WhatId");
        }
    }

    private static String seconds(String minutes) {
        try {
            return Long.toString(Long.parseLong(minutes) * 60);
        } catch (NumberFormatException notMinutes) {
            return minutes;
        }
    }

    private static final class Builder {
        private final Map<String, String> fields;
        private final Map<Field, String> values = new EnumMap<>(Field.class);
        private final Map<Field, String> origins = new EnumMap<>(Field.class);

        Builder(Map<String, String> fields) {
            this.fields = fields;
        }

        void from(Field field, String sObjectField) {
            put(field, fields.get(sObjectField), sObjectField);
        }

        void put(Field field, String value, String sObjectField) {
            values.put(field, value);
            if (sObjectField != null) {
                origins.put(field, sObjectField);
            }
        }

        boolean has(Field field) {
            return values.get(field) != null;
        }

        Mapped build() {
            return new Mapped(RawActivity.of(values), origins);
        }
    }
}
