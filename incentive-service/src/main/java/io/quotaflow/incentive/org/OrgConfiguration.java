package io.quotaflow.incentive.org;

import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sales org incentive-service sees. Until the platform's projection of the {@code sales-org} topic is wired
 * in, nobody is known: reps are paid as employed all period, plans limited to teams pay nobody, team bonuses
 * find no members.
 */
@Configuration(proxyBeanMethods = false)
class OrgConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SalesOrg salesOrg() {
        return new SalesOrg() {
            @Override
            public Optional<RepChanged> rep(String repId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> teamOf(String repId, LocalDate day) {
                return Optional.empty();
            }

            @Override
            public Optional<TeamChanged> team(String teamId) {
                return Optional.empty();
            }

            @Override
            public List<RepChanged> members(String teamId, LocalDate day) {
                return List.of();
            }

            @Override
            public List<TeamChanged> teams() {
                return List.of();
            }
        };
    }
}
