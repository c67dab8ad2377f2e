package io.quotaflow.incentive.award;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.events.incentive.IncentiveClawedBack;
import io.quotaflow.events.incentive.IncentiveEvent;
import io.quotaflow.incentive.fixtures.Events;
import io.quotaflow.incentive.fixtures.Feed;
import io.quotaflow.incentive.fixtures.IncentiveScenario;
import io.quotaflow.incentive.fixtures.PlanDrafts;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.testsupport.EventTap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** A cancelled deal takes back its commission, SPIFFs and the threshold it no longer holds up. */
class ClawbackIT extends IncentiveScenario {

    static final YearMonth AUGUST = YearMonth.of(2026, 8);
    static final LocalDate DAY = LocalDate.of(2026, 8, 12);

    @BeforeEach
    void plan() {
        api.putPlan("clawbacks-2026-08", PlanDrafts.plan(AUGUST,
                PlanDrafts.commission("commission", "REVENUE", "CLOSE", null, PlanDrafts.band("0", null, "0.03")),
                PlanDrafts.perUnit("cloud-spiff", "DEAL", "300.00", "pl-cloud", null, null, null),
                PlanDrafts.perUnit("new-customer", "NEW_CUSTOMER", "500.00", null, null, null, null),
                PlanDrafts.threshold("base-bonus", "REVENUE", "0.8", "2000.00")), tokens.admin())
                .expectStatus().is2xxSuccessful();
    }

    @Test
    void shouldClawBackEverythingACancelledDealPaid() {
        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            var deal = Events.deal("r-801", "d-801", "100000.00", DAY, "c-801", "pl-cloud", null);
            Feed.publish(deal);
            Feed.publish(Events.attainment("r-801", AUGUST, TargetMetric.REVENUE, "800000.00", "1000000.00", DAY,
                    deal.eventId()));
            tap.awaitUntil(all -> awarded(all, "r-801").size() == 4, Duration.ofSeconds(30));

            var cancellation = Events.cancellation("r-801", "d-801", DAY.plusDays(3));
            Feed.publish(cancellation);
            Feed.publish(Events.attainment("r-801", AUGUST, TargetMetric.REVENUE, "700000.00", "1000000.00",
                    DAY.plusDays(3), cancellation.eventId()));
            List<EventTap.Received<IncentiveEvent>> received = tap.awaitUntil(all -> clawedBack(all, "r-801").size() == 4,
                    Duration.ofSeconds(30));

            assertThat(clawedBack(received, "r-801")).extracting(IncentiveClawedBack::ruleId, c -> c.amount().toPlainString())
                    .containsExactlyInAnyOrder(tuple("commission", "3000.00"), tuple("cloud-spiff", "300.00"),
                            tuple("new-customer", "500.00"), tuple("base-bonus", "2000.00"));
            assertThat(clawedBack(received, "r-801")).filteredOn(c -> !c.ruleId().equals("base-bonus"))
                    .allSatisfy(c -> assertThat(c.sourceEventIds()).contains(cancellation.eventId(), deal.eventId()));
        }
        Statement statement = api.statement("r-801", AUGUST, tokens.rep("r-801"));
        assertThat(statement.lines()).hasSize(8);
        assertThat(statement.totals()).singleElement().satisfies(total -> {
            assertThat(total.awarded()).isEqualByComparingTo("5800.00");
            assertThat(total.clawedBack()).isEqualByComparingTo("5800.00");
            assertThat(total.net()).isEqualByComparingTo("0.00");
        });
        assertThat(api.awards("r-801", AUGUST, tokens.rep("r-801"))).extracting(AwardView::ruleId, AwardView::status)
                .containsExactlyInAnyOrder(tuple("commission", "CLAWED_BACK"), tuple("cloud-spiff", "CLAWED_BACK"),
                        tuple("new-customer", "CLAWED_BACK"), tuple("base-bonus", "CLAWED_BACK"));
    }

    @Test
    void shouldPayNothingForADealWhoseCancellationArrivedFirst() {
        try (EventTap<IncentiveEvent> tap = tapIncentives()) {
            Feed.publish(Events.cancellation("r-802", "d-802", DAY.plusDays(1)));
            Feed.publish(Events.deal("r-802", "d-802", "100000.00", DAY, "c-802", "pl-cloud", null));
            Feed.publish(Events.deal("r-802", "d-803", "10000.00", DAY.plusDays(2)));

            List<EventTap.Received<IncentiveEvent>> received = tap.awaitUntil(all -> !awarded(all, "r-802").isEmpty(),
                    Duration.ofSeconds(30));
            received = tap.drain(Duration.ofSeconds(1));

            assertThat(awarded(received, "r-802")).singleElement().satisfies(award -> {
                assertThat(award.ruleId()).isEqualTo("commission");
                assertThat(award.amount()).isEqualByComparingTo("300.00"); // 3 % of d-803 only
            });
            assertThat(clawedBack(received, "r-802")).isEmpty();
        }
    }
}
