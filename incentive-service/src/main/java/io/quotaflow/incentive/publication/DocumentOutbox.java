package io.quotaflow.incentive.publication;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.platform.messaging.Outbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An outbox over documents that are their own outbox: the one write that changes such a document (a completed
 * close, a resolved inquiry) also sets {@code publicationPending}; the platform's relay publishes the events
 * derived from the document (deterministic ids) and then clears the flag. No dual write, and a repeat after a crash
 * is a duplicate consumers drop.
 */
public class DocumentOutbox implements Outbox<String> {

    public static final String PENDING = "publicationPending";

    private final String name;
    private final String collection;
    private final MongoTemplate mongo;
    private final Function<Document, List<? extends EventEnvelope<?>>> events;

    public DocumentOutbox(String name, String collection, MongoTemplate mongo,
                          Function<Document, List<? extends EventEnvelope<?>>> events) {
        this.name = name;
        this.collection = collection;
        this.mongo = mongo;
        this.events = events;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Pending<String>> pending(int limit) {
        List<Pending<String>> pending = new ArrayList<>();
        for (Document document : mongo.getCollection(collection).find(new Document(PENDING, true)).limit(limit)) {
            String id = document.getString("_id");
            pending.add(new Pending<>(id, id, events.apply(document)));
        }
        return pending;
    }

    @Override
    public void published(Pending<String> batch) {
        mongo.getCollection(collection).updateOne(new Document("_id", batch.token()),
                new Document("$set", new Document(PENDING, false)));
    }
}
