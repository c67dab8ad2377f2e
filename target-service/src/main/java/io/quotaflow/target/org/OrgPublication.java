package io.quotaflow.target.org;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.events.org.TeamMembership;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.ImmediatePublication;
import io.quotaflow.platform.messaging.Outbox;
import io.quotaflow.platform.web.ConflictException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sales org as events on the compacted {@code sales-org} topic, without dual writes: every write of an
 * entity is one atomic update of its document that also raises its {@code revision} and marks it
 * {@code publicationPending}; the relay (and, right after a write, the request thread) publishes the entity's
 * whole current state under the id {@code org / entity key / revision} and then clears the mark — only if the
 * document is still at that revision, so a newer change stays pending. Consumers keep the highest revision.
 */
@Component
class OrgPublication implements Outbox<List<OrgPublication.Published>> {

    static final String REVISION = "revision";
    static final String PENDING = "publicationPending";
    private static final int ENTITIES_PER_BATCH = 200;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final ImmediatePublication immediately;
    private final Clock clock;
    private final Map<String, Class<?>> kinds;

    OrgPublication(MongoTemplate mongo, EventPublisher publisher, ImmediatePublication immediately, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.immediately = immediately;
        this.clock = clock;
        this.kinds = Map.of(collection(Region.class), Region.class, collection(ProductLine.class), ProductLine.class,
                collection(Team.class), Team.class, collection(Rep.class), Rep.class);
    }

    /** A revision of an entity that Kafka acknowledged. */
    record Published(String collection, String id, long revision) {
    }

