package io.quotaflow.systemtests;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What sales ops do through the gateway with an ADMIN token: set up the org, approve a revenue plan, save an
 * incentive plan, and read KPIs, awards and statements back.
 */
final class SalesOps {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Between two looks at many figures: well inside the gateway's rate limits (300 calls a minute and caller). */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(2);

    private final Gateway gateway;
    private final String admin;

    SalesOps(Gateway gateway, String subject) {
        this.gateway = gateway;
        this.admin = gateway.admin(subject);
    }

    String token() {
        return admin;
    }

    void region(String id, String marketType, double growthRate) {
        put("/api/org/regions/" + id, Map.of("name", id, "marketType", marketType, "growthRate", growthRate));
    }

    void productLine(String id, double grossMargin, int strategicPriority) {
        put("/api/org/product-lines/" + id,
                Map.of("name", id, "grossMargin", grossMargin, "strategicPriority", strategicPriority));
    }

    void team(String id, String regionId, String managerId) {
        put("/api/org/teams/" + id, Map.of("name", id, "regionId", regionId, "managerId", managerId));
    }

    void rep(String id, String teamId) {
        put("/api/org/reps/" + id, Map.of("name", id, "teamId", teamId, "hiredOn", "2024-01-15", "capacity", 1.0));
    }

    private void put(String path, Map<String, Object> body) {
        Gateway.Reply reply = gateway.put(path, admin, body);
        assertThat(reply.status()).as(reply.raw()).isIn(200, 201); // 200: a first try answered 503 but stored it
        assertThat(reply.body().path("name").asString()).isEqualTo(body.get("name"));
    }

    /**
     * Creates the month's revenue plan (DRAFT), approves it, and returns every node's monthly target by
     * {@code "<TYPE>:<id>"} as the plan decomposed it.
     */
    Map<String, BigDecimal> approveRevenuePlan(String name, YearMonth period, BigDecimal total) {
        JsonNode draft = gateway.post("/api/targets/plans", admin, Map.of("name", name, "period", period.toString(),
                "metric", "REVENUE", "total", total.toPlainString(), "currency", "CNY",
                "levels", Map.of("base", 0.8, "challenge", 1.2),
                "allocation", Map.of("productLines", "MARGIN_PRIORITY", "regions", "GROWTH", "reps", "CAPACITY")))
                .expect(201);
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        String planId = draft.path("planId").asString();
        // 409: a first try answered 503 but approved it.
        assertThat(gateway.post("/api/targets/plans/" + planId + "/approve", admin, Map.of()).status()).isIn(200, 409);
        JsonNode approved = gateway.get("/api/targets/plans/" + planId, admin).expect(200);
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        for (JsonNode node : approved.path("nodes")) {
            targets.put(node.path("entityType").asString() + ":" + node.path("entityId").asString(),
                    Gateway.decimal(node.path("monthly")));
        }
        return targets;
    }

    void saveIncentivePlan(String planId, Map<String, Object> plan) {
        assertThat(gateway.put("/api/incentives/plans/" + planId, admin, plan).status()).isIn(200, 201);
    }

    /**
     * Waits until both consumers of the targets know each rep's revenue target: kpi-service shows it on the
     * scorecard, and incentive-service's what-if rates a deal of 1.5 × the target at the accelerated commission.
     */
    void awaitTargetsKnown(YearMonth period, Map<String, BigDecimal> targetByRep, IncentiveTerms terms) {
        targetByRep.forEach((rep, target) -> await(rep + "'s target known").atMost(PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(LOOK_AGAIN).untilAsserted(() -> {
            JsonNode revenue = scorecard(rep, period).at("/metrics/REVENUE");
            assertThat(Gateway.decimal(revenue.path("target"))).isEqualByComparingTo(target);
            BigDecimal deal = target.multiply(new BigDecimal("1.5")).setScale(2, java.math.RoundingMode.HALF_UP);
            JsonNode whatIf = gateway.post("/api/incentives/what-if", admin, Map.of("repId", rep,
                    "amount", deal.toPlainString(), "day", period.atDay(15).toString())).expect(200);
            BigDecimal commission = BigDecimal.ZERO;
            for (JsonNode line : whatIf.path("estimates")) {
                if (line.path("ruleId").asString().equals("commission")) {
                    commission = Gateway.decimal(line.path("amount"));
                }
            }
            assertThat(commission).isEqualByComparingTo(terms.commission(deal, target));
        }));
    }

    JsonNode scorecard(String rep, YearMonth period) {
        return gateway.get("/api/kpis/reps/" + rep + "?period=" + period, admin).expect(200);
    }

    JsonNode teamScorecard(String team, YearMonth period) {
        return gateway.get("/api/kpis/teams/" + team + "?period=" + period, admin).expect(200);
    }

    /** Asserts a rep's revenue, deals, calls and revenue attainment on the KPI API. */
    void assertScorecard(String rep, YearMonth period, ActivityBook book, BigDecimal target) {
        JsonNode metrics = scorecard(rep, period).path("metrics");
        BigDecimal revenue = book.revenue(rep);
        assertThat(Gateway.decimal(metrics.at("/REVENUE/actual"))).as(rep + " revenue").isEqualByComparingTo(revenue);
        assertThat(Gateway.decimal(metrics.at("/REVENUE/target"))).as(rep + " target").isEqualByComparingTo(target);
        assertThat(Gateway.decimal(metrics.at("/REVENUE/attainment"))).as(rep + " attainment")
                .isEqualByComparingTo(revenue.divide(target, 4, java.math.RoundingMode.HALF_UP));
        assertThat(Gateway.decimal(metrics.at("/DEALS/actual"))).as(rep + " deals")
                .isEqualByComparingTo(BigDecimal.valueOf(book.deals(rep)));
        assertThat(Gateway.decimal(metrics.at("/CALLS/actual"))).as(rep + " calls")
                .isEqualByComparingTo(BigDecimal.valueOf(book.calls(rep)));
        assertThat(Gateway.decimal(metrics.at("/NEW_CUSTOMERS/actual"))).as(rep + " new customers")
                .isEqualByComparingTo(BigDecimal.valueOf(book.newCustomers(rep)));
    }

    /** The rep's awards of the period that pay something, as rule → amounts, smallest first. */
    Map<String, List<BigDecimal>> awards(String rep, YearMonth period) {
        JsonNode awards = gateway.get("/api/incentives/awards?repId=" + rep + "&period=" + period, admin).expect(200);
        Map<String, List<BigDecimal>> paying = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode award : awards) {
            ids.add(award.path("awardId").asString());
            BigDecimal amount = Gateway.decimal(award.path("amount"));
            if (amount.signum() != 0) {
                paying.computeIfAbsent(award.path("ruleId").asString(), rule -> new ArrayList<>())
                        .add(amount.setScale(2));
            }
        }
        assertThat(ids).as(rep + "'s award ids").doesNotHaveDuplicates();
        paying.values().forEach(amounts -> amounts.sort(Comparator.naturalOrder()));
        return paying;
    }

    JsonNode statement(String rep, YearMonth period) {
        return gateway.get("/api/incentives/statements/" + rep + "?period=" + period, admin).expect(200);
    }

    /** The statement's net in CNY (zero when it has no line yet). */
    BigDecimal statementNet(String rep, YearMonth period) {
        for (JsonNode total : statement(rep, period).path("totals")) {
            if (total.path("currency").asString().equals("CNY")) {
                return Gateway.decimal(total.path("net"));
            }
        }
        return BigDecimal.ZERO.setScale(2);
    }
}
