package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.TargetNode;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The decomposed targets of one version of a plan, written once and never changed. One document per version,
 * read by id: a plan of a few thousand reps stays far below MongoDB's 16 MB document limit.
 *
 * <p>The plan's version log names the document of each version. A new version's document gets an id of its
 * own ({@code <planId>@v<n>-<random>}), so that of several revisions raced from the same version each writes
 * its own document, and only the one whose write of the plan wins is ever named; the others remove theirs.
 */
@Document("plan_versions")
public record PlanVersion(@Id String id, String planId, int version, YearMonth period, int scale,
                          List<TargetNode> nodes, List<String> warnings) {

    /**
     * {@code <planId>@v<n>}: the id of a plan's first version (nobody can race for it: the plan is new), and of
     * versions stored before every version had an id of its own.
     */
    static String idOf(String planId, int version) {
        return planId + "@v" + version;
    }

    /** The targets of a new plan. */
    static PlanVersion first(String planId, Decomposition decomposition) {
        return of(idOf(planId, 1), planId, 1, decomposition);
    }

    /** The targets of a candidate next version, under an id nobody else can write. */
    static PlanVersion next(String planId, int version, Decomposition decomposition) {
        return of(idOf(planId, version) + "-" + UUID.randomUUID().toString().substring(0, 8), planId, version,
                decomposition);
    }

    private static PlanVersion of(String id, String planId, int version, Decomposition decomposition) {
        return new PlanVersion(id, planId, version, decomposition.period(), decomposition.scale(),
                decomposition.nodes(), decomposition.warnings());
    }

    public Decomposition decomposition() {
        return new Decomposition(period, scale, nodes, warnings);
    }
}
