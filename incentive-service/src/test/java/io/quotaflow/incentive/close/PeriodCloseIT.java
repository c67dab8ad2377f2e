package io.quotaflow.incentive.close;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.incentive.IncentiveAwarded;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.events.incentive.PeriodClosed;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Period close on the real broker and MongoDB: rank awards once, however often it is asked; late events adjust. */
class PeriodCloseIT extends IncentiveScenario {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final YearMonth JULY = YearMonth.of(2026, 7);

    @Test
    void shouldMakeOneTopSellerAwardHoweverOftenAndConcurrentlyThePeriodIsClosed() {
        api.putPlan("close-2026-05", PlanDrafts.plan(MAY, PlanDrafts.rank("top-seller", "REVENUE", null, "5000.00", "2000.00")),
                tokens.admin()).expectStatus().is2xxSuccessful();
        Feed.publish(
                Events.attainment("r-501", MAY, TargetMetric.REVENUE, "1200000.00", "1000000.00", LocalDate.of(2026, 5, 28)),
                Events.attainment("r-502", MAY, TargetMetric.REVENUE, "900000.00", "1000000.00", LocalDate.of(2026, 5, 29)),
                Events.attainment("r-503", MAY, TargetMetric.REVENUE, "300000.00", "1000000.00", LocalDate.of(2026, 5, 29)));

        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            CompletableFuture<PeriodView> first = CompletableFuture.supplyAsync(() -> close(MAY));
            CompletableFuture<PeriodView> second = CompletableFuture.supplyAsync(() -> close(MAY));
            PeriodView closed = first.join();
            assertThat(second.join().awards()).isEqualTo(closed.awards());
            PeriodView again = close(MAY);

            assertThat(again).isEqualTo(closed);
            assertThat(closed.status()).isEqualTo("CLOSED");
            assertThat(closed.awards()).extracting(AwardView::repId, AwardView::tier, a -> a.amount().toPlainString())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("r-501", "1", "5000.00"),
                            org.assertj.core.groups.Tuple.tuple("r-502", "2", "2000.00"));

            tap.awaitUntil(all -> all.stream().anyMatch(r -> r.payload() instanceof PeriodClosed c && c.period().equals(MAY)),
                    Duration.ofSeconds(30));
            List<EventTap.Received<IncentiveEvent>> received = tap.drain(Duration.ofSeconds(2));
            List<IncentiveAwarded> topSeller = received.stream().map(EventTap.Received::payload)
                    .filter(IncentiveAwarded.class::isInstance).map(IncentiveAwarded.class::cast)
                    .filter(a -> a.ruleId().equals("top-seller") && a.repId().equals("r-501")).toList();
            assertThat(topSeller).hasSize(1);
            assertThat(topSeller.get(0).amount()).isEqualByComparingTo("5000.00");
        }
        assertThat(api.awards("r-501", MAY, tokens.rep("r-501"))).filteredOn(a -> a.ruleId().equals("top-seller"))
                .hasSize(1);
    }

    @Test
    void shouldPayAnEventArrivingAfterTheCloseAsAnAdjustmentInTheNextPeriod() {
        api.putPlan("late-2026-06", PlanDrafts.plan(JUNE,
                        PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03"))),
                tokens.admin()).expectStatus().is2xxSuccessful();
        Feed.publish(Events.deal("r-601", "d-601", "100000.00", LocalDate.of(2026, 6, 10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.statement("r-601", JUNE, tokens.admin()).lines().size() == 1);
        close(JUNE);

        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            Feed.publish(Events.deal("r-601", "d-602", "50000.00", LocalDate.of(2026, 6, 28)));

            IncentiveAwarded adjustment = tap.awaitUntil(all -> all.stream().anyMatch(r -> r.payload() instanceof IncentiveAwarded a
                            && a.repId().equals("r-601")), Duration.ofSeconds(30)).stream()
                    .map(EventTap.Received::payload).filter(IncentiveAwarded.class::isInstance)
                    .map(IncentiveAwarded.class::cast).findFirst().orElseThrow();
            assertThat(adjustment.period()).isEqualTo(JULY);
            assertThat(adjustment.earnedIn()).isEqualTo(JUNE);
            assertThat(adjustment.amount()).isEqualByComparingTo("1500.00");
        }
        Statement june = api.statement("r-601", JUNE, tokens.rep("r-601"));
        assertThat(june.status()).isEqualTo("CLOSED");
        assertThat(june.lines()).hasSize(1);
        assertThat(june.net("CNY")).isEqualByComparingTo("3000.00");
        Statement july = api.statement("r-601", JULY, tokens.rep("r-601"));
        assertThat(july.status()).isEqualTo("OPEN");
        assertThat(july.lines()).singleElement().satisfies(line -> {
            assertThat(line.adjustment()).isTrue();
            assertThat(line.earnedIn()).isEqualTo(JUNE);
            assertThat(line.amount()).isEqualByComparingTo("1500.00");
        });
    }

    @Test
    void shouldRefuseToCloseAPeriodWhoseEventsMayStillArrive() {
        YearMonth current = YearMonth.of(2027, 1);

        http.post().uri("/api/incentives/periods/{period}/close", current).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        http.get().uri("/api/incentives/periods/{period}", current).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN");
    }

    @Test
    void shouldLetOnlyAnAdminClose() {
        http.post().uri("/api/incentives/periods/{period}/close", YearMonth.of(2026, 1))
                .headers(h -> h.setBearerAuth(tokens.manager("alice", "t-east"))).exchange().expectStatus().isForbidden();
        http.post().uri("/api/incentives/periods/{period}/close", YearMonth.of(2026, 1))
                .headers(h -> h.setBearerAuth(tokens.rep("r-001"))).exchange().expectStatus().isForbidden();
    }

    private PeriodView close(YearMonth period) {
        return http.post().uri("/api/incentives/periods/{period}/close", period).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody(PeriodView.class).returnResult().getResponseBody();
    }
}
