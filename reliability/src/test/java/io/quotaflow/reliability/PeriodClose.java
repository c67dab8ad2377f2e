package io.quotaflow.reliability;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The incentive period close as sales ops run it through the gateway, and what the close itself must pay by the
 * run's plan (incentive-service's README): the top sellers by revenue ({@code RANK}, {@value #TOP_SELLER}: the
 * {@link #RANK_AMOUNTS}, ties split) and each member of a team at or above its revenue target ({@code TEAM_BONUS},
 * {@value #TEAM_BONUS}: {@link #PER_MEMBER}). Both are decided from kpi-service's attainment, so the closed month
 * gets revenue targets (small ones: every deal moves a rep's attainment by a whole step, so the last one reported is
 * the rep's revenue).
 */
final class PeriodClose {

    static final String TOP_SELLER = "top-seller";
    static final String TEAM_BONUS = "team-bonus";
    static final List<String> RULES = List.of(TOP_SELLER, TEAM_BONUS);
    static final List<BigDecimal> RANK_AMOUNTS = List.of(new BigDecimal("500.00"), new BigDecimal("200.00"));
    static final BigDecimal PER_MEMBER = new BigDecimal("50.00");

    private PeriodClose() {
    }

    /** The plan's rules the close decides, as JSON items of its {@code rules}. */
    static String planRules() {
        return """
                {"ruleId":"%s","type":"RANK","metric":"REVENUE","amounts":["%s","%s"]},
                {"ruleId":"%s","type":"TEAM_BONUS","metric":"REVENUE","level":1.0,"amountPerMember":"%s"}"""
                .formatted(TOP_SELLER, RANK_AMOUNTS.get(0), RANK_AMOUNTS.get(1), TEAM_BONUS, PER_MEMBER);
    }

    /**
     * Approves a revenue target plan of {@code total} for the period (decomposed over the whole org) and waits until
     * kpi-service shows each of the slice's reps their target; the monthly target per node ({@code TEAM:t},
     * {@code REP:r}).
     */
    static Map<String, BigDecimal> approveTargets(Api api, Slice slice, YearMonth period, BigDecimal total) {
        String admin = api.admin();
        Api.Answer draft = api.post("/api/targets/plans", admin, "{\"name\":\"Reliability " + period
                + "\",\"period\":\"" + period + "\",\"metric\":\"REVENUE\",\"total\":\"" + total.toPlainString()
                + "\",\"currency\":\"CNY\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String planId = draft.json().path("planId").asString();
        assertThat(api.post("/api/targets/plans/" + planId + "/approve", admin, "{}").status()).isIn(200, 409);
        JsonNode approved = api.get("/api/targets/plans/" + planId, admin).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        Map<String, BigDecimal> targets = new TreeMap<>();
        for (JsonNode node : approved.path("nodes")) {
            targets.put(node.path("entityType").asString() + ":" + node.path("entityId").asString(),
                    new BigDecimal(node.path("monthly").asString()));
        }
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String rep : slice.reps()) {
                JsonNode revenue = api.get("/api/kpis/reps/" + rep + "?period=" + period, admin).json()
                        .path("metrics").path("REVENUE");
                assertThat(revenue.path("target").isMissingNode() ? null : new BigDecimal(revenue.path("target")
                        .asString())).as(rep + "'s target known").isEqualByComparingTo(targets.get("REP:" + rep));
            }
        });
        return targets;
    }

    /** Closes the period as ADMIN, again while it answers 409 (events still being applied); the closed period. */
    static JsonNode close(Api api, YearMonth period) {
        AtomicReference<JsonNode> closed = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Api.Answer answer = api.post("/api/incentives/periods/" + period + "/close", api.admin(), "{}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            closed.set(answer.json());
        });
        assertThat(closed.get().path("status").asString()).isEqualTo("CLOSED");
        return closed.get();
    }

    /** The close's awards for the given reps, as rep → amounts of its rank and team lines. */
    static Map<String, List<BigDecimal>> awards(JsonNode closed, List<String> reps) {
        Map<String, List<BigDecimal>> awards = new TreeMap<>();
        for (JsonNode award : closed.path("awards")) {
            String rep = award.path("repId").asString();
            if (reps.contains(rep)) {
                awards.computeIfAbsent(rep, r -> new ArrayList<>()).add(new BigDecimal(award.path("amount").asString()));
            }
        }
        awards.values().forEach(amounts -> amounts.sort(Comparator.naturalOrder()));
        return awards;
    }

    /**
     * What the close must pay the slice's reps for {@code period}, from the figures sent until it: rank places by
     * revenue (above zero; tied reps share the amounts of the places they occupy, cents left over one each in rep-id
     * order), and the team bonus to every member when the team's revenue reaches its target.
     */
    static Map<String, List<BigDecimal>> expected(Map<Reference.Key, Reference.Figures> figures, YearMonth period,
                                                  List<String> reps, BigDecimal teamTarget) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (String rep : reps) {
            revenue.put(rep, figures.getOrDefault(new Reference.Key(rep, period), Reference.Figures.NONE).revenue());
        }
        Map<String, List<BigDecimal>> awards = new TreeMap<>();
        List<String> ranked = revenue.keySet().stream().filter(rep -> revenue.get(rep).signum() > 0)
                .sorted(Comparator.comparing((String rep) -> revenue.get(rep)).reversed()
                        .thenComparing(Comparator.<String>naturalOrder())).toList();
        for (int place = 0; place < ranked.size() && place < RANK_AMOUNTS.size(); ) {
            BigDecimal value = revenue.get(ranked.get(place));
            List<String> tied = ranked.stream().filter(rep -> revenue.get(rep).compareTo(value) == 0).sorted().toList();
            BigDecimal pot = BigDecimal.ZERO;
            for (int i = place; i < place + tied.size() && i < RANK_AMOUNTS.size(); i++) {
                pot = pot.add(RANK_AMOUNTS.get(i));
            }
            BigDecimal each = pot.divide(BigDecimal.valueOf(tied.size()), 2, RoundingMode.DOWN);
            long leftCents = pot.subtract(each.multiply(BigDecimal.valueOf(tied.size()))).movePointRight(2).longValue();
            for (int i = 0; i < tied.size(); i++) {
                awards.computeIfAbsent(tied.get(i), r -> new ArrayList<>())
                        .add(i < leftCents ? each.add(new BigDecimal("0.01")) : each);
            }
            place += tied.size();
        }
        BigDecimal team = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (team.signum() > 0 && team.compareTo(teamTarget) >= 0) {
            reps.forEach(rep -> awards.computeIfAbsent(rep, r -> new ArrayList<>()).add(PER_MEMBER));
        }
        awards.values().forEach(amounts -> amounts.sort(Comparator.naturalOrder()));
        return awards;
    }
}
