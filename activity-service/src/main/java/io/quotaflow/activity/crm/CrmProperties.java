package io.quotaflow.activity.crm;

import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.events.activity.LeadChannel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM connectors ({@code quotaflow.activity.crm.*}). Secrets come from the environment; none is committed. A
 * connector without its secret refuses every request (401).
 *
 * @param signatureTolerance how old (or how far ahead) a signed request's timestamp may be (default 5 minutes)
 */
@ConfigurationProperties("quotaflow.activity.crm")
public record CrmProperties(Duration signatureTolerance, Webhook webhook, HubSpot hubspot, Salesforce salesforce) {

    public CrmProperties {
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
        webhook = webhook == null ? new Webhook(null) : webhook;
        hubspot = hubspot == null ? new HubSpot(null, null, null, null, null, null, null, null, null, null, null)
                : hubspot;
        salesforce = salesforce == null ? new Salesforce(null, null, null, null) : salesforce;
    }

    /** @param secrets the active signing secrets of the generic webhook (several while keys rotate) */
    public record Webhook(List<String> secrets) {
        public Webhook {
            secrets = secrets == null ? List.of() : secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        }
    }

    /**
     * @param clientSecret     the app's client secret, the key of the v3 signature
     * @param portalId         the HubSpot account (portal) whose webhooks are accepted; others are refused (403)
     * @param apiBaseUrl       HubSpot's API (default {@code https://api.hubapi.com})
     * @param accessToken      a private app's token, to read the objects webhooks name
     * @param defaultCurrency  of deals without {@code deal_currency_code} (default: the reporting currency)
     * @param stages           deal stage → canonical stage; {@code WON} closes the deal, any other value is the stage
     *                         of an {@code OPPORTUNITY_STAGE_CHANGED}; stages not listed pass through as they are
     * @param qualifiedStages  contact lifecycle stages that make a lead qualified
     * @param leadChannels     a contact's or a deal's {@code hs_analytics_source} (or the deal property
     *                         {@code dealFields} names for {@code channel}) → lead channel; values not listed (or
     *                         mapped to a blank) give none
     * @param dealFields       the deal property (internal name) a won deal's {@code product-line}, {@code region-id},
     *                         {@code gross-margin} (money, in the deal's currency) or {@code gross-margin-percent}
     *                         (a percentage of the amount), {@code promotion-code} and {@code channel} are read from
     *                         (see {@link DealFields}); only {@code channel} has a default,
     *                         {@code hs_analytics_source}; a blank value reads none
     * @param maxConcurrentFetches objects read from the API at once for one webhook delivery (default 8)
     * @param resilience       the Resilience4j time limiter, retry and circuit breaker, all named {@code hubspot}
     */
    public record HubSpot(String clientSecret, Long portalId, URI apiBaseUrl, String accessToken,
                          String defaultCurrency, Map<String, String> stages, List<String> qualifiedStages,
                          Map<String, String> leadChannels, Map<String, String> dealFields,
                          Integer maxConcurrentFetches, Resilience resilience) {
        public HubSpot {
            clientSecret = blankToNull(clientSecret);
            accessToken = blankToNull(accessToken);
            defaultCurrency = blankToNull(defaultCurrency);
            apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.hubapi.com") : apiBaseUrl;
            stages = stages == null ? Map.of("closedwon", "WON", "closedlost", "LOST") : Map.copyOf(stages);
            qualifiedStages = qualifiedStages == null ? List.of("salesqualifiedlead") : List.copyOf(qualifiedStages);
            leadChannels = checkedLeadChannels("quotaflow.activity.crm.hubspot.lead-channels",
                    overlaid(Map.of(), leadChannels));
            dealFields = DealFields.settled("quotaflow.activity.crm.hubspot.deal-fields", dealFields,
                    Map.of(Field.CHANNEL, "hs_analytics_source"));
            maxConcurrentFetches = maxConcurrentFetches == null ? 8 : maxConcurrentFetches;
            resilience = resilience == null ? new Resilience(null, null, null, null, null, null, null) : resilience;
        }

        /** {@link #dealFields} by the activity field each deal property fills. */
        public Map<Field, String> dealPropertiesByField() {
            return DealFields.byField(dealFields);
        }

        /** The deal property that holds the gross margin as a percentage of the amount, if one is named. */
        public Optional<String> marginPercentProperty() {
            return DealFields.marginPercentField(dealFields);
        }
    }

