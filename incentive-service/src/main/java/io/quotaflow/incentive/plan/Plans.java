package io.quotaflow.incentive.plan;

import io.quotaflow.platform.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * The stored plans. The plan document ({@code incentive_plans}, one per plan) is the truth: a new version replaces
 * it by one conditional write (only if it is still at version N-1), so two admins saving at once get one version and
 * one 409. Every version is also kept in {@code incentive_plan_versions} ({@code planId@vN}), written after it won
 * (and again before the next version, in case a crash came in between).
 */
@Repository
class Plans {

    static final String LATEST = "incentive_plans";
    static final String VERSIONS = "incentive_plan_versions";

    private final MongoTemplate mongo;

    Plans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<StoredPlan> latest() {
        return mongo.findAll(StoredPlan.class, LATEST);
    }

    Optional<StoredPlan> latest(String planId) {
        return Optional.ofNullable(mongo.findById(planId, StoredPlan.class, LATEST));
    }

    Optional<StoredPlan> version(String planId, int version) {
        Optional<StoredPlan> kept = Optional.ofNullable(
                mongo.findById(StoredPlan.versionId(planId, version), StoredPlan.class, VERSIONS));
        return kept.or(() -> latest(planId).filter(latest -> latest.version() == version));
    }

    /** Stores {@code next} as the plan's latest version, provided the plan still is at {@code next.version() - 1}. */
    void store(StoredPlan next, StoredPlan current) {
        if (current != null) {
            keep(current);
        }
        if (next.version() == 1) {
            try {
                mongo.insert(next, LATEST);
            } catch (DuplicateKeyException taken) {
                throw conflict(next.planId());
            }
        } else {
            Query unchanged = Query.query(Criteria.where("_id").is(next.planId()).and("version").is(next.version() - 1));
            Update update = new Update().set("version", next.version()).set("draft", next.draft())
                    .set("storedAt", next.storedAt()).set("storedBy", next.storedBy());
            if (mongo.updateFirst(unchanged, update, StoredPlan.class, LATEST).getMatchedCount() == 0) {
                throw conflict(next.planId());
            }
        }
        keep(next);
    }

    private void keep(StoredPlan plan) {
        mongo.save(new StoredPlan(StoredPlan.versionId(plan.planId(), plan.version()), plan.planId(), plan.version(),
                plan.draft(), plan.storedAt(), plan.storedBy()), VERSIONS);
    }

    private static ConflictException conflict(String planId) {
        return new ConflictException("planId", "plan " + planId + " was changed by someone else meanwhile; "
                + "reload it and try again");
    }
}
