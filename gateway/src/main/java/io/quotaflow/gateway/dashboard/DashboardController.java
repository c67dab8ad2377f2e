package io.quotaflow.gateway.dashboard;

import io.quotaflow.gateway.security.TokenProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * What the dashboard (static files under {@code static/}) needs to know before it calls the API: the current
 * period in the organisation's time zone, the reporting currency, how often to refresh, and, in the embedded demo
 * only, the demo users its login page offers.
 */
@RestController
class DashboardController {

    private final DashboardProperties properties;
    private final TokenProperties tokens;
    private final Clock clock;
    private final ZoneId zone;
    private final String currency;

    DashboardController(DashboardProperties properties, TokenProperties tokens, Clock clock,
                        @Value("${quotaflow.organisation.time-zone:Asia/Shanghai}") ZoneId zone,
                        @Value("${quotaflow.organisation.reporting-currency:CNY}") String currency) {
        this.properties = properties;
        this.tokens = tokens;
        this.clock = clock;
        this.zone = zone;
        this.currency = currency;
    }

    @GetMapping("/dashboard/settings")
    Settings settings() {
        boolean devTokens = tokens.devTokens().enabled();
        return new Settings(YearMonth.now(clock.withZone(zone)).toString(), zone.getId(), currency,
                properties.refreshInterval().toMillis(), devTokens,
                devTokens ? properties.demoUsers() : List.of());
    }

    /**
     * @param period            the current month in the organisation's time zone ({@code 2027-01})
     * @param refreshMillis     how often the dashboard fetches its numbers again
     * @param devTokens         whether the login page may mint demo tokens at {@code POST /auth/dev-token}
     * @param demoUsers         the identities it offers (empty without dev tokens)
     */
    record Settings(String period, String timeZone, String currency, long refreshMillis, boolean devTokens,
                    List<DashboardProperties.DemoUser> demoUsers) {
    }
}
