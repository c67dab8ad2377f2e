package io.quotaflow.gateway.dashboard;

import io.quotaflow.gateway.security.TokenProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardControllerTest {

    private static final DashboardProperties PROPERTIES = new DashboardProperties(Duration.ofSeconds(5), List.of(
            new DashboardProperties.DemoUser("alice", "Alice", List.of("MANAGER"), null, List.of("t-east"))));
    /** 2027-01-31T17:00Z is already February in Shanghai. */
    private static final Clock LAST_EVENING_OF_JANUARY = Clock.fixed(Instant.parse("2027-01-31T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldOfferNoDemoUsersWithoutDevTokens() {
        DashboardController.Settings settings = controller(false).settings();

        assertThat(settings.devTokens()).isFalse();
        assertThat(settings.demoUsers()).isEmpty();
    }

    @Test
    void shouldOfferTheDemoUsersWithDevTokensAndTheMonthOfTheOrganisationsZone() {
        DashboardController.Settings settings = controller(true).settings();

        assertThat(settings.demoUsers()).extracting(DashboardProperties.DemoUser::sub).containsExactly("alice");
        assertThat(settings.period()).isEqualTo("2027-02");
        assertThat(settings.refreshMillis()).isEqualTo(5000);
    }

    private static DashboardController controller(boolean devTokens) {
        TokenProperties tokens = new TokenProperties("http://issuer.test", "quotaflow", "file:/key.pem", false, null,
                new TokenProperties.DevTokens(devTokens, Duration.ofHours(1)), null);
        return new DashboardController(PROPERTIES, tokens, LAST_EVENING_OF_JANUARY, ZoneId.of("Asia/Shanghai"), "CNY");
    }
}
