package io.quotaflow.activity.crm.salesforce;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.activity.ingestion.Field;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an opportunity's fields make of a win, with and without {@code opportunity-fields} (the outbound message
 * from Salesforce to Kafka is {@link SalesforceOutboundMessageIT}'s).
 */
class SalesforceNotificationsTest {

    private static final Map<String, String> OPPORTUNITY_FIELDS = CrmTestSettings.SALESFORCE_OPPORTUNITY_FIELDS;

    @Test
    void shouldReadOnlyTheLeadSourceOfAWinWhenNoOpportunityFieldIsConfigured() {
        SalesforceNotifications.Mapped won = map(null, opportunity("true"));

        assertThat(won.activity().get(Field.TYPE)).isEqualTo("DEAL_CLOSED");
        assertThat(dealFields(won)).isEqualTo(Map.of(Field.CHANNEL, "PARTNER"));
        assertThat(won.origins()).containsEntry(Field.CHANNEL, "LeadSource");
    }

    @Test
    void shouldReadTheConfiguredFieldsOfAWinAndRememberWhereEachCameFrom() {
        SalesforceNotifications.Mapped won = map(OPPORTUNITY_FIELDS, opportunity("true"));

        assertThat(dealFields(won)).isEqualTo(Map.of(Field.PRODUCT_LINE, "pl-cloud", Field.REGION_ID, "east",
                Field.GROSS_MARGIN, "400.2", Field.PROMOTION_CODE, "DOUBLE12", Field.CHANNEL, "PARTNER"));
        assertThat(won.origins()).containsEntry(Field.GROSS_MARGIN, "Gross_Margin__c")
                .containsEntry(Field.PRODUCT_LINE, "Product_Line__c");
    }

    @Test
    void shouldTurnAMarginKeptAsAPercentageIntoMoneyInTheOpportunitysCurrency() {
        Map<String, String> fields = new LinkedHashMap<>(opportunity("true").fields());
        fields.put("Margin_Percent__c", "35.5");
        Map<String, String> percent = Map.of("gross-margin-percent", "Margin_Percent__c");

        SalesforceNotifications.Mapped won = map(percent, notification(fields));
        fields.put("Amount", "123457");
        fields.put("CurrencyIsoCode", "JPY");
        SalesforceNotifications.Mapped yen = map(percent, notification(fields));
        fields.put("Margin_Percent__c", "high");
        SalesforceNotifications.Mapped unreadable = map(percent, notification(fields));

        assertThat(won.activity().get(Field.GROSS_MARGIN)).as("1000.55 × 35.5 %% = 355.19525").isEqualTo("355.20");
        assertThat(won.origins()).containsEntry(Field.GROSS_MARGIN, "Margin_Percent__c");
        assertThat(yen.activity().get(Field.GROSS_MARGIN)).as("no minor unit in yen").isEqualTo("43827");
        assertThat(unreadable.activity().get(Field.GROSS_MARGIN)).as("left for ingestion to refuse, naming the field")
                .isEqualTo("high");
        assertThat(map(percent, opportunity("false")).activity().get(Field.GROSS_MARGIN)).isNull();
    }

    @Test
    void shouldReadNoneOfThemIntoAStageChange() {
        SalesforceNotifications.Mapped stage = map(OPPORTUNITY_FIELDS, opportunity("false"));

        assertThat(stage.activity().get(Field.TYPE)).isEqualTo("OPPORTUNITY_STAGE_CHANGED");
        assertThat(dealFields(stage)).isEmpty();
    }

    @Test
    void shouldGiveNoChannelForALeadSourceTheMapDoesNotListOrNone() {
        Map<String, String> phone = new LinkedHashMap<>(opportunity("true").fields());
        phone.put("LeadSource", "Phone Inquiry");
        Map<String, String> none = new LinkedHashMap<>(phone);
        none.remove("LeadSource");

        assertThat(map(null, notification(phone)).activity().get(Field.CHANNEL)).isNull();
        assertThat(map(null, notification(none)).activity().get(Field.CHANNEL)).isNull();
    }

    /** The win's product line, region, gross margin, promotion code and channel, those it has. */
    private static Map<Field, String> dealFields(SalesforceNotifications.Mapped mapped) {
        return Stream.of(Field.PRODUCT_LINE, Field.REGION_ID, Field.GROSS_MARGIN, Field.PROMOTION_CODE, Field.CHANNEL)
                .filter(field -> mapped.activity().get(field) != null)
                .collect(Collectors.toMap(field -> field, mapped.activity()::get));
    }

    private static SalesforceNotifications.Mapped map(Map<String, String> opportunityFields,
                                                      OutboundMessage.Notification notification) {
        CrmProperties.Salesforce settings = new CrmProperties.Salesforce(null, null, null, opportunityFields);
        return new SalesforceNotifications(settings, "CNY").map(notification).orElseThrow();
    }

    private static OutboundMessage.Notification opportunity(String isWon) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Id", "0065g00000AbCdEAAV");
        fields.put("OwnerId", "0055g00000AbCdEAAV");
        fields.put("AccountId", "0015g00000XyZaBAAV");
        fields.put("IsWon", isWon);
        fields.put("StageName", "Negotiation/Review");
        fields.put("Amount", "1000.55");
        fields.put("CurrencyIsoCode", "USD");
        fields.put("LastModifiedDate", "2027-01-19T06:30:00.000Z");
        fields.put("LeadSource", "Partner Referral");
        fields.put("Product_Line__c", "pl-cloud");
        fields.put("Sales_Region__c", "east");
        fields.put("Gross_Margin__c", "400.2");
        fields.put("Promotion_Code__c", "DOUBLE12");
        return notification(fields);
    }

    private static OutboundMessage.Notification notification(Map<String, String> fields) {
        return new OutboundMessage.Notification("04l5g000000AbCdAAK", "Opportunity", fields);
    }
}
