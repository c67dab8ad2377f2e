package io.quotaflow.systemtests;

import io.quotaflow.systemtests.ActivityBook.Activity;
import io.quotaflow.systemtests.CrmMessages.Notification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.quotaflow.systemtests.ActivityBook.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quotaflow's whole job, through the gateway only, on the system the launcher starts: the sales org → a revenue
 * plan, approved → an incentive plan → a month of activity through every ingestion path (the canonical API single
 * and batch, the signed generic webhook, a Salesforce Outbound Message), with duplicates, a webhook retry, a
 * cancellation, out-of-order and late events and bad payloads → KPIs equal to what this test computes from what it
 * sent → awards, once → the period closed, with its rank and team awards, once → the month-end review, whose
 * drivers add up to the gap.
 *
 * <p>The month is last month (the services run on the wall clock), so it can be closed; the steps are ordered
 * and build on each other.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final YearMonth PERIOD = YearMonth.now(ActivityBook.ZONE).minusMonths(1);
    private static final String T1 = "e2e-t1";
    private static final String T2 = "e2e-t2";
    private static final String R1 = "e2e-r1";
    private static final String R2 = "e2e-r2";
    private static final String R3 = "e2e-r3";
    private static final List<String> REPS = List.of(R1, R2, R3);
    private static final String SALESFORCE_OWNER = "005E2E000000003AAA";
    private static final IncentiveTerms TERMS = new IncentiveTerms(
            new TreeMap<>(Map.of(new BigDecimal("0.8"), new BigDecimal("2000.00"),
                    new BigDecimal("1.0"), new BigDecimal("3000.00"))),
            new BigDecimal("50000.00"), new BigDecimal("500.00"),
            List.of(new BigDecimal("5000.00"), new BigDecimal("2000.00")), new BigDecimal("1000.00"));

    private static Gateway gateway;
    private static SalesOps ops;
    private static String crm;
    private static final ActivityBook book = new ActivityBook();
    private static Map<String, BigDecimal> targets;

    @BeforeAll
    static void connect() {
        gateway = new Gateway(SharedSystem.get());
        ops = new SalesOps(gateway, "e2e-ops");
        crm = gateway.integration("e2e-crm-pipeline");
    }

    @Test
    @Order(1)
    void shouldSetUpTheOrgTheTargetsAndTheIncentivePlan() {
        ops.region("e2e-east", "MATURE", 0.05);
        ops.region("e2e-west", "EMERGING", 0.20);
        ops.productLine("e2e-hardware", 0.35, 3);
        ops.productLine("e2e-software", 0.60, 5);
        ops.team(T1, "e2e-east", "e2e-m1");
        ops.team(T2, "e2e-west", "e2e-m2");
        ops.rep(R1, T1);
        ops.rep(R2, T1);
        ops.rep(R3, T2);

        targets = ops.approveRevenuePlan("E2E revenue", PERIOD, new BigDecimal("1000000.00"));
        assertThat(targets.get("TEAM:" + T1)).isEqualByComparingTo(target(R1).add(target(R2)));
        assertThat(targets.get("TEAM:" + T2)).isEqualByComparingTo(target(R3));

        ops.saveIncentivePlan("e2e-plan", TERMS.plan("E2E plan", PERIOD, List.of(T1, T2)));
        ops.awaitTargetsKnown(PERIOD, Map.of(R1, target(R1), R2, target(R2), R3, target(R3)), TERMS);
    }

    @Test
    @Order(2)
    void shouldTakeTheCanonicalApiSingleAndBatchCountingADuplicateOnce() {
        Activity d1 = book.record(Activity.deal("e2e-api", "e2e-d1", R1, at(PERIOD, 20), "e2e-c1",
                part(R1, "0.40"), "e2e-hardware"));
        JsonNode first = gateway.post("/api/activities", crm, d1.json()).expect(202);
        assertThat(first.path("duplicate").asBoolean()).isFalse();
        JsonNode again = gateway.post("/api/activities", crm, d1.json()).expect(202);
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("eventId").asString()).isEqualTo(first.path("eventId").asString());

        // Out of order: a deal of the 6th after one of the 20th.
        Activity d2 = book.record(Activity.deal("e2e-api", "e2e-d2", R1, at(PERIOD, 6), "e2e-c2",
                part(R1, "0.30"), "e2e-software"));
        gateway.post("/api/activities", crm, d2.json()).expect(202);

        List<Activity> batch = List.of(
                Activity.deal("e2e-api", "e2e-d3", R1, at(PERIOD, 12), "e2e-c1", part(R1, "0.40"), "e2e-hardware"),
                Activity.deal("e2e-api", "e2e-dx", R1, at(PERIOD, 14), "e2e-c3", part(R1, "0.20"), "e2e-software"),
                Activity.followUp("e2e-api", "e2e-call-1", R1, at(PERIOD, 7), "CALL", "e2e-c1"),
                Activity.followUp("e2e-api", "e2e-call-2", R1, at(PERIOD, 13), "CALL", "e2e-c2"),
                Activity.followUp("e2e-api", "e2e-call-3", R1, at(PERIOD, 21), "CALL", "e2e-c3"),
                Activity.followUp("e2e-api", "e2e-visit-1", R1, at(PERIOD, 9), "VISIT", "e2e-c1"),
                Activity.lead("e2e-api", "e2e-lead-1", R1, at(PERIOD, 2), "e2e-c1", "REFERRAL"),
                Activity.lead("e2e-api", "e2e-lead-2", R1, at(PERIOD, 3), "e2e-c2", "SEARCH_ADS"),
                Activity.lead("e2e-api", "e2e-lead-3", R1, at(PERIOD, 4), "e2e-c3", "REFERRAL"));
        batch.forEach(book::record);
        List<Map<String, Object>> body = new ArrayList<>(batch.stream().map(Activity::json).toList());
        body.add(d2.json()); // sent before: a duplicate
        Map<String, Object> noAmount = new LinkedHashMap<>(Activity.deal("e2e-api", "e2e-bad-2", R1, at(PERIOD, 15),
                "e2e-c9", BigDecimal.ONE, null).json());
        noAmount.remove("amount");
        body.add(noAmount);
        JsonNode answer = gateway.post("/api/activities/batch", crm, Map.of("activities", body)).expect(202);
        assertThat(answer.path("accepted").asInt()).isEqualTo(batch.size());
        assertThat(answer.path("duplicates").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected")).hasSize(1);
        assertThat(answer.at("/rejected/0/index").asInt()).isEqualTo(body.size() - 1);
        assertThat(fields(answer.at("/rejected/0/errors"))).anySatisfy(field -> assertThat(field).endsWith("amount"));

        Activity cancellation = book.record(Activity.cancellation("e2e-api", "e2e-dx", R1, at(PERIOD, 22)));
        gateway.post("/api/activities", crm, cancellation.json()).expect(202);
    }

    @Test
    @Order(3)
    void shouldRefuseABadPayloadNamingTheFieldAndCountingNothing() {
        Map<String, Object> negative = new LinkedHashMap<>(Activity.deal("e2e-api", "e2e-bad-1", R1, at(PERIOD, 15),
                "e2e-c9", BigDecimal.ONE, "e2e-hardware").json());
        negative.put("amount", "-5.00");
        Gateway.Reply refused = gateway.post("/api/activities", crm, negative);

        JsonNode problem = refused.expect(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(fields(problem.path("errors"))).contains("amount");
        // Nothing counted: e2e-c9 appears in no figure (the scorecards below equal the book, which lacks it).
    }

    @Test
    @Order(4)
    void shouldTakeTheSignedWebhookAndItsRetryOnce() {
        Activity d4 = book.record(Activity.deal("e2e-webhook", "e2e-d4", R2, at(PERIOD, 8), "e2e-c4",
                part(R2, "0.50"), "e2e-software"));
        assertThat(webhook(d4.json()).expect(202).path("duplicate").asBoolean()).isFalse();

        List<Activity> batch = List.of(
                Activity.deal("e2e-webhook", "e2e-d5", R2, at(PERIOD, 18), "e2e-c5", part(R2, "0.45"), "e2e-hardware"),
                Activity.followUp("e2e-webhook", "e2e-call-4", R2, at(PERIOD, 17), "CALL", "e2e-c5"),
                Activity.followUp("e2e-webhook", "e2e-call-5", R2, at(PERIOD, 19), "CALL", "e2e-c4"));
        batch.forEach(book::record);
        byte[] body = Gateway.write(Map.of("activities", batch.stream().map(Activity::json).toList()));
        String signature = CrmMessages.signature(RunningSystem.WEBHOOK_SECRET, Instant.now(), body);

        JsonNode delivered = signedWebhook(body, signature).expect(202);
        assertThat(delivered.path("accepted").asInt()).isEqualTo(3);
        JsonNode retried = signedWebhook(body, signature).expect(202);
        assertThat(retried.path("accepted").asInt()).isZero();
        assertThat(retried.path("duplicates").asInt()).isEqualTo(3);

        byte[] forged = Gateway.write(d4.json());
        assertThat(signedWebhook(forged, CrmMessages.signature("not-the-secret", Instant.now(), forged)).status())
                .isEqualTo(401);
    }

    @Test
    @Order(5)
    void shouldTakeASalesforceOutboundMessageAndItsRedeliveryOnce() {
        assertThat(gateway.put("/api/crm/owners/salesforce/" + SALESFORCE_OWNER, ops.token(), Map.of("repId", R3))
                .status()).isIn(200, 201);
        String opportunity = "006E2E000000003AAA";
        BigDecimal amount = part(R3, "0.85");
        book.record(new Activity("salesforce", opportunity, "DEAL_CLOSED", R3, at(PERIOD, 16), "001E2E000000003AAA",
                amount, opportunity, null, null));
        book.record(Activity.followUp("salesforce", "00TE2E000000003AAA", R3, at(PERIOD, 10), "CALL",
                "001E2E000000003AAA"));
        byte[] message = CrmMessages.outboundMessage(RunningSystem.SALESFORCE_ORGANIZATION, List.of(
                new Notification("04lE2E000000001AAA", "Opportunity", salesforceFields(Map.of(
                        "Id", opportunity, "IsWon", "true", "IsClosed", "true", "StageName", "Closed Won",
                        "Amount", amount.toPlainString(), "CurrencyIsoCode", "CNY",
                        "CreatedDate", at(PERIOD, 2).toString(), "LastModifiedDate", at(PERIOD, 16).toString()))),
                new Notification("04lE2E000000002AAA", "Opportunity", salesforceFields(Map.of(
                        "Id", "006E2E000000004AAA", "IsWon", "false", "IsClosed", "false",
                        "StageName", "Negotiation/Review", "CreatedDate", at(PERIOD, 5).toString(),
                        "LastModifiedDate", at(PERIOD, 11).toString()))),
                new Notification("04lE2E000000003AAA", "Task", salesforceFields(Map.of(
                        "Id", "00TE2E000000003AAA", "TaskSubtype", "Call", "CallType", "Outbound",
                        "CallDurationInSeconds", "300", "WhatId", opportunity,
                        "CreatedDate", at(PERIOD, 10).toString())))));

        for (int delivery = 0; delivery < 2; delivery++) { // Salesforce delivers again until it gets the Ack
            Gateway.Reply ack = gateway.send("POST", "/api/crm/salesforce", null, "text/xml; charset=utf-8", message,
                    Map.of("SOAPAction", "\"\""));
            assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
            assertThat(ack.raw()).contains("<Ack>true</Ack>");
        }
    }

    @Test
    @Order(6)
    void shouldShowKpisEqualToWhatWasSentAndCountALateEventOnItsDay() {
        await("scorecards equal to what was sent").atMost(SalesOps.PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() -> {
            for (String rep : REPS) {
                ops.assertScorecard(rep, PERIOD, book, target(rep));
            }
        });

        // A late event: the 3rd of the month, long after the month's later days were counted.
        Activity late = book.record(Activity.deal("e2e-api", "e2e-d6", R2, at(PERIOD, 3), "e2e-c6",
                part(R2, "0.10"), "e2e-hardware"));
        gateway.post("/api/activities", crm, late.json()).expect(202);

        await("the late deal counted").atMost(SalesOps.PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() -> {
            ops.assertScorecard(R2, PERIOD, book, target(R2));
            JsonNode team = ops.teamScorecard(T1, PERIOD);
            assertThat(Gateway.decimal(team.at("/metrics/REVENUE/actual")))
                    .isEqualByComparingTo(book.revenue(List.of(R1, R2)));
            assertThat(Gateway.decimal(team.at("/metrics/REVENUE/target"))).isEqualByComparingTo(teamTarget(T1));
        });
        for (JsonNode week : ops.scorecard(R2, PERIOD).path("weekly")) {
            LocalDate from = LocalDate.parse(week.path("from").asString());
            LocalDate to = LocalDate.parse(week.path("to").asString());
            assertThat(Gateway.decimal(week.at("/metrics/REVENUE/actual"))).as("r2's week " + week.path("week"))
                    .isEqualByComparingTo(book.revenue(R2, from, to));
        }
        for (String rep : REPS) {
            ops.assertScorecard(rep, PERIOD, book, target(rep));
        }
    }

    @Test
    @Order(7)
    void shouldAwardEachRuleOnceForWhatWasEarned() {
        await("awards equal to what was earned").atMost(SalesOps.PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() -> {
            for (String rep : REPS) {
                Map<String, List<BigDecimal>> expected = openAwards(rep);
                assertThat(ops.awards(rep, PERIOD)).as(rep).isEqualTo(expected);
                assertThat(ops.statementNet(rep, PERIOD)).as(rep).isEqualByComparingTo(IncentiveTerms.sum(expected));
            }
        });
        // r1 crossed 80 % and 100 % once each, then briefly 120 % and back (the cancellation): one line per tier.
        List<String> thresholdLines = new ArrayList<>();
        for (JsonNode line : ops.statement(R1, PERIOD).path("lines")) {
            if (line.path("ruleId").asString().equals("threshold")) {
                thresholdLines.add(line.path("kind").asString() + " "
                        + Gateway.decimal(line.path("amount")).setScale(2));
            }
        }
        assertThat(thresholdLines).containsExactlyInAnyOrder("AWARD 2000.00", "AWARD 3000.00");
    }

    @Test
    @Order(8)
    void shouldCloseThePeriodOnceWithItsRankAndTeamAwards() {
        String path = "/api/incentives/periods/" + PERIOD + "/close";
        JsonNode[] closed = new JsonNode[1];
        await("the period closed").atMost(SalesOps.PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(SalesOps.LOOK_AGAIN).untilAsserted(() ->
                closed[0] = gateway.post(path, ops.token(), Map.of()).expect(200));
        assertThat(closed[0].path("status").asString()).isEqualTo("CLOSED");

        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        REPS.forEach(rep -> revenue.put(rep, book.revenue(rep)));
        Map<String, BigDecimal> ranks = TERMS.rankAwards(revenue);
        List<String> teamBonus = new ArrayList<>();
        for (String team : List.of(T1, T2)) {
            List<String> members = team.equals(T1) ? List.of(R1, R2) : List.of(R3);
            if (book.revenue(members).compareTo(teamTarget(team)) >= 0) {
                teamBonus.addAll(members);
            }
        }
        List<String> expected = new ArrayList<>();
        ranks.forEach((rep, amount) -> expected.add("top-seller " + rep + " " + amount));
        teamBonus.forEach(rep -> expected.add("team-bonus " + rep + " " + TERMS.teamBonusPerMember()));
        assertThat(closeAwards(closed[0])).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(teamBonus).as("t1 beat its target, t2 did not").containsExactly(R1, R2);

        JsonNode again = gateway.post(path, ops.token(), Map.of()).expect(200);
        assertThat(closeAwards(again)).as("a second close awards nothing new")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(again.path("awardCount").asInt()).isEqualTo(closed[0].path("awardCount").asInt());

        for (String rep : REPS) {
            BigDecimal net = IncentiveTerms.sum(openAwards(rep))
                    .add(ranks.getOrDefault(rep, BigDecimal.ZERO))
                    .add(teamBonus.contains(rep) ? TERMS.teamBonusPerMember() : BigDecimal.ZERO);
            JsonNode statement = ops.statement(rep, PERIOD);
            assertThat(statement.path("status").asString()).isEqualTo("CLOSED");
            assertThat(ops.statementNet(rep, PERIOD)).as(rep + "'s closed statement").isEqualByComparingTo(net);
        }
    }

    @Test
    @Order(9)
    void shouldReviewTheMonthWithDriversThatAddUpToTheGap() {
        BigDecimal actual = book.revenue(List.of(R1, R2));
        JsonNode review = gateway.get("/api/kpis/review?period=" + PERIOD + "&teamId=" + T1, ops.token())
                .expect(200);
        JsonNode gap = review.path("revenueGap");
        assertThat(Gateway.decimal(gap.path("target"))).isEqualByComparingTo(teamTarget(T1));
        assertThat(Gateway.decimal(gap.path("actual"))).isEqualByComparingTo(actual);
        assertThat(Gateway.decimal(gap.path("gap"))).isEqualByComparingTo(actual.subtract(teamTarget(T1)));
        assertThat(gap.path("drivers")).isNotEmpty();
        BigDecimal drivers = BigDecimal.ZERO;
        for (JsonNode driver : gap.path("drivers")) {
            drivers = drivers.add(Gateway.decimal(driver.path("amount")));
        }
        assertThat(drivers).as("the drivers add up to the gap, to the cent")
                .isEqualByComparingTo(actual.subtract(teamTarget(T1)));
    }

    private static Map<String, List<BigDecimal>> openAwards(String rep) {
        return TERMS.openAwards(book.revenue(rep), target(rep), book.newCustomers(rep));
    }

    private static List<String> closeAwards(JsonNode period) {
        List<String> awards = new ArrayList<>();
        for (JsonNode award : period.path("awards")) {
            awards.add(award.path("ruleId").asString() + " " + award.path("repId").asString() + " "
                    + Gateway.decimal(award.path("amount")).setScale(2));
        }
        return awards;
    }

    private static Gateway.Reply webhook(Map<String, Object> activity) {
        byte[] body = Gateway.write(activity);
        return signedWebhook(body, CrmMessages.signature(RunningSystem.WEBHOOK_SECRET, Instant.now(), body));
    }

    private static Gateway.Reply signedWebhook(byte[] body, String signature) {
        return gateway.send("POST", "/api/crm/webhook", null, "application/json", body,
                Map.of("X-Quotaflow-Signature", signature));
    }

    private static Map<String, String> salesforceFields(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("OwnerId", SALESFORCE_OWNER);
        all.put("AccountId", "001E2E000000003AAA");
        return all;
    }

    private static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static BigDecimal target(String rep) {
        return targets.get("REP:" + rep);
    }

    private static BigDecimal teamTarget(String team) {
        return targets.get("TEAM:" + team);
    }

    /** {@code share} of the rep's revenue target, to the cent. */
    private static BigDecimal part(String rep, String share) {
        return target(rep).multiply(new BigDecimal(share)).setScale(2, RoundingMode.HALF_UP);
    }
}
