package io.quotaflow.platform.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Time-limited ownership of a named job, so that of all the instances of a service one at a time does it
 * (drains an outbox, closes a period). One small document per name in the {@code leases} collection:
 * {@code {_id: name, holder, expiresAt, acquiredAt}}.
 *
 * <p>Taking a lease is one conditional {@code findAndModify}: it matches when the lease is expired or
 * already the caller's, and then sets holder and expiry; when another holder has it, nothing matches. Only
 * a lease that never existed is inserted, and of two instances racing to create it the unique {@code _id}
 * lets one win. Renewing is taking again.
 * Releasing is fenced by holder, so a holder whose lease expired and was taken over cannot release its
 * successor's. (The filter goes beyond {@code _id}, which the embedded MongoDB answers with a scan; this
 * collection holds one document per job, so that costs nothing.)
 *
 * <p>Expiry is read from {@code clock}, the instances' wall clock (never a pinned business clock): keep
 * the instances' clocks synchronised and leases far longer than their skew.
 */
public class Leases {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;

    public Leases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes the lease on {@code name} for {@code holder}, or renews it if {@code holder} has it, until now +
     * {@code duration}.
     *
     * @return false if another holder has it and it has not expired
     */
    public boolean tryAcquire(String name, String holder, Duration duration) {
        Instant now = clock.instant();
        Query takeable = Query.query(Criteria.where("_id").is(name)
                .orOperator(Criteria.where("expiresAt").lte(now), Criteria.where("holder").is(holder)));
        Update take = new Update().set("holder", holder).set("expiresAt", now.plus(duration)).set("acquiredAt", now);
        if (mongo.findAndModify(takeable, take, Document.class, COLLECTION) != null) {
            return true;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(name)), COLLECTION)) {
            return false;
        }
        try {
            mongo.insert(new Document("_id", name).append("holder", holder).append("expiresAt", now.plus(duration))
                    .append("acquiredAt", now), COLLECTION);
            return true;
        } catch (DuplicateKeyException anotherTookItFirst) {
            return false;
        }
    }

    /** Gives the lease up at once, if {@code holder} still has it; otherwise changes nothing. */
    public void release(String name, String holder) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("holder").is(holder)),
                new Update().set("expiresAt", clock.instant()), COLLECTION);
    }

    /** Who holds the lease on {@code name} now, if anyone. */
    public Optional<String> holder(String name) {
        Document lease = mongo.findById(name, Document.class, COLLECTION);
        if (lease == null || !lease.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(lease.getString("holder"));
    }
}
