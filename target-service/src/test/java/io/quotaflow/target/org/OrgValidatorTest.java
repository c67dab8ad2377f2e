package io.quotaflow.target.org;

import io.quotaflow.web.FieldProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static io.quotaflow.target.decomposition.MarketType.EMERGING;
import static io.quotaflow.target.decomposition.MarketType.MATURE;
import static org.assertj.core.api.Assertions.assertThat;

class OrgValidatorTest {

    private static final Predicate<String> KNOWN_REGIONS = Set.of("east")::contains;
    private static final Predicate<String> KNOWN_TEAMS = Set.of("east-1")::contains;

    @Nested
    class Ids {

        @ParameterizedTest
        @ValueSource(strings = {"east", "R-001", "cn.east:2026_q1", "a"})
        void shouldAcceptLettersDigitsAndDotUnderscoreColonDash(String id) {
            assertThat(OrgValidator.region(id, region("0.05"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "east china", "east/1", "东区", ".", ".."})
        void shouldRejectAnythingElse(String id) {
            assertThat(fields(OrgValidator.region(id, region("0.05")))).containsExactly("id");
        }

        @Test
        void shouldRejectAnIdLongerThan64Characters() {
            assertThat(OrgValidator.region("r".repeat(64), region("0.05"))).isEmpty();
            assertThat(fields(OrgValidator.region("r".repeat(65), region("0.05")))).containsExactly("id");
        }
    }

    @Nested
    class Names {

        @Test
        void shouldRejectANameWithANulAnRtlOverrideOrAReplacementCharacter() {
            for (String name : List.of("a\u0000b", "\u202Eevil", "x\u200By", "bad\uFFFD")) {
                assertThat(OrgValidator.region("east", new RegionInput(name, MATURE, BigDecimal.ONE))).as(name)
                        .containsExactly(new FieldProblem("name",
                                "must not contain control, invisible formatting or replacement characters"));
            }
            assertThat(OrgValidator.region("east", new RegionInput("华东 East", MATURE, BigDecimal.ONE))).isEmpty();
        }

        @Test
        void shouldRequireANameOfAtMost200Characters() {
            assertThat(OrgValidator.region("east", new RegionInput("n".repeat(200), MATURE, BigDecimal.ONE))).isEmpty();
            assertThat(OrgValidator.region("east", new RegionInput("n".repeat(201), MATURE, BigDecimal.ONE)))
                    .containsExactly(new FieldProblem("name", "must be at most 200 characters"));
            assertThat(OrgValidator.region("east", new RegionInput("  ", MATURE, BigDecimal.ONE)))
                    .containsExactly(new FieldProblem("name", "must not be blank"));
            assertThat(OrgValidator.region("east", new RegionInput(null, MATURE, BigDecimal.ONE)))
                    .containsExactly(new FieldProblem("name", "is required"));
        }
    }

    @Nested
    class Regions {

        @ParameterizedTest
        @ValueSource(strings = {"-0.999999", "0", "0.05", "10"})
        void shouldAcceptAGrowthRateAboveMinusOneUpToTen(String growthRate) {
            assertThat(OrgValidator.region("east", region(growthRate))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "-2", "10.000001", "1E+400"})
        void shouldRejectAGrowthRateOutsideThatRange(String growthRate) {
            assertThat(OrgValidator.region("east", region(growthRate))).containsExactly(new FieldProblem(
                    "growthRate", "must be more than -1 and at most 10, was " + new BigDecimal(growthRate)));
        }

        @Test
        void shouldRejectMoreThanSixDecimalPlaces() {
            assertThat(OrgValidator.region("east", region("0.0500000"))).isEmpty();
            assertThat(OrgValidator.region("east", region("0.0500001"))).containsExactly(
                    new FieldProblem("growthRate", "must have at most 6 decimal places"));
        }

        @Test
        void shouldNameEveryMissingField() {
            assertThat(OrgValidator.region("east", new RegionInput(null, null, null))).containsExactly(
                    new FieldProblem("name", "is required"),
                    new FieldProblem("marketType", "is required"),
                    new FieldProblem("growthRate", "is required"));
        }
    }

    @Nested
    class ProductLines {

        @Test
        void shouldAcceptAMarginFromZeroToOneAndAPriorityFromOneToFive() {
            assertThat(OrgValidator.productLine("cloud", productLine("0", 1))).isEmpty();
            assertThat(OrgValidator.productLine("cloud", productLine("1", 5))).isEmpty();
        }

        @Test
        void shouldRejectAMarginAboveOneOrBelowZero() {
            assertThat(OrgValidator.productLine("cloud", productLine("1.5", 3)))
                    .containsExactly(new FieldProblem("grossMargin", "must be from 0 to 1, was 1.5"));
            assertThat(fields(OrgValidator.productLine("cloud", productLine("-0.1", 3))))
                    .containsExactly("grossMargin");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 6, 9})
        void shouldRejectAPriorityOutsideOneToFive(int priority) {
            assertThat(OrgValidator.productLine("cloud", productLine("0.42", priority))).containsExactly(
                    new FieldProblem("strategicPriority", "must be from 1 to 5, was " + priority));
        }

        @Test
        void shouldRequireMarginAndPriority() {
            assertThat(fields(OrgValidator.productLine("cloud", new ProductLineInput("Cloud", null, null))))
                    .containsExactly("grossMargin", "strategicPriority");
        }
    }

