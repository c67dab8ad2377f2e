package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Weighs the children of each node by the methods the request's {@link Allocation} chose. */
final class AllocationWeights {

    private final Allocation allocation;
    private final OrgSnapshot org;
    private final History history;
    /** Effective capacity of every rep on board in the period. */
    private final Map<String, BigDecimal> repCapacity;

    AllocationWeights(DecompositionRequest request) {
        this.allocation = request.allocation();
        this.org = request.org();
        this.history = request.history();
        this.repCapacity = org.reps().stream()
                .filter(rep -> rep.isOnBoardIn(request.period()))
                .collect(Collectors.toMap(RepInfo::id, rep -> request.ramp().effectiveCapacity(rep, request.period())));
    }

    Siblings productLines() {
        Weighing<ProductLineInfo> weighing = switch (allocation.productLines()) {
            case MARGIN_PRIORITY -> new Weighing<>(
                    line -> line.grossMargin().multiply(BigDecimal.valueOf(line.strategicPriority())),
                    "allocation.productLines", "gross margin × strategic priority");
            case HISTORY -> byPriorActual(history.productLines(), ProductLineInfo::id, "history.productLines");
            case EVEN -> evenly("allocation.productLines");
        };
        List<ProductLineInfo> lines =
                org.productLines().stream().sorted(Comparator.comparing(ProductLineInfo::id)).toList();
        return weighing.weigh(EntityType.PRODUCT_LINE, lines, ProductLineInfo::id);
    }

    Siblings regions() {
        Weighing<RegionInfo> weighing = switch (allocation.regions()) {
            case GROWTH -> new Weighing<>(
                    region -> growthBasis(region).multiply(BigDecimal.ONE.add(region.growthRate())),
                    "allocation.regions", "prior actual (or else its reps' effective capacity) × (1 + growth rate)");
            case HISTORY -> byPriorActual(history.regions(), RegionInfo::id, "history.regions");
            case EVEN -> evenly("allocation.regions");
        };
        List<RegionInfo> regions = org.regions().stream().sorted(Comparator.comparing(RegionInfo::id)).toList();
        return weighing.weigh(EntityType.REGION, regions, RegionInfo::id);
    }

    Siblings teamsIn(String regionId) {
        Weighing<TeamInfo> weighing = switch (allocation.reps()) {
            case CAPACITY -> new Weighing<>(team -> teamCapacity(team.id()),
                    "allocation.reps", "the effective capacity of its reps on board");
            case HISTORY -> byPriorActual(history.teams(), TeamInfo::id, "history.teams");
            case EVEN -> evenly("allocation.reps");
        };
        return weighing.weigh(EntityType.TEAM, org.teamsIn(regionId), TeamInfo::id);
    }

    /** Only reps on board in the period take part. */
    Siblings repsIn(String teamId) {
        Weighing<RepInfo> weighing = switch (allocation.reps()) {
            case CAPACITY -> new Weighing<>(rep -> repCapacity.get(rep.id()), "allocation.reps", "effective capacity");
            case HISTORY -> byPriorActual(history.reps(), RepInfo::id, "history.reps");
            case EVEN -> evenly("allocation.reps");
        };
        return weighing.weigh(EntityType.REP, onBoardRepsIn(teamId), RepInfo::id);
    }

    /** The region's prior actual, or the effective capacity of its reps if it has none. */
    private BigDecimal growthBasis(RegionInfo region) {
        BigDecimal priorActual = history.regions().get(region.id());
        return priorActual != null ? priorActual : org.teamsIn(region.id()).stream()
                .map(team -> teamCapacity(team.id()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal teamCapacity(String teamId) {
        return onBoardRepsIn(teamId).stream()
                .map(rep -> repCapacity.get(rep.id()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<RepInfo> onBoardRepsIn(String teamId) {
        return org.repsIn(teamId).stream().filter(rep -> repCapacity.containsKey(rep.id())).toList();
    }

    /** Those without a prior actual weigh zero. */
    private static <T> Weighing<T> byPriorActual(Map<String, BigDecimal> actuals, Function<T, String> id,
                                                 String field) {
        return new Weighing<>(entity -> actuals.getOrDefault(id.apply(entity), BigDecimal.ZERO), field, "prior actual");
    }

    private static <T> Weighing<T> evenly(String field) {
        return new Weighing<>(entity -> BigDecimal.ONE, field, "an even split");
    }

    /**
     * How one kind of child is weighed.
     *
     * @param field     the input to blame if they all weigh zero
     * @param weighedBy what the weight is, for messages
     */
    private record Weighing<T>(Function<T, BigDecimal> weight, String field, String weighedBy) {

        Siblings weigh(EntityType type, List<T> children, Function<T, String> id) {
            List<Siblings.Member> members = children.stream()
                    .map(child -> new Siblings.Member(id.apply(child), weight.apply(child)))
                    .toList();
            return new Siblings(type, members, field, weighedBy);
        }
    }
}
