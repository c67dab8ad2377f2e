package io.quotaflow.reliability;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run's sales org and incentive plan, created through the gateway as sales ops would, and the wait until every
 * service knows every rep (each keeps its own copy of the org from the {@code sales-org} topic).
 */
final class SalesOrg {

    static final String REGION = "rl-region";

    private SalesOrg() {
    }

    static void create(Api api, Collection<Slice> slices, YearMonth period) {
        String admin = api.admin();
        ok(() -> api.put("/api/org/regions/" + REGION, admin,
                "{\"name\":\"Reliability\",\"marketType\":\"MATURE\",\"growthRate\":0.05}"));
        for (Slice slice : slices) {
            ok(() -> api.put("/api/org/teams/" + slice.team(), admin, "{\"name\":\"Team " + slice.name()
                    + "\",\"regionId\":\"" + REGION + "\",\"managerId\":\"m-" + slice.name() + "\"}"));
            for (String rep : slice.reps()) {
                ok(() -> api.put("/api/org/reps/" + rep, admin, "{\"name\":\"Rep " + rep + "\",\"teamId\":\"" + slice.team()
                        + "\",\"hiredOn\":\"" + period.minusMonths(6).atDay(1) + "\",\"capacity\":1.0}"));
            }
        }
        ok(() -> api.put("/api/incentives/plans/rl-plan", admin, """
                {"name":"Reliability plan","effectiveFrom":"%s","effectiveTo":null,"currency":"CNY",
                 "eligibility":{"roles":["REP"],"teamIds":null},
                 "rules":[
                   {"ruleId":"per-deal","type":"PER_UNIT","unit":"DEAL","amount":"%s"},
                   {"ruleId":"commission","type":"TIERED_COMMISSION","metric":"REVENUE","payOn":"CLOSE",
                    "bands":[{"from":0.0,"to":null,"rate":%s}]},
                   %s]}
                """.formatted(period.minusMonths(1).atDay(1), Reference.PER_DEAL, Reference.COMMISSION_RATE,
                PeriodClose.planRules())));

        // Every service must know every rep before activity flows: activity-service to accept it (an owner mapping
        // names only a rep it knows), kpi-service and incentive-service to count it for the right team.
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Slice slice : slices) {
                for (String rep : slice.reps()) {
                    for (String owner : List.of("salesforce/sf-" + rep, "hubspot/" + HubSpotApi.owner(rep))) {
                        assertThat(api.put("/api/crm/owners/" + owner, admin, "{\"repId\":\"" + rep + "\"}")
                                .status()).as("owner mapping " + owner).isIn(200, 201);
                    }
                    assertThat(api.get("/api/kpis/reps/" + rep + "?period=" + period, admin).status())
                            .as("kpi-service knows " + rep).isEqualTo(200);
                }
                String members = api.get("/api/incentives/statements?teamId=" + slice.team() + "&period=" + period,
                        admin).body();
                assertThat(members).as("incentive-service knows team " + slice.team()).contains(slice.reps());
            }
        });
    }

    /** Sends until 200 or 201: a service's first calls after start-up may outlast the gateway's time limit. */
    private static void ok(java.util.function.Supplier<Api.Answer> call) {
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Api.Answer answer = call.get();
            assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        });
    }
}
