package io.quotaflow.platform.org;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.org.OrgEvent;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link OrgDirectory} over the service's {@code org_entities} collection: read whole (an org has hundreds or
 * a few thousand entities) at the first question, again after every applied chunk of the topic, and again when
 * the copy in memory is older than {@code maxAge} — with several instances, another instance applies the changes
 * of the {@code sales-org} partitions it owns, and this one learns of them only by reading the collection.
 */
final class MongoOrgDirectory extends SnapshotDirectory {

    private static final Logger log = LoggerFactory.getLogger(MongoOrgDirectory.class);

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final long maxAgeNanos;
    private final AtomicReference<OrgSnapshot> snapshot = new AtomicReference<>();
    private volatile long readAt;

    MongoOrgDirectory(MongoTemplate mongo, EventCodec codec, Duration maxAge) {
        this.mongo = mongo;
        this.codec = codec;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Reads the collection again; keeps the previous snapshot if the database does not answer. */
    void reload() {
        readAt = System.nanoTime();
        try {
            List<OrgEvent> entities = new ArrayList<>();
            for (Document entity : mongo.getCollection(OrgProjection.ENTITIES).find()) {
                String event = entity.getString("event");
                if (event != null) {
                    entities.add(codec.decode(event.getBytes(StandardCharsets.UTF_8), OrgEvent.class).payload());
                }
            }
            snapshot.set(OrgSnapshot.of(entities));
        } catch (RuntimeException e) {
            log.warn("Could not read the sales org ({}); answering from what was read before", e.toString());
            if (snapshot.get() == null) {
                throw e;
            }
        }
    }

    @Override
    OrgSnapshot current() {
        if (snapshot.get() == null || System.nanoTime() - readAt > maxAgeNanos) {
            reload();
        }
        return snapshot.get();
    }
}
