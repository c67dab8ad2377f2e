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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The new-customer credit follows the customer's first counting deal, whatever order deals are learned in; the book
 * keeps per deal only its sequence, day and amount, and asks for the facts of another deal only when the credit or
 * the ownership moves to it.
 */
class CustomerBookTest {

    private static final BusinessCalendar CALENDAR = new BusinessCalendar(ZoneId.of("Asia/Shanghai"));

    /** The facts kept beside the book, as the projection keeps them: the last counting change of each deal. */
    private final Map<String, CustomerBook.Facts> kept = new HashMap<>();

    private static CustomerBook.Change won(String id, long sequence, String day, String amount, String rep) {
        return new CustomerBook.Change(id, sequence, new CustomerBook.Facts(id, Instant.parse(day + "T02:00:00Z"),
                new BigDecimal(amount), null, null, null, new Attribution(rep, "t-" + rep, null)));
    }

    private static CustomerBook.Change cancelled(String id, long sequence) {
        return new CustomerBook.Change(id, sequence, null);
    }

    private CustomerBook.Recredited apply(CustomerBook book, CustomerBook.Change change) {
        CustomerBook.Recredited recredited = book.with(change, kept::get, CALENDAR);
        if (change.counted() && recredited.book() != book) {
            kept.put(change.dealId(), change.facts());
        }
        return recredited;
    }

    private CustomerBook book(CustomerBook.Change... changes) {
        CustomerBook book = CustomerBook.empty("c-1");
        for (CustomerBook.Change change : changes) {
            book = apply(book, change).book();
        }
        return book;
    }

    @Test
    void shouldCreditTheFirstDealEverAndMoveTheCreditToAnEarlierOneLearnedLater() {
        CustomerBook.Recredited first = apply(CustomerBook.empty("c-1"), won("d-late", 1, "2027-01-10", "100", "r-1"));
        CustomerBook.Recredited moved = apply(first.book(), won("d-early", 1, "2027-01-05", "50", "r-2"));

        assertThat(first.rows()).extracting(Row::rep, Row::day, row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactly(tuple("r-1", LocalDate.of(2027, 1, 10), BigDecimal.ONE));
        assertThat(moved.rows()).extracting(Row::rep, row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactlyInAnyOrder(tuple("r-1", BigDecimal.valueOf(-1)), tuple("r-2", BigDecimal.ONE));
        assertThat(moved.book().credit().dealId()).isEqualTo("d-early");
        assertThat(apply(moved.book(), won("d-late", 2, "2027-01-10", "120", "r-1")).rows())
                .as("a later deal's change leaves the credit where it is").isEmpty();
    }

    @Test
    void shouldMoveTheCreditOnWhenTheFirstDealIsCancelledReadingOnlyTheNewFirstDealsFacts() {
        CustomerBook book = book(won("d-1", 1, "2027-01-05", "50", "r-1"), won("d-2", 1, "2027-01-09", "70", "r-2"),
                won("d-3", 1, "2027-01-12", "80", "r-3"));

        assertThat(book.needs(cancelled("d-1", 2))).as("the credit moves to d-2; d-3 still owns").containsExactly("d-2");
        CustomerBook.Recredited cancelled = apply(book, cancelled("d-1", 2));
        CustomerBook.Recredited allGone = apply(apply(cancelled.book(), cancelled("d-2", 2)).book(), cancelled("d-3", 2));

        assertThat(cancelled.rows()).extracting(Row::rep, Row::day, row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactlyInAnyOrder(tuple("r-1", LocalDate.of(2027, 1, 5), BigDecimal.valueOf(-1)),
                        tuple("r-2", LocalDate.of(2027, 1, 9), BigDecimal.ONE));
        assertThat(allGone.rows()).extracting(Row::rep, row -> row.values().get(Measure.NEW_CUSTOMERS))
                .containsExactly(tuple("r-3", BigDecimal.valueOf(-1)));
        assertThat(allGone.book().first()).isEmpty();
        assertThat(allGone.book().credit()).isNull();
        assertThat(allGone.book().owner()).isNull();
    }

    @Test
    void shouldNeedNoOtherDealsFactsWhenTheChangedDealIsTheLatestOrTheCreditAndOwnerStay() {
        CustomerBook book = book(won("d-1", 1, "2027-01-05", "50", "r-1"), won("d-2", 1, "2027-01-09", "70", "r-2"));

        assertThat(book.needs(won("d-3", 1, "2027-01-20", "10", "r-3"))).isEmpty();
        assertThat(book.needs(won("d-0", 1, "2027-01-01", "10", "r-3"))).as("a late, earliest deal").isEmpty();
        assertThat(book.needs(won("d-2", 2, "2027-01-09", "90", "r-2"))).isEmpty();
        assertThat(book.needs(cancelled("d-2", 2))).as("ownership goes back to d-1").containsExactly("d-1");
        assertThat(book.needs(won("d-1", 1, "2027-01-05", "50", "r-1"))).as("a change already held").isEmpty();
    }

    @Test
    void shouldRefuseToMoveTheCreditToADealWhoseFactsAreNotKnown() {
        CustomerBook book = book(won("d-1", 1, "2027-01-05", "50", "r-1"), won("d-2", 1, "2027-01-09", "70", "r-2"));
        Function<String, CustomerBook.Facts> nothing = id -> null;

        assertThatThrownBy(() -> book.with(cancelled("d-1", 2), nothing, CALENDAR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("d-2");
    }

    @Test
    void shouldIgnoreAnOlderChangeOfADealThanTheOneHeld() {
        CustomerBook book = book(cancelled("d-1", 3));

        CustomerBook.Recredited stale = apply(book, won("d-1", 2, "2027-01-05", "50", "r-1"));

        assertThat(stale.book()).isSameAs(book);
        assertThat(stale.rows()).isEmpty();
    }

    @Test
    void shouldTierAsOfTheLatestCountingDealAndBeOwnedByItsRep() {
        CustomerBook book = book(won("d-1", 1, "2026-06-01", "3000000", "r-1"),
                won("d-2", 1, "2027-01-05", "2500000", "r-2"), won("d-3", 1, "2027-01-10", "9000000", "r-3"),
                cancelled("d-3", 2));

        TierPolicy.Tiering tiering = book.tiering(TierPolicy.defaults(), CALENDAR).orElseThrow();

        assertThat(tiering.tier()).isEqualTo(CustomerTier.A);
        assertThat(tiering.trailing12Months()).isEqualByComparingTo("5500000");
        assertThat(book.latest()).contains("d-2");
        assertThat(book.owner().by()).isEqualTo(new Attribution("r-2", "t-r-2", null));
        assertThat(book.purchases(CALENDAR)).hasSize(2);
    }

    @Test
    void shouldKeepPerDealOnlyItsSequenceDayAndAmount() {
        CustomerBook book = book(won("d-1", 1, "2027-01-05", "50", "r-1"), cancelled("d-1", 2),
                won("d-2", 4, "2027-01-09", "70", "r-2"));

        assertThat(book.deals()).containsExactly(
                Map.entry("d-1", CustomerBook.Entry.notCounting(2)),
                Map.entry("d-2", new CustomerBook.Entry(4, Instant.parse("2027-01-09T02:00:00Z"), new BigDecimal("70"))));
    }
}
