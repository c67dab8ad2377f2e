package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Spreads an amount evenly over working days, and adds days up into the ISO weeks of a month. */
final class TimeSplit {

    private TimeSplit() {
    }

    /** Equal shares of {@code amount} for each day, adding up to it exactly; earlier days take the odd units. */
    static List<DailyAmount> spread(BigDecimal amount, List<LocalDate> days, int scale, String field) {
        List<BigDecimal> equalWeights = Collections.nCopies(days.size(), BigDecimal.ONE);
        List<BigDecimal> shares = Apportionment.split(amount, scale, equalWeights, field);
        return IntStream.range(0, days.size())
                .mapToObj(index -> new DailyAmount(days.get(index), shares.get(index)))
                .toList();
    }

    /**
     * Every ISO week of the month, clipped to it, with the sum of the days that fall in it; a week
     * without working days has zero.
     */
    static List<WeeklyAmount> weeks(YearMonth month, List<DailyAmount> days, int scale) {
        LocalDate lastDay = month.atEndOfMonth();
        return Stream.iterate(month.atDay(1), from -> !from.isAfter(lastDay), TimeSplit::nextMonday)
                .map(from -> {
                    LocalDate to = min(from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), lastDay);
                    return new WeeklyAmount(isoWeek(from), from, to, sumBetween(days, from, to, scale));
                })
                .toList();
    }

    private static LocalDate nextMonday(LocalDate date) {
        return date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String isoWeek(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d",
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static BigDecimal sumBetween(List<DailyAmount> days, LocalDate from, LocalDate to, int scale) {
        return days.stream()
                .filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to))
                .map(DailyAmount::amount)
                .reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }
}
