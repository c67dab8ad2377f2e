package io.quotaflow.kpi.scorecard;

import io.quotaflow.events.EntityType;
import io.quotaflow.kpi.aggregation.domain.Measure;
import io.quotaflow.kpi.aggregation.domain.MonthFigures;
import io.quotaflow.kpi.aggregation.domain.Scope;
import io.quotaflow.kpi.aggregation.domain.Totals;
import io.quotaflow.kpi.scorecard.ScorecardViews.RatesView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The rates of a month's figures by hand, as of Wednesday 20 January 2027. */
class ScorecardRatesTest {

    private static final YearMonth JANUARY = YearMonth.of(2027, 1);
    private static final LocalDate TODAY = LocalDate.of(2027, 1, 20);
    private final TreeMap<LocalDate, Totals> days = new TreeMap<>();

    private void on(int day, Measure measure, String amount) {
        Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
        values.put(measure, new BigDecimal(amount));
        days.merge(JANUARY.atDay(day), new Totals(values), Totals::plus);
    }

    private RatesView rates() {
        return Scorecards.rates(new MonthFigures(new Scope(EntityType.TEAM, "t-1"), JANUARY, days, Map.of(), Map.of(),
                Map.of()), TODAY);
    }

    @Test
    void shouldComputeConversionDealSizeCycleCollectionAndMarginRates() {
        on(4, Measure.LEADS, "8");
        on(6, Measure.QUALIFIED_LEADS, "4");
        on(12, Measure.DEALS, "2");
        on(12, Measure.REVENUE, "90000.00");
        on(12, Measure.GROSS_MARGIN, "36000.00");
        // two deals that took 4 and 14 days
        on(12, Measure.CYCLE_SECONDS, Long.toString(18 * 86_400));
        on(12, Measure.CYCLE_DEALS, "2");
        on(12, Measure.DUE, "60000.00");
        on(25, Measure.DUE, "30000.00");
        on(15, Measure.COLLECTIONS, "15000.00");

        RatesView rates = rates();

        assertThat(rates.leadToQualified()).isEqualTo(0.5);
        assertThat(rates.qualifiedToWon()).isEqualTo(0.5);
        assertThat(rates.leadToWon()).isEqualTo(0.25);
        assertThat(rates.avgDealSize()).isEqualByComparingTo("45000.00");
        assertThat(rates.avgSalesCycleDays()).isEqualTo(9.0);
        assertThat(rates.collectionRate()).as("15,000 of the 60,000 due by the 20th").isEqualTo(0.25);
        assertThat(rates.grossMarginRate()).isEqualTo(0.4);
    }

    @Test
    void shouldLeaveRatesWithoutDenominatorsEmptyInAMonthWithoutLeads() {
        on(12, Measure.DEALS, "1");
        on(12, Measure.REVENUE, "5000.00");

        RatesView rates = rates();

        assertThat(rates.leadToQualified()).isNull();
        assertThat(rates.leadToWon()).isNull();
        assertThat(rates.qualifiedToWon()).isNull();
        assertThat(rates.avgSalesCycleDays()).as("no opening known").isNull();
        assertThat(rates.collectionRate()).as("nothing due").isNull();
        assertThat(rates.avgDealSize()).isEqualByComparingTo("5000.00");
    }
}
