package io.quotaflow.target.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotaflow.target.decomposition.Allocation.ProductLineMethod;
import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import io.quotaflow.target.decomposition.Allocation.RepMethod;
import io.quotaflow.testsupport.property.Draw;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;

/**
 * Random decomposition requests: 1–8 product lines; 1–5 regions of 0–4 teams of 0–8 reps, with random
 * capacities and hire dates (some in ramp-up, some after the period); prior actuals for about four in
 * five entities; random totals up to 10^9 in cents or whole units; random levels, allocation methods,
 * holidays, make-up days and ramp. Every number and size is drawn with {@link Draw}, so each lands on its
 * bounds now and then (one unit, 10^9, no teams, eight reps, zero ramp months).
 */
final class RandomRequests {

    private static final Set<String> WEIGHT_FIELDS = Set.of(
            "allocation.productLines", "allocation.regions", "allocation.reps",
            "history.productLines", "history.regions", "history.teams", "history.reps");
    private static final YearMonth FIRST_PERIOD = YearMonth.of(2024, 1);
    private static final int PERIODS = 7 * 12;

    private RandomRequests() {
    }

    static DecompositionRequest request(RandomGenerator random) {
        YearMonth period = period(random);
        int scale = Draw.oneOf(random, 0, 2);
        RandomOrg org = org(random, period);
        return new DecompositionRequest(period, total(random, scale), scale, levels(random), allocation(random),
                org.snapshot(), org.history(), calendar(random, period), new RampPolicy(Draw.between(random, 0, 6)));
    }

    static YearMonth period(RandomGenerator random) {
        return FIRST_PERIOD.plusMonths(Draw.between(random, 0, PERIODS - 1));
    }

    /** From one unit up to 10^9. */
    static BigDecimal total(RandomGenerator random, int scale) {
        long maxUnits = BigDecimal.TEN.pow(9 + scale).longValueExact();
        return BigDecimal.valueOf(Draw.between(random, 1, maxUnits), scale);
    }

    private static Levels levels(RandomGenerator random) {
        return new Levels(
                Draw.between(random, new BigDecimal("0.01"), BigDecimal.ONE, 2),
                Draw.between(random, BigDecimal.ONE, new BigDecimal("2"), 2));
    }

    private static Allocation allocation(RandomGenerator random) {
        return new Allocation(
                Draw.oneOf(random, ProductLineMethod.class),
                Draw.oneOf(random, RegionMethod.class),
                Draw.oneOf(random, RepMethod.class));
    }

    /** Up to three weekday holidays and two make-up weekend days. */
    static WorkCalendar calendar(RandomGenerator random, YearMonth period) {
        List<LocalDate> days = period.atDay(1).datesUntil(period.atEndOfMonth().plusDays(1)).toList();
        List<LocalDate> weekdays = days.stream().filter(day -> !isWeekend(day)).toList();
        List<LocalDate> weekendDays = days.stream().filter(RandomRequests::isWeekend).toList();
        return new WorkCalendar(null, Draw.subsetOf(random, weekdays, 3), Draw.subsetOf(random, weekendDays, 2));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static RandomOrg org(RandomGenerator random, YearMonth period) {
        List<LineSpec> lines = Draw.listOf(random, 1, 8, r -> new LineSpec(
                Draw.between(r, new BigDecimal("0.01"), new BigDecimal("0.90"), 2),
                Draw.between(r, 1, 5),
                priorActual(r)));
        List<RegionSpec> regions = Draw.listOf(random, 1, 5, r -> new RegionSpec(
                Draw.oneOf(r, MarketType.class),
                Draw.between(r, new BigDecimal("-0.5"), BigDecimal.ONE, 2),
                Draw.listOf(r, 0, 4, RandomRequests::team),
                priorActual(r)));
        return RandomOrg.of(period, lines, regions);
    }

    private static TeamSpec team(RandomGenerator random) {
        return new TeamSpec(Draw.listOf(random, 0, 8, RandomRequests::rep), priorActual(random));
    }

    private static RepSpec rep(RandomGenerator random) {
        return new RepSpec(Draw.between(random, -2, 24), Draw.between(random, 1, 28), capacity(random), priorActual(random));
    }

    /** Zero for about one rep in ten. */
    private static BigDecimal capacity(RandomGenerator random) {
        return Draw.chance(random, 0.1) ? BigDecimal.ZERO
                : Draw.between(random, new BigDecimal("0.1"), new BigDecimal("500"), 1);
    }

    /** A prior actual, or {@code null} for about one in five. */
    private static BigDecimal priorActual(RandomGenerator random) {
        return Draw.orNull(random, 0.2, r -> Draw.between(r, BigDecimal.ONE, new BigDecimal("10000000"), 2));
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
            return Assumptions.abort("rightly rejected: " + rejection.getMessage());
        }
    }
}
