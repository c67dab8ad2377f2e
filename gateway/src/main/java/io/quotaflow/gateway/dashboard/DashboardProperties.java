package io.quotaflow.gateway.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The dashboard served at {@code /}.
 *
 * @param refreshInterval how often an open dashboard fetches its numbers again
 * @param demoUsers       identities the login page offers, one click each; only while dev tokens are on
 */
@ConfigurationProperties("quotaflow.gateway.dashboard")
public record DashboardProperties(Duration refreshInterval, List<DemoUser> demoUsers) {

    public DashboardProperties {
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(5) : refreshInterval;
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    /** What the login page asks {@code POST /auth/dev-token} for, and the name it shows. */
    public record DemoUser(String sub, String name, List<String> roles, String repId, List<String> teamIds) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
            teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
        }
    }
}
