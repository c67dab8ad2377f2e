package io.quotaflow.activity.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        hubspot = hubspot == null ? new HubSpot(null, null, null, null, null, null, null, null, null, null) : hubspot;
        salesforce = salesforce == null ? new Salesforce(null, null) : salesforce;
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
     * @param leadChannels     a contact's {@code hs_analytics_source} → lead channel
     * @param maxConcurrentFetches objects read from the API at once for one webhook delivery (default 8)
     * @param resilience       the Resilience4j time limiter, retry and circuit breaker, all named {@code hubspot}
     */
    public record HubSpot(String clientSecret, Long portalId, URI apiBaseUrl, String accessToken,
                          String defaultCurrency, Map<String, String> stages, List<String> qualifiedStages,
                          Map<String, String> leadChannels, Integer maxConcurrentFetches, Resilience resilience) {
        public HubSpot {
            clientSecret = blankToNull(clientSecret);
            accessToken = blankToNull(accessToken);
            defaultCurrency = blankToNull(defaultCurrency);
            apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.hubapi.com") : apiBaseUrl;
            stages = stages == null ? Map.of("closedwon", "WON", "closedlost", "LOST") : Map.copyOf(stages);
            qualifiedStages = qualifiedStages == null ? List.of("salesqualifiedlead") : List.copyOf(qualifiedStages);
            leadChannels = leadChannels == null ? Map.of() : Map.copyOf(leadChannels);
            maxConcurrentFetches = maxConcurrentFetches == null ? 8 : maxConcurrentFetches;
            resilience = resilience == null ? new Resilience(null, null, null, null, null, null, null) : resilience;
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
     * @param organizationId  the Salesforce org whose outbound messages are accepted (15 or 18 characters)
     * @param defaultCurrency of opportunities without {@code CurrencyIsoCode} (default: the reporting currency)
     */
    public record Salesforce(String organizationId, String defaultCurrency) {
        public Salesforce {
            organizationId = blankToNull(organizationId);
            defaultCurrency = blankToNull(defaultCurrency);
        }
    }

    /** Settings from the environment are empty strings when unset. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
