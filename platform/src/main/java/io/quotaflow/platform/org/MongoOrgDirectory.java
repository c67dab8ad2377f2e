package io.quotaflow.platform.org;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link OrgDirectory} over the service's {@code org_entities} collection: read whole (an org has hundreds or
 * a few thousand entities) at the first question, again after every applied chunk of the topic, and again when
 * the copy in memory is older than {@code maxAge} — with several instances, another instance applies the changes
 * of the {@code sales-org} partitions it owns, and this one learns of them only by reading the collection.
 */
final class MongoOrgDirectory implements OrgDirectory {

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

    private OrgSnapshot current() {
        if (snapshot.get() == null || System.nanoTime() - readAt > maxAgeNanos) {
            reload();
        }
        return snapshot.get();
    }

    @Override
    public Optional<RepChanged> rep(String repId) {
        return Optional.ofNullable(current().reps().get(repId));
    }

    @Override
    public Optional<String> teamOf(String repId, LocalDate day) {
        return current().teamOf(repId, day);
    }

    @Override
    public Optional<TeamChanged> team(String teamId) {
        return Optional.ofNullable(current().teams().get(teamId));
    }

    @Override
    public Optional<RegionChanged> region(String regionId) {
        return Optional.ofNullable(current().regions().get(regionId));
    }

    @Override
    public Optional<ProductLineChanged> productLine(String productLineId) {
        return Optional.ofNullable(current().productLines().get(productLineId));
    }

    @Override
    public List<RepChanged> reps() {
        return List.copyOf(current().reps().values());
    }

    @Override
    public List<TeamChanged> teams() {
        return List.copyOf(current().teams().values());
    }

    @Override
    public List<RegionChanged> regions() {
        return List.copyOf(current().regions().values());
    }

    @Override
    public List<ProductLineChanged> productLines() {
        return List.copyOf(current().productLines().values());
    }

    @Override
    public List<RepChanged> members(String teamId, LocalDate day) {
        return current().members(teamId, day);
    }

    @Override
    public long revision() {
        return current().revision();
    }
}
