package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import io.quotaflow.kpi.support.FixedOrg;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each event adds, by hand: the day in Shanghai, the team of the rep that day (a rep who moved on the 15th
 * counts for the old team before and the new one from then), and a deal's rows as a function of all its facts.
 */
class ContributionsTest {

    private static final LocalDate HIRED = LocalDate.of(2025, 1, 1);
    private static final FixedOrg ORG = new FixedOrg(
            List.of(FixedOrg.mover("r-1", "t-west", "t-east", HIRED, LocalDate.of(2027, 1, 15)),
                    FixedOrg.rep("r-2", "t-east", HIRED)),
            List.of(FixedOrg.team("t-east", "east"), FixedOrg.team("t-west", "west")),
            List.of(FixedOrg.productLine("pl-core", "0.40")));
    private final Contributions contributions = new Contributions(new Attributor(ORG),
            new BusinessCalendar(ZoneId.of("Asia/Shanghai")));

    /** 10:00 in Shanghai on a January day. */
    private static Instant at(int day) {
        return LocalDate.of(2027, 1, day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void shouldCountAFollowUpAndItsChannelOnTheDayInShanghai() {
        // 16:30 UTC on the 14th is 00:30 on the 15th in Shanghai: the mover is on t-east by then
        FollowUpLogged call = new FollowUpLogged("api", "f-1", "r-1", "c-1", FollowUpChannel.CALL, 60, null,
                Instant.parse("2027-01-14T16:30:00Z"));

        Row row = contributions.direct(call).orElseThrow();

        assertThat(row.day()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(row.team()).isEqualTo("t-east");
        assertThat(row.region()).isEqualTo("east");
        assertThat(row.values()).containsExactlyInAnyOrderEntriesOf(Map.of(Measure.FOLLOW_UPS, BigDecimal.ONE,
                Measure.CALLS, BigDecimal.ONE));
        assertThat(row.scopes()).extracting(Scope::key)
                .containsExactly("REP:r-1", "TEAM:t-east", "REGION:east", "COMPANY:company");
    }

    @Test
    void shouldCreditTheTeamTheRepWasOnThatDay() {
        LeadCreated before = new LeadCreated("api", "l-1", "r-1", "c-1", LeadChannel.LIVESTREAM, "pl-core", null, "P1",
                at(14));
        LeadCreated after = new LeadCreated("api", "l-2", "r-1", "c-2", LeadChannel.LIVESTREAM, null, null, null, at(15));

        assertThat(contributions.direct(before).orElseThrow().team()).isEqualTo("t-west");
        assertThat(contributions.direct(after).orElseThrow().team()).isEqualTo("t-east");
        assertThat(contributions.direct(before).orElseThrow().scopes()).extracting(Scope::key)
                .contains("PRODUCT_LINE:pl-core");
    }

    @Test
    void shouldTakeTheRegionFromTheEventForARepTheOrgDoesNotPlace() {
        LeadCreated lead = new LeadCreated("api", "l-3", "r-unknown", "c-3", null, null, "south", null, at(5));

        Row row = contributions.direct(lead).orElseThrow();

        assertThat(row.team()).isNull();
        assertThat(row.region()).isEqualTo("south");
    }

    @Test
    void shouldNeverCountADealCancelledBeforeItWasWon() {
        DealFacts facts = fold("d-1", new DealCancelled("api", "x", "r-2", "c-1", "d-1", "refund", at(6)),
                won("d-1", "r-2", "50000.00", 5));

        assertThat(facts.counts()).isFalse();
        assertThat(facts.rows(contributions.calendar())).isEmpty();
    }

    @Test
    void shouldTakeBackACancelledDealOnTheDaysItCounted() {
        DealFacts won = fold("d-1", won("d-1", "r-2", "50000.00", 5), paid("d-1", "r-2", "20000.00", 9));
        DealFacts cancelled = contributions.fold(won, new DealCancelled("api", "x", "r-2", "c-1", "d-1", "refund",
                at(20)), UUID.randomUUID());

        assertThat(total(won.rows(contributions.calendar()), Measure.REVENUE)).isEqualByComparingTo("50000.00");
        assertThat(total(won.rows(contributions.calendar()), Measure.COLLECTIONS)).isEqualByComparingTo("20000.00");
        assertThat(cancelled.rows(contributions.calendar())).as("nothing counts once cancelled").isEmpty();
    }

    @Test
    void shouldKeepAPaymentThatArrivesBeforeItsDealAndCountItOnceTheDealIsWon() {
        DealFacts paidFirst = fold("d-2", paid("d-2", "r-2", "10000.00", 11));
        DealFacts thenWon = contributions.fold(paidFirst, won("d-2", "r-2", "30000.00", 12), EventIds.of("w"));

        assertThat(paidFirst.rows(contributions.calendar())).as("a payment of an unknown deal waits").isEmpty();
        List<Row> rows = thenWon.rows(contributions.calendar());
        Row collected = rows.stream().filter(row -> row.values().containsKey(Measure.COLLECTIONS)).findFirst().orElseThrow();
        assertThat(collected.day()).as("counted on the day it was collected").isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(collected.values().get(Measure.COLLECTIONS)).isEqualByComparingTo("10000.00");
        assertThat(collected.productLine()).as("under the deal's product line").isEqualTo("pl-core");
    }

    @Test
    void shouldAddUpAWonDealsRowsByHand() {
        DealFacts facts = fold("d-3", new OpportunityStageChanged("api", "s-1", "r-2", "c-1", "d-3", "PROPOSAL", null,
                null, at(2), at(3)), won("d-3", "r-2", "45000.00", 12));

        List<Row> rows = facts.rows(contributions.calendar());

        assertThat(total(rows, Measure.OPPORTUNITIES)).as("an opportunity on the 3rd").isEqualByComparingTo("1");
        assertThat(total(rows, Measure.REVENUE)).isEqualByComparingTo("45000.00");
        assertThat(total(rows, Measure.DEALS)).isEqualByComparingTo("1");
        // no margin on the deal: its product line's 40 %
        assertThat(total(rows, Measure.GROSS_MARGIN)).isEqualByComparingTo("18000.00");
        // opened on the 2nd (from the stage change), won on the 12th: 10 days
        assertThat(total(rows, Measure.CYCLE_SECONDS)).isEqualByComparingTo(BigDecimal.valueOf(10 * 86_400));
        assertThat(total(rows, Measure.CYCLE_DEALS)).isEqualByComparingTo("1");
        // due on the day it was won, having no due date
        Row due = rows.stream().filter(row -> row.values().containsKey(Measure.DUE)).findFirst().orElseThrow();
        assertThat(due.day()).isEqualTo(LocalDate.of(2027, 1, 12));
    }

    @Test
    void shouldLetTheLaterOfTwoWinsOfOneDealHold() {
        DealClosed first = won("d-4", "r-2", "40000.00", 8);
        DealClosed correction = won("d-4", "r-2", "42000.00", 9);

        DealFacts inOrder = fold("d-4", first, correction);
        DealFacts reversed = fold("d-4", correction, first);

        assertThat(total(inOrder.rows(contributions.calendar()), Measure.REVENUE)).isEqualByComparingTo("42000.00");
        assertThat(reversed.rows(contributions.calendar())).isEqualTo(inOrder.rows(contributions.calendar()));
    }

    @Test
    void shouldTellTheCustomerOnlyWhenWhatCountsForItChanges() {
        DealFacts won = fold("d-5", won("d-5", "r-2", "1000.00", 4));
        DealFacts paid = contributions.fold(won, paid("d-5", "r-2", "500.00", 6), EventIds.of("p"));
        DealFacts cancelled = contributions.fold(paid, new DealCancelled("api", "x", "r-2", "c-1", "d-5", "no", at(7)),
                EventIds.of("c"));

        assertThat(DealFacts.customerMustHear(null, won.customerView())).isTrue();
        assertThat(DealFacts.customerMustHear(won.customerView(), paid.customerView())).as("a payment").isFalse();
        assertThat(DealFacts.customerMustHear(paid.customerView(), cancelled.customerView())).isTrue();
        assertThat(cancelled.customerView().counted()).isFalse();
    }

    private DealFacts fold(String dealId, ActivityEvent... events) {
        DealFacts facts = DealFacts.none(dealId);
        for (ActivityEvent event : events) {
            facts = contributions.fold(facts, event, EventIds.of("test", event.externalId(), event.type().name()));
        }
        return facts;
    }

    private static DealClosed won(String dealId, String rep, String amount, int day) {
        return new DealClosed("api", dealId + "-" + amount, rep, "c-1", dealId, new BigDecimal(amount), "CNY", null, null,
                null, "pl-core", null, LeadChannel.REFERRAL, null, null, null, at(day));
    }

    private static PaymentCollected paid(String dealId, String rep, String amount, int day) {
        return new PaymentCollected("api", dealId + "-paid-" + day, rep, "c-1", dealId, new BigDecimal(amount), "CNY",
                null, null, null, at(day));
    }

    private static BigDecimal total(List<Row> rows, Measure measure) {
        List<BigDecimal> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.values().getOrDefault(measure, BigDecimal.ZERO)));
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
