package io.quotaflow.activity.crm;

import io.quotaflow.activity.ingestion.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM deal-field settings as an admin writes them, bound the way the service binds them at startup: their
 * defaults, the spellings of their keys, and the start refused with the setting named when one is wrong.
 */
class CrmPropertiesTest {

    private final ApplicationContextRunner startup = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void shouldReadOnlyEachCrmsLeadSourceByDefault() {
        startup.run(context -> {
            CrmProperties crm = context.getBean(CrmProperties.class);
            assertThat(crm.hubspot().dealPropertiesByField()).isEqualTo(Map.of(Field.CHANNEL, "hs_analytics_source"));
            assertThat(crm.salesforce().opportunityFieldsByField()).isEqualTo(Map.of(Field.CHANNEL, "LeadSource"));
            assertThat(crm.salesforce().leadChannels()).containsEntry("Web", "SEARCH_ADS")
                    .containsEntry("Partner Referral", "PARTNER");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"product-line", "productLine", "PRODUCT_LINE", "productline"})
    void shouldTakeAKeyInEverySpellingOfItsName(String key) {
        started(crm -> assertThat(crm.hubspot().dealPropertiesByField()).isEqualTo(Map.of(
                        Field.PRODUCT_LINE, "product_line", Field.CHANNEL, "hs_analytics_source")),
                "quotaflow.activity.crm.hubspot.deal-fields." + key + "=product_line");
    }

    @Test
    void shouldTakeTheFieldsFromEnvironmentVariablesAsTheDemoLauncherSetsThem() {
        Map<String, Object> environment = Map.of("QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_PRODUCTLINE", "product_line",
                "QUOTAFLOW_ACTIVITY_CRM_HUBSPOT_DEALFIELDS_GROSSMARGINPERCENT", "margin_pct");
        startup.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CrmProperties crm = context.getBean(CrmProperties.class);
                    assertThat(crm.hubspot().dealPropertiesByField()).containsEntry(Field.PRODUCT_LINE, "product_line");
                    assertThat(crm.hubspot().marginPercentProperty()).contains("margin_pct");
                });
    }

    @Test
    void shouldLayTheConfiguredFieldsOverTheDefaultsAndReadNoneForABlankOne() {
        started(crm -> assertThat(crm.salesforce().opportunityFieldsByField()).isEqualTo(Map.of(
                        Field.PRODUCT_LINE, "Product_Line__c", Field.REGION_ID, "Sales_Region__c",
                        Field.GROSS_MARGIN, "Gross_Margin__c", Field.PROMOTION_CODE, "Promotion_Code__c")),
                "quotaflow.activity.crm.salesforce.opportunity-fields.product-line=Product_Line__c",
                "quotaflow.activity.crm.salesforce.opportunity-fields.region-id=Sales_Region__c",
                "quotaflow.activity.crm.salesforce.opportunity-fields.gross-margin=Gross_Margin__c",
                "quotaflow.activity.crm.salesforce.opportunity-fields.promotion-code=Promotion_Code__c",
                "quotaflow.activity.crm.salesforce.opportunity-fields.channel=");
    }

    @Test
    void shouldLayConfiguredLeadSourcesOverSalesforcesDefaults() {
        started(crm -> assertThat(crm.salesforce().leadChannels()).containsEntry("Phone Inquiry", "OUTBOUND")
                        .containsEntry("Trade Show", "OFFLINE_EVENT").doesNotContainKey("Web"),
                "quotaflow.activity.crm.salesforce.lead-channels[Phone Inquiry]=OUTBOUND",
                "quotaflow.activity.crm.salesforce.lead-channels[Web]=");
    }

    @Test
    void shouldRefuseToStartWithAKeyThatIsNoDealField() {
        assertStartRefused("quotaflow.activity.crm.hubspot.deal-fields has no field 'product-lines'; it maps "
                + "product-line, region-id, gross-margin, gross-margin-percent, promotion-code, channel",
                "quotaflow.activity.crm.hubspot.deal-fields.product-lines=product_line");
        assertStartRefused("quotaflow.activity.crm.salesforce.opportunity-fields has no field 'amount'",
                "quotaflow.activity.crm.salesforce.opportunity-fields.amount=Amount");
    }

    @Test
    void shouldTakeAMarginKeptAsAPercentageButNotBesideOneKeptAsMoney() {
        started(crm -> {
                    assertThat(crm.hubspot().marginPercentProperty()).contains("margin_pct");
                    assertThat(crm.hubspot().dealPropertiesByField()).doesNotContainKey(Field.GROSS_MARGIN);
                    assertThat(crm.salesforce().marginPercentField()).isEmpty();
                },
                "quotaflow.activity.crm.hubspot.deal-fields.grossMarginPercent=margin_pct");
        assertStartRefused("quotaflow.activity.crm.salesforce.opportunity-fields names both gross-margin and "
                        + "gross-margin-percent",
                "quotaflow.activity.crm.salesforce.opportunity-fields.gross-margin=Gross_Margin__c",
                "quotaflow.activity.crm.salesforce.opportunity-fields.gross-margin-percent=Margin_Percent__c");
    }

    @Test
    void shouldRefuseToStartWithALabelWhereAnApiNameBelongs() {
        assertStartRefused("quotaflow.activity.crm.salesforce.opportunity-fields.product-line must be a field's API "
                + "name (letters, digits and '_'), not 'Product Line'",
                "quotaflow.activity.crm.salesforce.opportunity-fields.product-line=Product Line");
    }

    @Test
    void shouldRefuseToStartWithALeadChannelThatIsNone() {
        assertStartRefused("quotaflow.activity.crm.hubspot.lead-channels.REFERRALS must be a lead channel",
                "quotaflow.activity.crm.hubspot.lead-channels.REFERRALS=REFERRALS");
    }

    private void started(Consumer<CrmProperties> check, String... settings) {
        startup.withPropertyValues(settings).run(context -> {
            assertThat(context).hasNotFailed();
            check.accept(context.getBean(CrmProperties.class));
        });
    }

    private void assertStartRefused(String message, String... settings) {
        startup.withPropertyValues(settings).run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CrmProperties.class)
    static class Settings {
    }
}
