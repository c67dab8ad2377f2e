package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.Decomposition;
import io.quotaflow.target.decomposition.TargetNode;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.YearMonth;
import java.util.List;

/**
 * The decomposed targets of one version of a plan, immutable once written. One document per version,
 * read by id: a plan of a few thousand reps stays far below MongoDB's 16 MB document limit.
 */
@Document("plan_versions")
public record PlanVersion(@Id String id, String planId, int version, YearMonth period, int scale,
                          List<TargetNode> nodes, List<String> warnings) {

    static String idOf(String planId, int version) {
        return planId + "@v" + version;
    }

    static PlanVersion of(String planId, int version, Decomposition decomposition) {
        return new PlanVersion(idOf(planId, version), planId, version, decomposition.period(), decomposition.scale(),
                decomposition.nodes(), decomposition.warnings());
    }

    public Decomposition decomposition() {
        return new Decomposition(period, scale, nodes, warnings);
    }
}
