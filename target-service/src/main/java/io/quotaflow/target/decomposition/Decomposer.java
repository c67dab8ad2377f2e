package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a month's company target into product lines, and into regions, teams and reps, each with
 * base and challenge levels and a split over the weeks and working days of the month, all adding up
 * exactly at every level.
 *
 * <p>Pure: the result depends on the request alone. Siblings are apportioned in order of id, so the
 * order of the lists in the org does not matter either.
 */
public final class Decomposer {

    private final DecompositionRequest request;
    private final AllocationWeights weights;
    private final List<LocalDate> workingDays;
    private final List<TargetNode> nodes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Decomposer(DecompositionRequest request) {
        this.request = request;
        this.weights = new AllocationWeights(request);
        this.workingDays = request.calendar().workingDays(request.period());
    }

    /**
     * Decomposes the request's company target.
     *
     * @throws DecompositionException naming the field at fault if the request is invalid, or if some
     *                                target cannot be shared out because all its children weigh nothing
     */
    public static Decomposition decompose(DecompositionRequest request) {
        RequestValidator.validate(request);
        return new Decomposer(request).decompose();
    }

    private Decomposition decompose() {
        Amounts company = Amounts.root(request.total(), request.levels(), request.scale());
        add(NodeKey.COMPANY, null, company, BigDecimal.ONE);
        addChildren(NodeKey.COMPANY, company, weights.productLines());
        addRegions(company);
        return new Decomposition(request.period(), request.scale(), nodes, warnings);
    }

    private void addRegions(Amounts company) {
        Siblings regions = weights.regions();
        if (regions.isEmpty()) {
            warnUnassigned(NodeKey.COMPANY, "has no regions", company);
            return;
        }
        addChildren(NodeKey.COMPANY, company, regions).forEach(this::addTeams);
    }

    private void addTeams(String regionId, Amounts amounts) {
        NodeKey region = new NodeKey(EntityType.REGION, regionId);
        Siblings teams = weights.teamsIn(regionId);
        if (teams.isEmpty()) {
            warnUnassigned(region, "has no teams", amounts);
            return;
        }
        addChildren(region, amounts, teams).forEach(this::addReps);
    }

    private void addReps(String teamId, Amounts amounts) {
        NodeKey team = new NodeKey(EntityType.TEAM, teamId);
        Siblings reps = weights.repsIn(teamId);
        if (reps.isEmpty()) {
            warnUnassigned(team, "has no reps on board", amounts);
            return;
        }
        addChildren(team, amounts, reps);
    }

    /** Shares the parent's amounts out among its children and adds them; returns each child's amounts by id. */
    private Map<String, Amounts> addChildren(NodeKey parent, Amounts amounts, Siblings children) {
        if (children.isEmpty()) {
            return Map.of();
        }
        if (children.allWeighZero() && !amounts.isZero()) {
            throw new DecompositionException(children.field(), "every " + children.type().label() + " under " + parent
                    + " weighs zero by " + children.weighedBy() + ", so its target of "
                    + amounts.monthly().toPlainString() + " cannot be shared among them");
        }
        List<Amounts> shares = amounts.split(children.weights(), request.scale(), children.field());
        Map<String, Amounts> sharesById = new LinkedHashMap<>();
        for (int index = 0; index < shares.size(); index++) {
            Siblings.Member child = children.members().get(index);
            add(new NodeKey(children.type(), child.id()), parent, shares.get(index), child.weight());
            sharesById.put(child.id(), shares.get(index));
        }
        return sharesById;
    }

    private void add(NodeKey key, NodeKey parent, Amounts amounts, BigDecimal weight) {
        List<DailyAmount> daily = TimeSplit.spread(amounts.monthly(), workingDays, request.scale(), "calendar");
        nodes.add(new TargetNode(
                key.type(), key.id(),
                parent == null ? null : parent.type(), parent == null ? null : parent.id(),
                amounts.monthly(), amounts.base(), amounts.challenge(), weight,
                TimeSplit.weeks(request.period(), daily, request.scale()), daily));
    }

    private void warnUnassigned(NodeKey node, String reason, Amounts amounts) {
        warnings.add(node + " " + reason + "; its target of " + amounts.monthly().toPlainString()
                + " is not assigned to anyone");
    }
}
