package io.quotaflow.target.org;

import io.quotaflow.web.FieldProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules an org entity obeys, whether it comes as a PUT body or as a row of a CSV import. Each check
 * returns every problem it finds, at most one per field, named by the field ({@code growthRate}); the caller
 * names them within its request ({@code rows[3].growthRate}). References to other entities are looked up
 * through the predicate the caller passes.
 */
final class OrgValidator {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DECIMAL_PLACES = 6;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_ID_LENGTH + "}");
    private static final Bounds GROWTH_RATE = Bounds.aboveUpTo("-1", "10");
    private static final Bounds GROSS_MARGIN = Bounds.fromTo("0", "1");
    private static final Bounds CAPACITY = Bounds.fromTo("0", "10");
    private static final int LOWEST_PRIORITY = 1;
    private static final int HIGHEST_PRIORITY = 5;

    private OrgValidator() {
    }

    static List<FieldProblem> region(String id, RegionInput region) {
        return entity(id, region.name())
                .required("marketType", region.marketType())
                .required("growthRate", region.growthRate())
                .decimal("growthRate", region.growthRate(), GROWTH_RATE)
                .problems();
    }

    static List<FieldProblem> productLine(String id, ProductLineInput line) {
        return entity(id, line.name())
                .required("grossMargin", line.grossMargin())
                .decimal("grossMargin", line.grossMargin(), GROSS_MARGIN)
                .required("strategicPriority", line.strategicPriority())
                .wholeNumber("strategicPriority", line.strategicPriority(), LOWEST_PRIORITY, HIGHEST_PRIORITY)
                .problems();
    }

    static List<FieldProblem> team(String id, TeamInput team, Predicate<String> regionExists) {
        return entity(id, team.name())
                .reference("regionId", team.regionId(), "region", regionExists)
                .text("managerId", team.managerId(), MAX_ID_LENGTH)
                .problems();
    }

    /** A left-out capacity is no problem: the rep is then full-time. */
    static List<FieldProblem> rep(String id, RepInput rep, Predicate<String> teamExists) {
        return entity(id, rep.name())
                .reference("teamId", rep.teamId(), "team", teamExists)
                .required("hiredOn", rep.hiredOn())
                .decimal("capacity", rep.capacity(), CAPACITY)
                .notBefore("leftOn", rep.leftOn(), "hiredOn", rep.hiredOn())
                .notBefore("teamSince", rep.teamSince(), "hiredOn", rep.hiredOn())
                .notBefore("leftOn", rep.leftOn(), "teamSince", rep.teamSince())
                .problems();
    }

    /** What every entity needs: an id fit for a URL path, and a name. */
    private static Checks entity(String id, String name) {
        return new Checks()
                .id(id)
                .required("name", name)
                .text("name", name, MAX_NAME_LENGTH);
    }

    /** The problems of one input, at most one per field: a field's first problem hides the others. */
    private static final class Checks {

        private final List<FieldProblem> problems = new ArrayList<>();

        Checks id(String id) {
            required("id", id);
            if (id != null && (!ID.matcher(id).matches() || id.equals(".") || id.equals(".."))) {
                fail("id", "must be 1 to " + MAX_ID_LENGTH
                        + " letters, digits, '.', '_', ':' or '-', and not '.' or '..'");
            }
            return this;
        }

        Checks required(String field, Object value) {
            if (value == null) {
                fail(field, "is required");
            }
            return this;
        }

        Checks text(String field, String value, int maxLength) {
            if (value != null && value.isBlank()) {
                fail(field, "must not be blank");
            } else if (value != null && value.length() > maxLength) {
                fail(field, "must be at most " + maxLength + " characters");
            } else if (value != null && value.codePoints().anyMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || c == 0xFFFD)) {
                fail(field, "must not contain control, invisible formatting or replacement characters");
            }
            return this;
        }

        Checks decimal(String field, BigDecimal value, Bounds bounds) {
            if (value != null && value.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
                fail(field, "must have at most " + MAX_DECIMAL_PLACES + " decimal places");
            } else if (value != null && !bounds.contain(value)) {
                fail(field, bounds.rule() + ", was " + value);
            }
            return this;
        }

        Checks wholeNumber(String field, Integer value, int lowest, int highest) {
            if (value != null && (value < lowest || value > highest)) {
                fail(field, "must be from " + lowest + " to " + highest + ", was " + value);
            }
            return this;
        }

        Checks reference(String field, String id, String kind, Predicate<String> exists) {
            required(field, id);
            if (id != null && !exists.test(id)) {
                fail(field, kind + " " + id + " does not exist");
            }
            return this;
        }

        Checks notBefore(String field, LocalDate date, String earlierField, LocalDate earlier) {
            if (date != null && earlier != null && date.isBefore(earlier)) {
                fail(field, "must not be before " + earlierField + " (" + earlier + ")");
            }
            return this;
        }

        List<FieldProblem> problems() {
            return List.copyOf(problems);
        }

        private void fail(String field, String message) {
            if (problems.stream().noneMatch(problem -> problem.field().equals(field))) {
                problems.add(new FieldProblem(field, message));
            }
        }
    }

    /** A range of decimals that says what it requires: "must be from 0 to 1". */
    private record Bounds(BigDecimal low, boolean lowIncluded, BigDecimal high) {

        static Bounds fromTo(String low, String high) {
            return new Bounds(new BigDecimal(low), true, new BigDecimal(high));
        }

        static Bounds aboveUpTo(String low, String high) {
            return new Bounds(new BigDecimal(low), false, new BigDecimal(high));
        }

        boolean contain(BigDecimal value) {
            int fromLow = value.compareTo(low);
            return (lowIncluded ? fromLow >= 0 : fromLow > 0) && value.compareTo(high) <= 0;
        }

        String rule() {
            return lowIncluded ? "must be from " + low + " to " + high
                    : "must be more than " + low + " and at most " + high;
        }
    }
}
