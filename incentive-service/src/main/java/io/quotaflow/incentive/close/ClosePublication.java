package io.quotaflow.incentive.close;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.incentive.PeriodClosed;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.Outbox;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what a completed close stored (its rank and team awards, then {@code PeriodClosed}) through the
 * platform's outbox relay, with ids derived from the period: a repeat after a crash is a duplicate consumers drop.
 */
@Component
class ClosePublication implements Outbox<String> {

    private final Closes closes;
    private final EventPublisher publisher;

    ClosePublication(Closes closes, EventPublisher publisher) {
        this.closes = closes;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "period-closes";
    }

    @Override
    public List<Pending<String>> pending(int limit) {
        return closes.awaitingPublication(limit).stream().map(this::pendingOf).toList();
    }

    @Override
    public void published(Pending<String> batch) {
        closes.published(batch.token());
    }

    private Pending<String> pendingOf(Document close) {
        String period = close.getString("_id");
        Instant closedAt = close.getDate("closedAt").toInstant();
        List<EventEnvelope<?>> events = new ArrayList<>();
        Closes.lines(close).forEach(line -> events.add(line.event(publisher)));
        events.add(publisher.envelope(EventIds.of("period-closed", period), closedAt, new PeriodClosed(
                YearMonth.parse(period), close.getInteger("awardCount"),
                close.get("totalAmount", Decimal128.class).bigDecimalValue(), close.getString("currency"),
                close.getString("closedBy"), closedAt)));
        return new Pending<>(period, period, events);
    }
}
