package io.quotaflow.target.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotaflow.target.decomposition.Allocation.ProductLineMethod;
import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import io.quotaflow.target.decomposition.Allocation.RepMethod;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random decomposition requests: 1–8 product lines; 1–5 regions of 0–4 teams of 0–8 reps, with random
 * capacities and hire dates (some in ramp-up, some after the period); prior actuals for about four in
 * five entities; random totals up to 10^9 in cents or whole units; random levels, allocation methods,
 * holidays, make-up days and ramp.
 */
final class RandomRequests {

    private static final Set<String> WEIGHT_FIELDS = Set.of(
            "allocation.productLines", "allocation.regions", "allocation.reps",
            "history.productLines", "history.regions", "history.teams", "history.reps");
    private static final YearMonth FIRST_PERIOD = YearMonth.of(2024, 1);
    private static final int PERIODS = 7 * 12;

    private RandomRequests() {
    }

    /**
     * Edge cases are mixed in for totals, levels and the like, but not for orgs: an org made of edge
     * cases (no teams, no capacity, no prior actuals anywhere) is mostly rightly rejected, which would
     * leave few tries that check anything.
     */
    static Arbitrary<DecompositionRequest> requests() {
        return Combinators.combine(periods(), Arbitraries.of(0, 2)).flatAs((period, scale) -> Combinators.combine(
                        totals(scale), levels(), allocations(), orgs(period).withoutEdgeCases(), calendars(period), ramps())
                .as((total, levels, allocation, org, calendar, ramp) -> new DecompositionRequest(
                        period, total, scale, levels, allocation, org.snapshot(), org.history(), calendar, ramp)));
    }

    static Arbitrary<YearMonth> periods() {
        return Arbitraries.integers().between(0, PERIODS - 1).map(FIRST_PERIOD::plusMonths);
    }

    /** From one unit up to 10^9. */
    static Arbitrary<BigDecimal> totals(int scale) {
        long maxUnits = BigDecimal.TEN.pow(9 + scale).longValueExact();
        return Arbitraries.longs().between(1, maxUnits).map(units -> BigDecimal.valueOf(units, scale));
    }

