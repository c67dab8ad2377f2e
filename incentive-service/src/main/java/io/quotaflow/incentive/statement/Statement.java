package io.quotaflow.incentive.statement;

import io.quotaflow.incentive.award.LineStatus;
import io.quotaflow.incentive.award.StatementLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A payee's statement for a period: every line with its rule, plan version and source events, and totals per
 * currency. Open while the period is; frozen once it is closed (later changes are adjustments in the next open
 * period, never edits of this one).
 */
public record Statement(String repId, YearMonth period, String status, Instant closedAt, List<Line> lines,
                        List<Total> totals) {

    /** One line: {@code kind} AWARD (positive) or CLAWBACK (negative); {@code adjustment} when earned earlier. */
    public record Line(UUID lineId, String awardId, String planId, int planVersion, String ruleId, String ruleType,
                       String tier, String kind, BigDecimal amount, String currency, String status, YearMonth earnedIn,
                       boolean adjustment, List<UUID> sourceEventIds, String description, Instant at) {

        static Line of(StatementLine line) {
            return new Line(line.lineId(), line.awardId(), line.planId(), line.planVersion(), line.ruleId(),
                    line.ruleType(), line.tier(), line.amount().signum() >= 0 ? "AWARD" : "CLAWBACK", line.amount(),
                    line.currency(), line.status().name(), line.earnedIn(), line.adjustment(), line.sourceEventIds(),
                    line.description(), line.at());
        }
    }

    /**
     * What the statement pays in one currency: {@code net} = {@code awarded} − {@code clawedBack} (paid lines only);
     * {@code held} waits for minimum activity; {@code forfeited} was never paid.
     */
    public record Total(String currency, BigDecimal awarded, BigDecimal clawedBack, BigDecimal net, BigDecimal held,
                        BigDecimal forfeited) {

        /** The totals of several statements, per currency. */
        public static List<Total> sum(List<Total> totals) {
            Map<String, Total> byCurrency = new TreeMap<>();
            for (Total total : totals) {
                byCurrency.merge(total.currency(), total, (a, b) -> new Total(a.currency(), a.awarded().add(b.awarded()),
                        a.clawedBack().add(b.clawedBack()), a.net().add(b.net()), a.held().add(b.held()),
                        a.forfeited().add(b.forfeited())));
            }
            return List.copyOf(byCurrency.values());
        }
    }

    static Statement of(String payeeId, PeriodState state, List<StatementLine> lines) {
        List<StatementLine> shown = lines.stream()
                .map(line -> state.closed() && line.status() == LineStatus.HELD ? line.withStatus(LineStatus.FORFEITED) : line)
                .sorted(java.util.Comparator.comparing(StatementLine::at).thenComparing(l -> l.lineId().toString()))
                .toList();
        return new Statement(payeeId, state.period(), state.status(), state.closedAt(),
                shown.stream().map(Line::of).toList(), totals(shown));
    }

    /** Totals per currency of {@code lines}. */
    public static List<Total> totals(List<StatementLine> lines) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (StatementLine line : lines) {
            BigDecimal[] sum = sums.computeIfAbsent(line.currency(),
                    c -> new BigDecimal[]{zero(), zero(), zero(), zero()});
            int slot = switch (line.status()) {
                case PAID -> line.amount().signum() >= 0 ? 0 : 1;
                case HELD -> 2;
                case FORFEITED -> 3;
            };
            sum[slot] = sum[slot].add(slot == 1 ? line.amount().negate() : line.amount());
        }
        List<Total> totals = new ArrayList<>();
        sums.forEach((currency, sum) -> totals.add(new Total(currency, sum[0], sum[1], sum[0].subtract(sum[1]), sum[2],
                sum[3])));
        return totals;
    }

    /** The net in {@code currency} (zero when nothing is paid in it). */
    public BigDecimal net(String currency) {
        return totals.stream().filter(total -> total.currency().equals(currency)).map(Total::net).findFirst()
                .orElse(zero());
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
