package io.quotaflow.target.plan;

import io.quotaflow.platform.web.ConflictException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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
 * transactions needed): it applies only if nobody changed the plan since it was read, otherwise it is a 409.
 * A new version's targets are written first, under an id of their own, and become the plan's only through
 * that write: whoever loses the race removes its targets and leaves nothing behind.
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
        mongo.insert(first);
        mongo.insert(plan);
    }

    /**
     * Writes a change that keeps the plan's version and publication (commitments, key strategies), provided
     * nobody changed the plan since it was read; otherwise 409.
     */
    Plan update(Plan changed) {
        Document fields = fieldsOf(changed);
        fields.remove("publicationPending");
        if (!swap(changed, fields)) {
            throw conflict(changed);
        }
        return changed;
    }

    /**
     * Writes an approval ({@code newVersion} null) or a new version with its targets, provided nobody changed
     * the plan since it was read; otherwise removes the targets it wrote and answers 409. The plan then asks
     * for its events to be published; {@code publishedVersion} is left to {@link #markPublished}.
     */
    Plan advance(Plan changed, PlanVersion newVersion) {
        if (newVersion != null) {
            try {
                mongo.insert(newVersion);
            } catch (DuplicateKeyException taken) {
                throw conflict(changed);
            }
        }
        if (!swap(changed, fieldsOf(changed))) {
            // Not named by the plan, so nobody reads it. (After an error instead of a clear miss the write may
            // have applied, so the document stays: an unnamed leftover is harmless, a named missing one is not.)
            if (newVersion != null) {
                mongo.remove(Query.query(Criteria.where("_id").is(newVersion.id())), PlanVersion.class);
            }
            throw conflict(changed);
        }
        return changed;
    }

    /** Records that Kafka acknowledged every event of {@code version}, unless a newer version came meanwhile. */
    void markPublished(String planId, int version) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(planId).and("version").is(version)),
                new Update().set("publicationPending", false).set("publishedVersion", version), Plan.class);
    }

    /** The targets of {@code version} of the plan, as its version log names them. */
    Optional<PlanVersion> version(Plan plan, int version) {
        return Optional.ofNullable(mongo.findById(plan.targetsOf(version), PlanVersion.class));
    }

    PlanVersion currentVersion(Plan plan) {
        return version(plan, plan.version())
                .orElseThrow(() -> new IllegalStateException("plan " + plan.id() + " has no version " + plan.version()));
    }

    private Document fieldsOf(Plan changed) {
        Document fields = new Document();
        mongo.getConverter().write(changed, fields);
        fields.remove("_id");
        fields.remove("_class");
        fields.remove("publishedVersion");
        return fields;
    }

    /** Sets {@code fields} if the plan is still at the revision {@code changed} was made from. */
    private boolean swap(Plan changed, Document fields) {
        Query unchanged = Query.query(Criteria.where("_id").is(changed.id()).and("revision").is(changed.revision() - 1));
        return mongo.updateFirst(unchanged, Update.fromDocument(new Document("$set", fields)), Plan.class)
                .getMatchedCount() > 0;
    }

    private static ConflictException conflict(Plan changed) {
        return new ConflictException("planId", "plan " + changed.id() + " was changed by someone else meanwhile; "
                + "reload it and try again");
    }
}
