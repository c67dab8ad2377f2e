package io.quotaflow.kpi.customers.domain;

import io.quotaflow.events.kpi.CustomerTier;
import io.quotaflow.kpi.aggregation.domain.Attribution;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.Row;
import io.quotaflow.kpi.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The new-customer credit follows the customer's first counting deal, whatever order deals are learned in. */
class CustomerBookTest {

    private static final BusinessCalendar CALENDAR = new BusinessCalendar(ZoneId.of("Asia/Shanghai"));

    private static CustomerBook.Deal deal(String id, long sequence, boolean counted, String day, String amount,
                                          String rep) {
        return new CustomerBook.Deal(id, sequence, counted, Instant.parse(day + "T02:00:00Z"), new BigDecimal(amount),
                null, null, null, new Attribution(rep, "t-" + rep, null), null);
    }

    @Test
    void shouldCreditTheFirstDealEverAndMoveTheCreditToAnEarlierOneLearnedLater() {
        CustomerBook.Recredited first = CustomerBook.empty("c-1").with(deal("d-late", 1, true, "2027-01-10", "100", "r-1"))
                .recredit(CALENDAR);
        CustomerBook.Recredited moved = first.book().with(deal("d-early", 1, true, "2027-01-05", "50", "r-2"))
                .recredit(CALENDAR);

        assertThat(first.rows()).extracting(Row::rep, Row::day, row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r-1", LocalDate.of(2027, 1, 10), BigDecimal.ONE));
        assertThat(moved.rows()).extracting(Row::rep, row -> row.values().get(Measure.NEW_CUSTOMERS)).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("r-1", BigDecimal.valueOf(-1)),
                org.assertj.core.groups.Tuple.tuple("r-2", BigDecimal.ONE));
        assertThat(moved.book().recredit(CALENDAR).rows()).as("nothing moves twice").isEmpty();
    }

    @Test
    void shouldMoveTheCreditOnWhenTheFirstDealIsCancelled() {
        CustomerBook book = CustomerBook.empty("c-1").with(deal("d-1", 1, true, "2027-01-05", "50", "r-1"))
                .with(deal("d-2", 1, true, "2027-01-09", "70", "r-1")).recredit(CALENDAR).book();

        CustomerBook.Recredited cancelled = book.with(deal("d-1", 2, false, "2027-01-05", "50", "r-1")).recredit(CALENDAR);
        CustomerBook.Recredited allGone = cancelled.book().with(deal("d-2", 2, false, "2027-01-09", "70", "r-1"))
                .recredit(CALENDAR);

        assertThat(cancelled.rows()).extracting(Row::day, row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 5), BigDecimal.valueOf(-1)),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 9), BigDecimal.ONE));
        assertThat(allGone.rows()).extracting(row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactly(BigDecimal.valueOf(-1));
        assertThat(allGone.book().first()).isEmpty();
    }

    @Test
    void shouldIgnoreAnOlderChangeOfADealThanTheOneHeld() {
        CustomerBook book = CustomerBook.empty("c-1").with(deal("d-1", 3, false, "2027-01-05", "50", "r-1"));

        assertThat(book.with(deal("d-1", 2, true, "2027-01-05", "50", "r-1"))).isSameAs(book);
    }

    @Test
    void shouldTierAsOfTheLatestCountingDeal() {
        CustomerBook book = CustomerBook.empty("c-1").with(deal("d-1", 1, true, "2026-06-01", "3000000", "r-1"))
                .with(deal("d-2", 1, true, "2027-01-05", "2500000", "r-1"))
                .with(deal("d-3", 2, false, "2027-01-10", "9000000", "r-1"));

        TierPolicy.Tiering tiering = book.tiering(TierPolicy.defaults(), CALENDAR).orElseThrow();

        assertThat(tiering.tier()).isEqualTo(CustomerTier.A);
        assertThat(tiering.trailing12Months()).isEqualByComparingTo("5500000");
        assertThat(book.latest().orElseThrow().dealId()).isEqualTo("d-2");
        assertThat(book.purchases(CALENDAR)).hasSize(2);
        assertThat(List.of(book.latest().orElseThrow().by().team())).containsExactly("t-r-1");
    }
}