    /**
     * A downstream's Resilience4j settings: the time limit of one call, how often a failed call is tried (with a
     * pause), and when the breaker opens (failure rate over a window of calls) and for how long.
     */
    public record Resilience(Duration timeout, Integer maxAttempts, Duration retryWait, Float failureRateThreshold,
                             Integer slidingWindowSize, Integer minimumNumberOfCalls, Duration waitInOpenState) {
        public Resilience {
            timeout = timeout == null ? Duration.ofMillis(1500) : timeout;
            maxAttempts = maxAttempts == null ? 2 : maxAttempts;
            retryWait = retryWait == null ? Duration.ofMillis(200) : retryWait;
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
            minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
            waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(30) : waitInOpenState;
        }
    }

    /**
     * @param organizationId    the Salesforce org whose outbound messages are accepted (15 or 18 characters)
     * @param defaultCurrency   of opportunities without {@code CurrencyIsoCode} (default: the reporting currency)
     * @param leadChannels      an opportunity's {@code LeadSource} (or the field {@code opportunityFields} names for
     *                          {@code channel}) → lead channel; laid over the defaults ({@code Web},
     *                          {@code Partner Referral}, … of Salesforce's standard picklist), a blank value removes
     *                          one; values not listed give none
     * @param opportunityFields the opportunity field (API name) a won opportunity's {@code product-line},
     *                          {@code region-id}, {@code gross-margin} (money, in the opportunity's currency) or
     *                          {@code gross-margin-percent} (a percentage of the amount), {@code promotion-code} and
     *                          {@code channel} are read from (see {@link DealFields}); only {@code channel} has a
     *                          default, {@code LeadSource}; a blank value reads none
     */
    public record Salesforce(String organizationId, String defaultCurrency, Map<String, String> leadChannels,
                             Map<String, String> opportunityFields) {

        private static final Map<String, String> LEAD_SOURCES = Map.of("Web", "SEARCH_ADS",
                "Partner Referral", "PARTNER", "Partner", "PARTNER", "Employee Referral", "REFERRAL",
                "External Referral", "REFERRAL", "Word of mouth", "REFERRAL", "Trade Show", "OFFLINE_EVENT",
                "Purchased List", "OUTBOUND");

        public Salesforce {
            organizationId = blankToNull(organizationId);
            defaultCurrency = blankToNull(defaultCurrency);
            leadChannels = checkedLeadChannels("quotaflow.activity.crm.salesforce.lead-channels",
                    overlaid(LEAD_SOURCES, leadChannels));
            opportunityFields = DealFields.settled("quotaflow.activity.crm.salesforce.opportunity-fields",
                    opportunityFields, Map.of(Field.CHANNEL, "LeadSource"));
        }

        /** {@link #opportunityFields} by the activity field each opportunity field fills. */
        public Map<Field, String> opportunityFieldsByField() {
            return DealFields.byField(opportunityFields);
        }

        /** The opportunity field that holds the gross margin as a percentage of the amount, if one is named. */
        public Optional<String> marginPercentField() {
            return DealFields.marginPercentField(opportunityFields);
        }
    }

    /** {@code defaults} with {@code configured} laid over them; a blank configured value removes its key. */
    private static Map<String, String> overlaid(Map<String, String> defaults, Map<String, String> configured) {
        Map<String, String> overlaid = new LinkedHashMap<>(defaults);
        if (configured != null) {
            overlaid.putAll(configured);
        }
        overlaid.values().removeIf(value -> value == null || value.isBlank());
        return Map.copyOf(overlaid);
    }

    /**
     * A CRM's values → lead channels, each checked to be a {@link LeadChannel}: a misspelt one would refuse every
     * activity of that value.
     */
    private static Map<String, String> checkedLeadChannels(String setting, Map<String, String> channels) {
        channels.forEach((value, channel) -> {
            if (Arrays.stream(LeadChannel.values()).noneMatch(known -> known.name().equals(channel))) {
                throw new IllegalArgumentException(setting + "." + value + " must be a lead channel "
                        + Arrays.toString(LeadChannel.values()) + ", not '" + channel + "'");
            }
        });
        return Map.copyOf(channels);
    }

    /** Settings from the environment are empty strings when unset. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
