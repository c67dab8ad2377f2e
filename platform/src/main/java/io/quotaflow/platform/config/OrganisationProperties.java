package io.quotaflow.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;
import java.util.Currency;

/**
 * The organisation's reporting currency (default CNY) and time zone (default Asia/Shanghai); periods
 * ({@code YYYY-MM}) and days are cut in this zone.
 */
@ConfigurationProperties("quotaflow.organisation")
public record OrganisationProperties(Currency reportingCurrency, ZoneId timeZone) {

    public OrganisationProperties {
        reportingCurrency = reportingCurrency == null ? Currency.getInstance("CNY") : reportingCurrency;
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
    }
}