    @Nested
    class Teams {

        @Test
        void shouldAcceptATeamInAKnownRegionWithOrWithoutAManager() {
            assertThat(OrgValidator.team("east-1", new TeamInput("East 1", "east", "alice"), KNOWN_REGIONS)).isEmpty();
            assertThat(OrgValidator.team("east-1", new TeamInput("East 1", "east", null), KNOWN_REGIONS)).isEmpty();
        }

        @Test
        void shouldRejectATeamInAnUnknownRegion() {
            assertThat(OrgValidator.team("west-1", new TeamInput("West 1", "west", null), KNOWN_REGIONS))
                    .containsExactly(new FieldProblem("regionId", "region west does not exist"));
        }

        @Test
        void shouldRequireARegionWithoutLookingItUp() {
            Predicate<String> noLookups = id -> {
                throw new AssertionError("looked up " + id);
            };

            assertThat(OrgValidator.team("east-1", new TeamInput("East 1", null, null), noLookups))
                    .containsExactly(new FieldProblem("regionId", "is required"));
        }

        @Test
        void shouldRejectAManagerIdLongerThan64Characters() {
            assertThat(OrgValidator.team("east-1", new TeamInput("East 1", "east", "m".repeat(65)), KNOWN_REGIONS))
                    .containsExactly(new FieldProblem("managerId", "must be at most 64 characters"));
        }
    }

    @Nested
    class Reps {

        private static final LocalDate HIRED = LocalDate.of(2026, 1, 15);

        @Test
        void shouldAcceptARepWhoseCapacityIsLeftOut() {
            assertThat(OrgValidator.rep("r-1", new RepInput("Li Wei", "east-1", HIRED, null, null, null), KNOWN_TEAMS))
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.5", "10"})
        void shouldAcceptACapacityFromZeroToTen(String capacity) {
            assertThat(OrgValidator.rep("r-1", rep(capacity, null), KNOWN_TEAMS)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.5", "10.5", "11"})
        void shouldRejectACapacityOutsideZeroToTen(String capacity) {
            assertThat(OrgValidator.rep("r-1", rep(capacity, null), KNOWN_TEAMS)).containsExactly(
                    new FieldProblem("capacity", "must be from 0 to 10, was " + capacity));
        }

        @Test
        void shouldRejectARepOnAnUnknownTeam() {
            assertThat(OrgValidator.rep("r-1", new RepInput("Li Wei", "west-1", HIRED, null, null, null), KNOWN_TEAMS))
                    .containsExactly(new FieldProblem("teamId", "team west-1 does not exist"));
        }

        @Test
        void shouldLetARepLeaveOnTheDayTheyWereHiredButNotBefore() {
            assertThat(OrgValidator.rep("r-1", rep("1", HIRED), KNOWN_TEAMS)).isEmpty();
            assertThat(OrgValidator.rep("r-1", rep("1", HIRED.minusDays(1)), KNOWN_TEAMS)).containsExactly(
                    new FieldProblem("leftOn", "must not be before hiredOn (2026-01-15)"));
        }

        @Test
        void shouldReportEveryProblemOnce() {
            assertThat(OrgValidator.rep("r 1", new RepInput(" ", null, null, new BigDecimal("-1"), HIRED, null), KNOWN_TEAMS))
                    .containsExactly(
                            new FieldProblem("id", "must be 1 to 64 letters, digits, '.', '_', ':' or '-',"
                                    + " and not '.' or '..'"),
                            new FieldProblem("name", "must not be blank"),
                            new FieldProblem("teamId", "is required"),
                            new FieldProblem("hiredOn", "is required"),
                            new FieldProblem("capacity", "must be from 0 to 10, was -1"));
        }

        private static RepInput rep(String capacity, LocalDate leftOn) {
            return new RepInput("Li Wei", "east-1", HIRED, new BigDecimal(capacity), leftOn, null);
        }
    }

    private static RegionInput region(String growthRate) {
        return new RegionInput("East China", EMERGING, new BigDecimal(growthRate));
    }

    private static ProductLineInput productLine(String grossMargin, int priority) {
        return new ProductLineInput("Cloud Storage", new BigDecimal(grossMargin), priority);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
