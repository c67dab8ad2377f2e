package io.quotaflow.target.decomposition;

import io.quotaflow.target.decomposition.Allocation.ProductLineMethod;
import io.quotaflow.target.decomposition.Allocation.RegionMethod;
import io.quotaflow.target.decomposition.Allocation.RepMethod;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a request as a whole before anything is worked out, and rejects the first problem found
 * with a {@link DecompositionException} naming the field at fault. Levels, ramp and calendar check
 * themselves when they are made.
 */
final class RequestValidator {

    static final int MAX_SCALE = 4;

    private RequestValidator() {
    }

    static void validate(DecompositionRequest request) {
        require(request.period() != null, "period", "is required");
        validateTotal(request.total(), request.scale());
        require(request.org() != null, "org", "is required");
        validateOrg(request.org());
        validateHistory(request);
        require(!request.calendar().workingDays(request.period()).isEmpty(),
                "calendar", "has no working days in " + request.period());
    }

    private static void validateTotal(BigDecimal total, int scale) {
        require(scale >= 0 && scale <= MAX_SCALE, "scale", "must be from 0 to " + MAX_SCALE + ", was " + scale);
        require(total != null, "total", "is required");
        require(total.signum() > 0, "total", "must be more than zero, was " + total.toPlainString());
        require(total.stripTrailingZeros().scale() <= scale,
                "total", total.toPlainString() + " has more than " + scale + " decimal places");
    }

    private static void validateOrg(OrgSnapshot org) {
        requireUniqueIds("org.productLines", org.productLines(), ProductLineInfo::id);
        requireUniqueIds("org.regions", org.regions(), RegionInfo::id);
        requireUniqueIds("org.teams", org.teams(), TeamInfo::id);
        requireUniqueIds("org.reps", org.reps(), RepInfo::id);
        org.productLines().forEach(RequestValidator::validateProductLine);
        org.regions().forEach(RequestValidator::validateRegion);

        Set<String> regionIds = ids(org.regions(), RegionInfo::id);
        for (TeamInfo team : org.teams()) {
            require(team.regionId() != null, "org.teams[" + team.id() + "].regionId", "is required");
            require(regionIds.contains(team.regionId()), "org.teams[" + team.id() + "].regionId",
                    "refers to region " + team.regionId() + ", which is not in the org");
        }
        Set<String> teamIds = ids(org.teams(), TeamInfo::id);
        for (RepInfo rep : org.reps()) {
            require(rep.teamId() != null, "org.reps[" + rep.id() + "].teamId", "is required");
            require(teamIds.contains(rep.teamId()), "org.reps[" + rep.id() + "].teamId",
                    "refers to team " + rep.teamId() + ", which is not in the org");
            validateRep(rep);
        }
    }

    private static void validateProductLine(ProductLineInfo line) {
        String path = "org.productLines[" + line.id() + "]";
        requireZeroOrMore(line.grossMargin(), path + ".grossMargin");
        require(line.strategicPriority() >= 1 && line.strategicPriority() <= 5, path + ".strategicPriority",
                "must be from 1 to 5, was " + line.strategicPriority());
    }

    private static void validateRegion(RegionInfo region) {
        String path = "org.regions[" + region.id() + "]";
        require(region.marketType() != null, path + ".marketType", "is required");
        require(region.growthRate() != null && region.growthRate().compareTo(BigDecimal.ONE.negate()) > 0,
                path + ".growthRate", "must be more than -1");
    }

    private static void validateRep(RepInfo rep) {
        String path = "org.reps[" + rep.id() + "]";
        require(rep.hiredOn() != null, path + ".hiredOn", "is required");
        requireZeroOrMore(rep.capacity(), path + ".capacity");
    }

    private static void validateHistory(DecompositionRequest request) {
        History history = request.history();
        validatePriorActuals("history.productLines", history.productLines());
        validatePriorActuals("history.regions", history.regions());
        validatePriorActuals("history.teams", history.teams());
        validatePriorActuals("history.reps", history.reps());

        Allocation allocation = request.allocation();
        OrgSnapshot org = request.org();
        if (allocation.productLines() == ProductLineMethod.HISTORY) {
            requireSomeHistory("history.productLines", "product lines", history.productLines(),
                    ids(org.productLines(), ProductLineInfo::id));
        }
        if (allocation.regions() == RegionMethod.HISTORY) {
            requireSomeHistory("history.regions", "regions", history.regions(), ids(org.regions(), RegionInfo::id));
        }
        if (allocation.reps() == RepMethod.HISTORY) {
            requireSomeHistory("history.teams", "teams", history.teams(), ids(org.teams(), TeamInfo::id));
            Set<String> onBoardReps = org.reps().stream()
                    .filter(rep -> rep.isOnBoardIn(request.period()))
                    .map(RepInfo::id)
                    .collect(Collectors.toSet());
            requireSomeHistory("history.reps", "reps on board", history.reps(), onBoardReps);
        }
    }

    private static void validatePriorActuals(String path, Map<String, BigDecimal> actuals) {
        actuals.forEach((id, actual) -> requireZeroOrMore(actual, path + "[" + id + "]"));
    }

    /** Allocating by history needs a prior actual for at least one of the entities to allocate to. */
    private static void requireSomeHistory(String path, String entities, Map<String, BigDecimal> actuals,
                                           Set<String> ids) {
        require(ids.isEmpty() || ids.stream().anyMatch(actuals::containsKey), path,
                "allocation by HISTORY needs prior actuals, but none of the " + ids.size() + " " + entities
                        + " has one");
    }

    private static <T> void requireUniqueIds(String path, List<T> entities, Function<T, String> idOf) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < entities.size(); index++) {
            String id = idOf.apply(entities.get(index));
            require(id != null && !id.isBlank(), path + "[" + index + "].id", "is required");
            require(seen.add(id), path + "[" + id + "].id", "is used by more than one entry");
        }
    }

    private static void requireZeroOrMore(BigDecimal value, String field) {
        require(value != null, field, "is required");
        require(value.signum() >= 0, field, "must be zero or more, was " + value.toPlainString());
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new DecompositionException(field, message);
        }
    }

    private static <T> Set<String> ids(Collection<T> entities, Function<T, String> idOf) {
        return entities.stream().map(idOf).collect(Collectors.toSet());
    }
}
