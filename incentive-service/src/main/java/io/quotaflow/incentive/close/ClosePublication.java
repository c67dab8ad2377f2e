package io.quotaflow.incentive.close;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.incentive.PeriodClosed;
import io.quotaflow.incentive.award.IncentiveCollections;
import io.quotaflow.incentive.publication.DocumentOutbox;
import io.quotaflow.platform.messaging.EventPublisher;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what a completed close stored (its rank and team awards, then {@code PeriodClosed}) through the
 * platform's outbox relay, with ids derived from the period.
 */
@Component
class ClosePublication extends DocumentOutbox {

    ClosePublication(MongoTemplate mongo, EventPublisher publisher) {
        super("period-closes", IncentiveCollections.CLOSES, mongo, close -> events(close, publisher));
    }

    private static List<EventEnvelope<?>> events(Document close, EventPublisher publisher) {
        String period = close.getString("_id");
        Instant closedAt = close.getDate("closedAt").toInstant();
        List<EventEnvelope<?>> events = new ArrayList<>();
        Closes.lines(close).forEach(line -> events.add(line.event(publisher)));
        events.add(publisher.envelope(EventIds.of("period-closed", period), closedAt, new PeriodClosed(
                YearMonth.parse(period), close.getInteger("awardCount"),
                close.get("totalAmount", Decimal128.class).bigDecimalValue(), close.getString("currency"),
                close.getString("closedBy"), closedAt)));
        return events;
    }
}
