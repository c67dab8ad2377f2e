package io.quotaflow.reliability;

import io.quotaflow.localstack.crm.HubSpotCrmApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HubSpot's CRM API as activity-service reads it after a webhook ({@link HubSpotCrmApi}, in this JVM), holding the
 * deals and calls of the slices' activities. It lives as long as the test, so it outlives every kill and restart of
 * activity-service.
 */
final class HubSpotApi implements AutoCloseable {

    static final String TOKEN = "reliability-hubspot-token";

    private final HubSpotCrmApi api = HubSpotCrmApi.start(TOKEN);

    static HubSpotApi start() {
        return new HubSpotApi();
    }

    String baseUrl() {
        return api.baseUrl();
    }

    /** A won deal of the activity's rep (its HubSpot owner), closed at the activity's instant, in CNY. */
    void wonDeal(String dealId, Activity deal) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dealname", "Deal " + dealId);
        properties.put("amount", deal.amount().toPlainString());
        properties.put("deal_currency_code", "CNY");
        properties.put("dealstage", "closedwon");
        properties.put("closedate", deal.occurredAt().toString());
        properties.put("createdate", deal.occurredAt().minusSeconds(86_400).toString());
        properties.put("hubspot_owner_id", owner(deal.repId()));
        properties.put("pipeline", "default");
        api.put("deals", dealId, HubSpotCrmApi.object("deals", dealId, properties, deal.customerId() == null
                ? Map.of() : Map.of("companies", List.of(deal.customerId())), deal.occurredAt(), deal.occurredAt()));
    }

    /** A logged call of the activity's rep, at its instant. */
    void call(String callId, Activity call) {
        api.put("calls", callId, HubSpotCrmApi.object("calls", callId, Map.of("hs_timestamp",
                call.occurredAt().toString(), "hs_call_duration", "60000", "hubspot_owner_id", owner(call.repId())),
                Map.of(), call.occurredAt(), call.occurredAt()));
    }

    /** The HubSpot owner id that the owner mapping of {@code hubspot} resolves to the rep. */
    static String owner(String repId) {
        return "hs-" + repId;
    }

    @Override
    public void close() {
        api.close();
    }
}
