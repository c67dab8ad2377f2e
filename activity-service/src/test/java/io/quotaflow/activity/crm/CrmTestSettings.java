package io.quotaflow.activity.crm;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The CRM connectors' settings in this module's tests (secrets exist only here, never in the service's
 * configuration): webhook secrets, HubSpot's client secret, account and API (the local {@link HubSpotStub}), the
 * Salesforce organisation, a HubSpot breaker that opens when 3 of its last 4 calls failed, and the custom deal
 * properties and opportunity fields of {@link #HUBSPOT_DEAL_FIELDS} and {@link #SALESFORCE_OPPORTUNITY_FIELDS}
 * (the lead channel keeps its default: {@code hs_analytics_source}, {@code LeadSource}). Registered in
 * {@code META-INF/spring.factories}, so that every test context is the same one and is shared.
 */
public class CrmTestSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String WEBHOOK_SECRET_OLD = "test-webhook-secret-2026";
    public static final String WEBHOOK_SECRET_NEW = "test-webhook-secret-2027";
    public static final String HUBSPOT_SECRET = "test-hubspot-client-secret";
    public static final long HUBSPOT_PORTAL = 62515;
    public static final String SALESFORCE_ORG = "00D5g000004bXYZEA2";
    /** Deal field → the HubSpot deal property (internal name) it is read from. */
    public static final Map<String, String> HUBSPOT_DEAL_FIELDS = Map.of("product-line", "product_line",
            "region-id", "sales_region", "gross-margin", "gross_margin_amount", "promotion-code", "promotion_code");
    /** Deal field → the Salesforce opportunity field (API name) it is read from. */
    public static final Map<String, String> SALESFORCE_OPPORTUNITY_FIELDS = Map.of("product-line", "Product_Line__c",
            "region-id", "Sales_Region__c", "gross-margin", "Gross_Margin__c", "promotion-code", "Promotion_Code__c");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "quotaflow.activity.crm.webhook.secrets=" + WEBHOOK_SECRET_OLD + "," + WEBHOOK_SECRET_NEW,
                "quotaflow.activity.crm.hubspot.client-secret=" + HUBSPOT_SECRET,
                "quotaflow.activity.crm.hubspot.portal-id=" + HUBSPOT_PORTAL,
                "quotaflow.activity.crm.hubspot.api-base-url=" + HubSpotStub.shared().baseUrl(),
                "quotaflow.activity.crm.hubspot.access-token=" + HubSpotStub.TOKEN,
                "quotaflow.activity.crm.hubspot.default-currency=USD",
                "quotaflow.activity.crm.hubspot.resilience.failure-rate-threshold=75",
                "quotaflow.activity.crm.hubspot.resilience.sliding-window-size=4",
                "quotaflow.activity.crm.hubspot.resilience.minimum-number-of-calls=4",
                "quotaflow.activity.crm.salesforce.organization-id=" + SALESFORCE_ORG
        ).and(settings("quotaflow.activity.crm.hubspot.deal-fields.", HUBSPOT_DEAL_FIELDS))
                .and(settings("quotaflow.activity.crm.salesforce.opportunity-fields.", SALESFORCE_OPPORTUNITY_FIELDS))
                .applyTo(context);
    }

    private static Stream<String> settings(String prefix, Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> prefix + field.getKey() + "=" + field.getValue());
    }
}