    private static Arbitrary<Levels> levels() {
        return Combinators.combine(
                        Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.ONE).ofScale(2),
                        Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("2")).ofScale(2))
                .as(Levels::new);
    }

    private static Arbitrary<Allocation> allocations() {
        return Combinators.combine(
                        Arbitraries.of(ProductLineMethod.class),
                        Arbitraries.of(RegionMethod.class),
                        Arbitraries.of(RepMethod.class))
                .as(Allocation::new);
    }

    private static Arbitrary<RampPolicy> ramps() {
        return Arbitraries.integers().between(0, 6).map(RampPolicy::new);
    }

    /** Up to three weekday holidays and two make-up weekend days. */
    static Arbitrary<WorkCalendar> calendars(YearMonth period) {
        List<LocalDate> days = period.atDay(1).datesUntil(period.atEndOfMonth().plusDays(1)).toList();
        List<LocalDate> weekdays = days.stream().filter(day -> !isWeekend(day)).toList();
        List<LocalDate> weekendDays = days.stream().filter(RandomRequests::isWeekend).toList();
        return Combinators.combine(
                        Arbitraries.of(weekdays).set().ofMaxSize(3),
                        Arbitraries.of(weekendDays).set().ofMaxSize(2))
                .as((holidays, makeUpDays) -> new WorkCalendar(null, holidays, makeUpDays));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Arbitrary<RandomOrg> orgs(YearMonth period) {
        Arbitrary<List<LineSpec>> lines = Combinators.combine(
                        Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("0.90")).ofScale(2),
                        Arbitraries.integers().between(1, 5),
                        priorActuals())
                .as(LineSpec::new)
                .list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<RepSpec> rep = Combinators.combine(
                        Arbitraries.integers().between(-2, 24),
                        Arbitraries.integers().between(1, 28),
                        capacities(),
                        priorActuals())
                .as(RepSpec::new);
        Arbitrary<TeamSpec> team = Combinators.combine(rep.list().ofMaxSize(8), priorActuals()).as(TeamSpec::new);
        Arbitrary<List<RegionSpec>> regions = Combinators.combine(
                        Arbitraries.of(MarketType.class),
                        Arbitraries.bigDecimals().between(new BigDecimal("-0.5"), BigDecimal.ONE).ofScale(2),
                        team.list().ofMaxSize(4),
                        priorActuals())
                .as(RegionSpec::new)
                .list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(lines, regions)
                .as((lineSpecs, regionSpecs) -> RandomOrg.of(period, lineSpecs, regionSpecs));
    }

    /** Zero for about one rep in ten. */
    private static Arbitrary<BigDecimal> capacities() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(9, Arbitraries.bigDecimals().between(new BigDecimal("0.1"), new BigDecimal("500")).ofScale(1)));
    }

    /** A prior actual, or {@code null} for about one in five. */
    private static Arbitrary<BigDecimal> priorActuals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("10000000")).ofScale(2).injectNull(0.2);
    }

    private record LineSpec(BigDecimal grossMargin, int priority, BigDecimal priorActual) {
    }

    /** Hired {@code monthsBeforePeriod} months before the period's month (negative: after it), on day {@code day}. */
    private record RepSpec(int monthsBeforePeriod, int day, BigDecimal capacity, BigDecimal priorActual) {
    }

    private record TeamSpec(List<RepSpec> reps, BigDecimal priorActual) {
    }

    private record RegionSpec(MarketType marketType, BigDecimal growthRate, List<TeamSpec> teams, BigDecimal priorActual) {
    }

    /** An org with ids such as pl-1, r-2, r-2-t-1 and r-2-t-1-p-3, and the prior actuals that were drawn for it. */
    private record RandomOrg(OrgSnapshot snapshot, History history) {

        static RandomOrg of(YearMonth period, List<LineSpec> lineSpecs, List<RegionSpec> regionSpecs) {
            List<ProductLineInfo> lines = new ArrayList<>();
            List<RegionInfo> regions = new ArrayList<>();
            List<TeamInfo> teams = new ArrayList<>();
            List<RepInfo> reps = new ArrayList<>();
            Map<String, BigDecimal> lineActuals = new HashMap<>();
            Map<String, BigDecimal> regionActuals = new HashMap<>();
            Map<String, BigDecimal> teamActuals = new HashMap<>();
            Map<String, BigDecimal> repActuals = new HashMap<>();

            for (int l = 0; l < lineSpecs.size(); l++) {
                LineSpec line = lineSpecs.get(l);
                String id = "pl-" + (l + 1);
                lines.add(new ProductLineInfo(id, line.grossMargin(), line.priority()));
                putIfPresent(lineActuals, id, line.priorActual());
            }
            for (int r = 0; r < regionSpecs.size(); r++) {
                RegionSpec region = regionSpecs.get(r);
                String regionId = "r-" + (r + 1);
                regions.add(new RegionInfo(regionId, region.marketType(), region.growthRate()));
                putIfPresent(regionActuals, regionId, region.priorActual());
                for (int t = 0; t < region.teams().size(); t++) {
                    TeamSpec team = region.teams().get(t);
                    String teamId = regionId + "-t-" + (t + 1);
                    teams.add(new TeamInfo(teamId, regionId));
                    putIfPresent(teamActuals, teamId, team.priorActual());
                    for (int p = 0; p < team.reps().size(); p++) {
                        RepSpec rep = team.reps().get(p);
                        String repId = teamId + "-p-" + (p + 1);
                        LocalDate hiredOn = period.minusMonths(rep.monthsBeforePeriod()).atDay(rep.day());
                        reps.add(new RepInfo(repId, teamId, hiredOn, rep.capacity()));
                        putIfPresent(repActuals, repId, rep.priorActual());
                    }
                }
            }
            return new RandomOrg(new OrgSnapshot(lines, regions, teams, reps),
                    new History(lineActuals, regionActuals, teamActuals, repActuals));
        }

        private static void putIfPresent(Map<String, BigDecimal> actuals, String id, BigDecimal actual) {
            if (actual != null) {
                actuals.put(id, actual);
            }
        }
    }

    /**
     * Decomposes a random request, discarding the try if the request is rightly rejected because some
     * parent's children all weigh zero (say, no capacity or no history among them). Any other
     * rejection fails the property.
     */
    static Decomposition decomposeOrDiscard(DecompositionRequest request) {
        try {
            return Decomposer.decompose(request);
        } catch (DecompositionException rejection) {
            assertThat(rejection.field()).as("rejected %s", rejection).isIn(WEIGHT_FIELDS);
            Assume.that(false);
            throw rejection;
        }
    }
}
