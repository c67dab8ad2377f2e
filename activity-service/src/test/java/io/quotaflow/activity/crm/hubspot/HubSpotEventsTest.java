package io.quotaflow.activity.crm.hubspot;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.RawActivity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which deal properties are asked of HubSpot's API and what a won deal makes of them, with and without
 * {@code deal-fields} (the webhook from HubSpot to Kafka is {@link HubSpotWebhookIT}'s).
 */
class HubSpotEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> DEAL_FIELDS = CrmTestSettings.HUBSPOT_DEAL_FIELDS;
    private static final Map<String, String> DEAL = Map.of("amount", "1000.55", "deal_currency_code", "USD",
            "dealstage", "closedwon", "hubspot_owner_id", "hs-owner-501", "product_line", "pl-cloud",
            "sales_region", "east", "gross_margin_amount", "400.20", "promotion_code", "DOUBLE12",
            "hs_analytics_source", "REFERRALS");

    @Test
    void shouldAskForTheDealsStandardPropertiesAndItsSourceWhenNoDealFieldIsConfigured() {
        HubSpotEvents events = events(null);

        assertThat(events.objectToRead(dealStage("closedwon")).orElseThrow().properties())
                .containsExactlyElementsOf(plus(HubSpotEvents.DEAL_PROPERTIES, "hs_analytics_source"));
    }

    @Test
    void shouldAskForTodaysPropertiesOnlyWhenTheChannelIsUnsetToo() {
        HubSpotEvents events = events(Map.of("channel", ""));

        assertThat(events.objectToRead(dealStage("closedwon")).orElseThrow().properties())
                .containsExactlyElementsOf(HubSpotEvents.DEAL_PROPERTIES);
    }

    @Test
    void shouldAskForTheConfiguredDealPropertiesToo() {
        HubSpotEvents events = events(DEAL_FIELDS);

        assertThat(events.objectToRead(dealStage("closedwon")).orElseThrow().properties())
                .containsAll(HubSpotEvents.DEAL_PROPERTIES)
                .contains("product_line", "sales_region", "gross_margin_amount", "promotion_code")
                .contains("hs_analytics_source")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldLeaveAWonDealsProductLineRegionMarginAndPromotionOutUnlessConfigured() {
        RawActivity won = activity(events(null), dealStage("closedwon"), DEAL);

        assertThat(won.get(Field.TYPE)).isEqualTo("DEAL_CLOSED");
        assertThat(dealFields(won)).isEqualTo(Map.of(Field.CHANNEL, "REFERRAL"));
    }

    @Test
    void shouldReadTheConfiguredPropertiesIntoAWonDeal() {
        RawActivity won = activity(events(DEAL_FIELDS), dealStage("closedwon"), DEAL);

        assertThat(dealFields(won)).isEqualTo(Map.of(Field.PRODUCT_LINE, "pl-cloud", Field.REGION_ID, "east",
                Field.GROSS_MARGIN, "400.20", Field.PROMOTION_CODE, "DOUBLE12", Field.CHANNEL, "REFERRAL"));
        assertThat(won.get(Field.CURRENCY)).isEqualTo("USD");
    }

    @Test
    void shouldAskForAMarginKeptAsAPercentageAndTurnItIntoMoneyInTheDealsCurrency() {
        Map<String, String> deal = new HashMap<>(DEAL);
        deal.put("margin_pct", "40%");
        HubSpotEvents events = events(Map.of("gross-margin-percent", "margin_pct"));

        RawActivity won = activity(events, dealStage("closedwon"), deal);
        deal.remove("amount");
        RawActivity withoutAmount = activity(events, dealStage("closedwon"), deal);

        assertThat(events.objectToRead(dealStage("closedwon")).orElseThrow().properties()).contains("margin_pct")
                .doesNotContain("gross_margin_amount");
        assertThat(won.get(Field.GROSS_MARGIN)).as("1000.55 × 40 %%").isEqualTo("400.22");
        assertThat(withoutAmount.get(Field.GROSS_MARGIN)).as("ingestion refuses the deal for its amount").isNull();
        assertThat(activity(events, dealStage("contractsent"), DEAL).get(Field.GROSS_MARGIN)).isNull();
    }

    @Test
    void shouldGiveAWonDealWithAMarginButNoAmountItsCurrencySoThatOnlyTheAmountIsMissing() {
        Map<String, String> withoutAmount = new HashMap<>(DEAL);
        withoutAmount.remove("amount");

        RawActivity won = activity(events(DEAL_FIELDS), dealStage("closedwon"), withoutAmount);

        assertThat(won.get(Field.AMOUNT)).isNull();
        assertThat(won.get(Field.CURRENCY)).isEqualTo("USD");
    }

    @Test
    void shouldReadNoneOfThemIntoAStageChange() {
        RawActivity stage = activity(events(DEAL_FIELDS), dealStage("contractsent"), DEAL);

        assertThat(stage.get(Field.TYPE)).isEqualTo("OPPORTUNITY_STAGE_CHANGED");
        assertThat(dealFields(stage)).isEmpty();
    }

    @Test
    void shouldGiveNoChannelForASourceTheMapDoesNotListOrNoSourceAtAll() {
        Map<String, String> unlisted = new HashMap<>(DEAL);
        unlisted.put("hs_analytics_source", "AI_REFERRALS");
        JsonNode contactCreated = event("contact.creation", Map.of());

        assertThat(activity(events(null), dealStage("closedwon"), unlisted).get(Field.CHANNEL)).isNull();
        assertThat(activity(events(null), contactCreated, Map.of("hubspot_owner_id", "hs-owner-501"))
                .get(Field.CHANNEL)).isNull();
    }

    /** The activity's product line, region, gross margin, promotion code and channel, those it has. */
    private static Map<Field, String> dealFields(RawActivity activity) {
        return Stream.of(Field.PRODUCT_LINE, Field.REGION_ID, Field.GROSS_MARGIN, Field.PROMOTION_CODE, Field.CHANNEL)
                .filter(field -> activity.get(field) != null).collect(Collectors.toMap(field -> field, activity::get));
    }

    private static HubSpotEvents events(Map<String, String> dealFields) {
        return new HubSpotEvents(new CrmProperties.HubSpot(null, null, null, null, null, null, null,
                Map.of("REFERRALS", "REFERRAL"), dealFields, null, null), "CNY");
    }

    private static RawActivity activity(HubSpotEvents events, JsonNode event, Map<String, String> properties) {
        HubSpotEvents.ObjectToRead read = events.objectToRead(event).orElseThrow();
        return events.activity(event, read, JSON.valueToTree(Map.of("id", "9001", "properties", properties)));
    }

    private static JsonNode dealStage(String stage) {
        return event("deal.propertyChange", Map.of("propertyName", "dealstage", "propertyValue", stage));
    }

    /** A webhook event as HubSpot documents it: ids and the changed property only. */
    private static JsonNode event(String subscription, Map<String, Object> more) {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("eventId", 100, "subscriptionId", 1859972,
                "portalId", 62515, "appId", 1109808, "occurredAt", 1_800_000_000_000L, "subscriptionType",
                subscription, "attemptNumber", 0, "objectId", 9001, "changeSource", "CRM_UI"));
        event.putAll(more);
        return JSON.valueToTree(event);
    }

    private static List<String> plus(List<String> list, String more) {
        return Stream.concat(list.stream(), Stream.of(more)).toList();
    }
}
