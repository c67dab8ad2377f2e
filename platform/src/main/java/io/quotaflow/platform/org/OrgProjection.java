package io.quotaflow.platform.org;

import io.quotaflow.events.EventCodec;
import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Delivery;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;
import io.quotaflow.platform.consumption.Projection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Keeps the latest revision of every org entity in the service's {@code org_entities} collection (one document
 * per entity key, holding the event as it was published), and refreshes the in-memory directory once a chunk is
 * applied. An older revision arriving late (a republish) changes nothing.
 */
final class OrgProjection implements Projection<OrgEvent> {

    static final String ENTITIES = "org_entities";

    private final EventCodec codec;
    private final MongoOrgDirectory directory;

    OrgProjection(EventCodec codec, MongoOrgDirectory directory) {
        this.codec = codec;
        this.directory = directory;
    }

    @Override
    public Set<String> collections() {
        return Set.of(ENTITIES);
    }

    @Override
    public void prefetch(List<Delivery<OrgEvent>> deliveries, Prefetch prefetch) {
        deliveries.forEach(delivery -> prefetch.need(ENTITIES, delivery.payload().entityKey()));
    }

    @Override
    public void apply(Delivery<OrgEvent> delivery, Batch batch) {
        OrgEvent event = delivery.payload();
        Doc entity = batch.doc(ENTITIES, event.entityKey());
        if (entity.has("revision") && entity.count("revision") >= event.revision()) {
            return;
        }
        entity.set("type", event.getClass().getSimpleName())
                .set("revision", event.revision())
                .set("event", new String(codec.encode(delivery.envelope()), StandardCharsets.UTF_8));
    }

    @Override
    public void afterApplied(String topicPartition) {
        directory.reload();
    }
}
