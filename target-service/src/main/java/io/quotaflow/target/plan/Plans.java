package io.quotaflow.target.plan;

import io.quotaflow.platform.web.ConflictException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The plans and their versions. Every change of a plan is one conditional single-document write (no
 * transactions needed): it applies only if nobody changed the plan since it was read.
 */
@Repository
class Plans {

    private final MongoTemplate mongo;

    Plans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Plan> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Plan.class));
    }

    List<Plan> inPeriod(YearMonth period) {
        return mongo.find(Query.query(Criteria.where("period").is(period.toString())), Plan.class);
    }

    List<Plan> awaitingPublication(int limit) {
        return mongo.find(Query.query(Criteria.where("publicationPending").is(true)).limit(limit), Plan.class);
    }

    /** Stores a new plan together with its first version; the version is written first, so no plan lacks one. */
    void create(Plan plan, PlanVersion first) {
        mongo.save(first);
        mongo.insert(plan);
    }

    /**
     * Writes a changed plan (and, for a new version, its targets, written first), provided nobody changed
     * it since it was read; otherwise 409. Leaves {@code publishedVersion} to {@link #markPublished}.
     */
    Plan update(Plan changed, PlanVersion newVersion) {
        if (newVersion != null) {
            mongo.save(newVersion);
        }
        Document fields = new Document();
        mongo.getConverter().write(changed, fields);
        fields.remove("_id");
        fields.remove("_class");
        fields.remove("publishedVersion");
        Query unchanged = Query.query(Criteria.where("_id").is(changed.id()).and("revision").is(changed.revision() - 1));
        if (mongo.updateFirst(unchanged, Update.fromDocument(new Document("$set", fields)), Plan.class)
                .getMatchedCount() == 0) {
            throw new ConflictException("planId", "plan " + changed.id() + " was changed by someone else meanwhile; "
                    + "reload it and try again");
        }
        return changed;
    }

    /** Records that Kafka acknowledged every event of {@code version}, unless a newer version came meanwhile. */
    void markPublished(String planId, int version) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(planId).and("version").is(version)),
                new Update().set("publicationPending", false).set("publishedVersion", version), Plan.class);
    }

    Optional<PlanVersion> version(String planId, int version) {
        return Optional.ofNullable(mongo.findById(PlanVersion.idOf(planId, version), PlanVersion.class));
    }

    PlanVersion currentVersion(Plan plan) {
        return version(plan.id(), plan.version())
                .orElseThrow(() -> new IllegalStateException("plan " + plan.id() + " has no version " + plan.version()));
    }
}
