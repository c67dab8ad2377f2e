package io.quotaflow.kpi.review.domain;

import io.quotaflow.kpi.review.domain.GapAnalysis.Driver;
import io.quotaflow.kpi.review.domain.GapAnalysis.Funnel;
import io.quotaflow.kpi.review.domain.GapAnalysis.Split;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The month-end gap split by hand, and its drivers always adding up to the gap to the cent. */
class GapAnalysisTest {

    @Test
    void shouldSplitTheRevenueGapIntoLeadsConversionAndDealSizeByShapley() {
        // Target 1,000,000. Usual (3 months: 300 leads, 36 deals, 2,700,000): conversion 0.12, deal size 75,000, so
        // the target needed 1,000,000 / 9,000 = 111.11 leads. This month: 100 leads, 10 deals, 800,000 (0.10, 80,000).
        // Shapley, by hand (Δ × the average of the other factors over the six orders):
        //   leads      -100/9 × ((9,000 + 8,000)/3 + (9,600 + 7,500)/6)            = -94,629.63
        //   conversion  -0.02 × ((8,333,333.33 + 8,000,000)/3 + (8,888,888.89 + 7,500,000)/6) = -163,518.52
        //   deal size   5,000 × ((13.33 + 10)/3 + (11.11 + 12)/6)                 =  58,148.15
        Split split = GapAnalysis.revenue(new BigDecimal("1000000.00"), new Funnel(100, 10, new BigDecimal("800000.00")),
                new Funnel(300, 36, new BigDecimal("2700000.00")), null);

        assertThat(split.gap()).isEqualByComparingTo("-200000.00");
        assertThat(amounts(split)).containsExactly(
                Map.entry("LEAD_VOLUME", new BigDecimal("-94629.63")),
                Map.entry("CONVERSION", new BigDecimal("-163518.52")),
                Map.entry("DEAL_SIZE", new BigDecimal("58148.15")));
        assertThat(sum(split)).isEqualByComparingTo(split.gap());
        Driver leads = split.drivers().get(0);
        assertThat(leads.baseline()).isEqualByComparingTo("111.1111");
        assertThat(leads.actual()).isEqualByComparingTo("100");
    }

    @Test
    void shouldPutTheWholeGapOnLeadsWithoutHistory() {
        // No history and no DEALS target: the usual conversion (0.1) and deal size (50,000) are the month's own,
        // so the target needed 400,000 / 5,000 = 80 leads; there were 50.
        Split split = GapAnalysis.revenue(new BigDecimal("400000.00"), new Funnel(50, 5, new BigDecimal("250000.00")),
                new Funnel(0, 0, BigDecimal.ZERO), null);

        assertThat(amounts(split)).containsExactly(Map.entry("LEAD_VOLUME", new BigDecimal("-150000.00")),
                Map.entry("CONVERSION", new BigDecimal("0.00")), Map.entry("DEAL_SIZE", new BigDecimal("0.00")));
    }

    @Test
    void shouldReadTheUsualDealSizeFromTheDealsTargetWithoutHistory() {
        // DEALS target 8 for 400,000: the plan's deal size is 50,000; this month 5 deals of 60,000 from 50 leads.
        // Usual conversion = the month's (0.1): leads needed 400,000 / (0.1 × 50,000) = 80.
        //   leads  -30 × ((5,000 + 6,000)/3 + (6,000 + 5,000)/6) = -30 × 5,500 = -165,000
        //   size  10,000 × ((8 + 5)/3 + (8 + 5)/6)                = 10,000 × 6.5 = 65,000
        Split split = GapAnalysis.revenue(new BigDecimal("400000.00"), new Funnel(50, 5, new BigDecimal("300000.00")),
                new Funnel(0, 0, BigDecimal.ZERO), new BigDecimal("8"));

        assertThat(amounts(split)).containsExactly(Map.entry("LEAD_VOLUME", new BigDecimal("-165000.00")),
                Map.entry("CONVERSION", new BigDecimal("0.00")), Map.entry("DEAL_SIZE", new BigDecimal("65000.00")));
        assertThat(sum(split)).isEqualByComparingTo("-100000.00");
    }

    @Test
    void shouldSplitByDealsAndSizeInAMonthWithoutLeads() {
        // Usual deal size 25,000 (history 4 deals, 100,000): the target needed 4 deals; 2 deals of 30,000 came.
        //   deals -2 × (25,000 + 30,000)/2 = -55,000;  size 5,000 × (4 + 2)/2 = 15,000
        Split split = GapAnalysis.revenue(new BigDecimal("100000.00"), new Funnel(0, 2, new BigDecimal("60000.00")),
                new Funnel(0, 4, new BigDecimal("100000.00")), null);

        assertThat(amounts(split)).containsExactly(Map.entry("DEAL_VOLUME", new BigDecimal("-55000.00")),
                Map.entry("DEAL_SIZE", new BigDecimal("15000.00")));
    }

    @Test
    void shouldPutTheWholeGapOnConversionWhenLeadsCameButNothingEverConverted() {
        Split split = GapAnalysis.revenue(new BigDecimal("100000.00"), new Funnel(20, 0, BigDecimal.ZERO),
                new Funnel(0, 0, BigDecimal.ZERO), null);

        assertThat(amounts(split)).containsExactly(Map.entry("CONVERSION", new BigDecimal("-100000.00")));
    }

    @Test
    void shouldSplitTheCashGapIntoRevenueAndCollectionLag() {
        // Collections target 500,000 on a revenue target of 1,000,000 (rate 0.5); 320,000 collected on 800,000 (0.4).
        //   revenue -200,000 × (0.5 + 0.4)/2 = -90,000;  lag -0.1 × (1,000,000 + 800,000)/2 = -90,000
        Split split = GapAnalysis.cash(new BigDecimal("500000.00"), new BigDecimal("1000000.00"),
                new BigDecimal("320000.00"), new BigDecimal("800000.00"));

        assertThat(split.gap()).isEqualByComparingTo("-180000.00");
        assertThat(amounts(split)).containsExactly(Map.entry("REVENUE", new BigDecimal("-90000.00")),
                Map.entry("COLLECTION_LAG", new BigDecimal("-90000.00")));
    }

    @Test
    void shouldLetTheLastDriverTakeTheRoundingRemainder() {
        // thirds everywhere: the unrounded shares do not end in whole cents
        Split split = GapAnalysis.revenue(new BigDecimal("1000000.00"), new Funnel(7, 3, new BigDecimal("100000.01")),
                new Funnel(9, 7, new BigDecimal("333333.33")), null);

        assertThat(sum(split)).isEqualByComparingTo(split.gap()).isEqualByComparingTo("-899999.99");
        assertThat(split.drivers()).allSatisfy(driver -> assertThat(driver.amount().scale()).isEqualTo(2));
    }

    private static Map<String, BigDecimal> amounts(Split split) {
        return split.drivers().stream().collect(Collectors.toMap(Driver::name, Driver::amount, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static BigDecimal sum(Split split) {
        return split.drivers().stream().map(Driver::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