    @Override
    public String name() {
        return "sales-org";
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    /** Creates or replaces the entity and marks its new revision for publication, in one write. */
    Document upsert(Object entity, String id) {
        return mongo.getCollection(collection(entity.getClass())).findOneAndUpdate(new Document("_id", id),
                update(entity), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    /** Replaces the entity only if it is still at {@code expectedRevision}; otherwise 409. */
    Document replace(Object entity, String id, long expectedRevision) {
        Document stored = mongo.getCollection(collection(entity.getClass())).findOneAndUpdate(
                new Document("_id", id).append(REVISION, expectedRevision), update(entity),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (stored == null) {
            throw changedMeanwhile(entity, id);
        }
        return stored;
    }

    /** Creates the entity, unless someone created it meanwhile (409). */
    Document create(Object entity, String id) {
        Document document = new Document("_id", id);
        Document fields = fields(entity);
        document.putAll(fields);
        document.put(REVISION, 1L);
        try {
            mongo.getCollection(collection(entity.getClass())).insertOne(document);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw changedMeanwhile(entity, id);
            }
            throw e;
        }
        return document;
    }

    /** The stored document of an entity, with its revision. */
    java.util.Optional<Document> stored(Class<?> type, String id) {
        return java.util.Optional.ofNullable(mongo.getCollection(collection(type)).find(new Document("_id", id)).first());
    }

    private ConflictException changedMeanwhile(Object entity, String id) {
        return new ConflictException("id", collection(entity.getClass()) + " " + id
                + " was changed by someone else meanwhile; reload it and try again");
    }

    /** Creates or replaces many entities of one kind (an import), in one bulk command. */
    void upsertAll(List<?> entities, java.util.function.Function<Object, String> idOf) {
        if (entities.isEmpty()) {
            return;
        }
        String collection = collection(entities.get(0).getClass());
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Object entity : entities) {
            updates.add(new UpdateOneModel<>(new Document("_id", idOf.apply(entity)), update(entity),
                    new com.mongodb.client.model.UpdateOptions().upsert(true)));
        }
        mongo.getCollection(collection).bulkWrite(updates);
    }

    private Document update(Object entity) {
        return new Document("$set", fields(entity)).append("$inc", new Document(REVISION, 1L));
    }

    private Document fields(Object entity) {
        Document fields = new Document();
        mongo.getConverter().write(entity, fields);
        fields.remove("_id");
        fields.remove("_class");
        fields.put(PENDING, true);
        return fields;
    }

    /** Marks every entity for publication again (a full republish); returns how many. */
    long republishAll() {
        long marked = 0;
        for (String collection : kinds.keySet()) {
            marked += mongo.getCollection(collection).updateMany(new Document(),
                    new Document("$set", new Document(PENDING, true))).getModifiedCount();
        }
        return marked;
    }

    // ---- the outbox -------------------------------------------------------------------------------------------

    @Override
    public List<Pending<List<Published>>> pending(int limit) {
        List<Pending<List<Published>>> batches = new ArrayList<>();
        for (String collection : kinds.keySet()) {
            int room = limit - batches.size();
            if (room <= 0) {
                break;
            }
            List<Document> waiting = new ArrayList<>();
            mongo.getCollection(collection).find(new Document(PENDING, true)).limit(room * ENTITIES_PER_BATCH)
                    .into(waiting);
            for (int i = 0; i < waiting.size(); i += ENTITIES_PER_BATCH) {
                batches.add(batchOf(collection, waiting.subList(i, Math.min(waiting.size(), i + ENTITIES_PER_BATCH))));
            }
        }
        return batches;
    }

    /** Clears the mark of each published revision, unless a newer one was written meanwhile (one bulk command). */
    @Override
    public void published(Pending<List<Published>> batch) {
        List<WriteModel<Document>> marks = batch.token().stream().<WriteModel<Document>>map(entity ->
                new UpdateOneModel<>(new Document("_id", entity.id()).append(REVISION, entity.revision()),
                        new Document("$set", new Document(PENDING, false)))).toList();
        if (!marks.isEmpty()) {
            mongo.getCollection(batch.token().get(0).collection()).bulkWrite(marks);
        }
    }

    /**
     * Publishes a just-written entity at once, under the outbox's lease, so readers of the topic see it within
     * the request; if the relay holds the lease, or Kafka does not acknowledge, the relay publishes it.
     */
    void publishNow(Object entity, Document stored) {
        immediately.tryPublish(this, batchOf(collection(entity.getClass()), List.of(stored)));
    }

    private Pending<List<Published>> batchOf(String collection, List<Document> documents) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        List<Published> published = new ArrayList<>();
        for (Document document : documents) {
            long revision = revisionOf(document);
            OrgEvent event = eventOf(mongo.getConverter().read(kinds.get(collection), document), revision);
            events.add(publisher.envelope(EventIds.of("org", event.entityKey(), Long.toString(revision)),
                    clock.instant(), event));
            published.add(new Published(collection, String.valueOf(document.get("_id")), revision));
        }
        return new Pending<>(collection + ":" + published.get(0).id() + "…(" + published.size() + ")", published, events);
    }

    static OrgEvent eventOf(Object entity, long revision) {
        if (entity instanceof Region region) {
            return new RegionChanged(region.id(), region.name(), region.marketType().name(), region.growthRate(), revision);
        }
        if (entity instanceof ProductLine line) {
            return new ProductLineChanged(line.id(), line.name(), line.grossMargin(), line.strategicPriority(), revision);
        }
        if (entity instanceof Team team) {
            return new TeamChanged(team.id(), team.name(), team.regionId(), team.managerId(), revision);
        }
        Rep rep = (Rep) entity;
        return new RepChanged(rep.id(), rep.name(), rep.teamId(), rep.hiredOn(), rep.leftOn(), rep.capacity(),
                rep.memberships().stream().map(m -> new TeamMembership(m.teamId(), m.from(), m.to())).toList(),
                revision);
    }

    static long revisionOf(Document stored) {
        Object revision = stored.get(REVISION);
        return revision instanceof Number number ? number.longValue() : 0;
    }

    private String collection(Class<?> type) {
        return mongo.getCollectionName(type);
    }
}
