package io.quotaflow.incentive.close;

import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.PeriodState;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.incentive.statement.StatementReader;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.ConflictException;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Closes a period, idempotently and without losing an event:
 * <ol>
 *   <li>refused until the period's end plus the grace has passed (events may still be arriving);</li>
 *   <li>begins: inserts the close document as CLOSING under the period's id — from then on the ledgers pay every
 *       change to the period as an adjustment in the next open one;</li>
 *   <li>settles: waits until every event delivered before that moment has been applied (the consumer group has
 *       committed past the topics' end offsets read after beginning), or answers 409 and stays CLOSING;</li>
 *   <li>completes: computes rank and team awards and the period's totals and stores them, with the events to
 *       publish, by one conditional write CLOSING → CLOSED. The document is its own outbox: the relay publishes
 *       the awards and {@code PeriodClosed} with deterministic ids.</li>
 * </ol>
 * A second close (or a concurrent one) finds the period CLOSED and answers with it: one set of rank awards, ever.
 */
@Service
@EnableConfigurationProperties(CloseProperties.class)
public class PeriodCloser {

    private final Closes closes;
    private final PeriodAwards periodAwards;
    private final StatementReader statements;
    private final ConsumerProgress progress;
    private final BusinessCalendar calendar;
    private final CloseProperties properties;
    private final String currency;
    private final Clock clock;

    PeriodCloser(Closes closes, PeriodAwards periodAwards, StatementReader statements, ConsumerProgress progress,
                 BusinessCalendar calendar, CloseProperties properties, OrganisationProperties organisation, Clock clock) {
        this.closes = closes;
        this.periodAwards = periodAwards;
        this.statements = statements;
        this.progress = progress;
        this.calendar = calendar;
        this.properties = properties;
        this.currency = organisation.reportingCurrency().getCurrencyCode();
        this.clock = clock;
    }

    public PeriodView close(YearMonth period, Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        Document existing = closes.find(period).orElse(null);
        if (existing != null && PeriodState.CLOSED.equals(existing.getString("status"))) {
            return view(existing);
        }
        Instant now = clock.instant();
        if (existing == null) {
            Instant allowedFrom = calendar.end(period).plus(properties.grace());
            if (now.isBefore(allowedFrom)) {
                throw new ConflictException("period", period + " may still receive events until " + allowedFrom
                        + " (its end plus a grace of " + properties.grace() + "); close it after that");
            }
            closes.begin(period, caller.subject(), now);
        }
        Map<TopicPartition, Long> ends = progress.ends();
        long behind = progress.awaitApplied(ends, properties.settleTimeout());
        if (behind > 0) {
            throw new ConflictException("period", behind + " event(s) delivered before the close are still being "
                    + "applied; " + period + " stays CLOSING (later changes go to the next period) — close it again shortly");
        }
        complete(period, caller.subject(), now);
        return view(closes.find(period).orElseThrow());
    }

    public PeriodView view(YearMonth period, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        return closes.find(period).map(this::view)
                .orElseGet(() -> new PeriodView(period, PeriodState.OPEN, null, null, null, null, null, null, null, List.of()));
    }

    private void complete(YearMonth period, String closedBy, Instant closedAt) {
        Set<String> payees = new TreeSet<>(statements.payees(period));
        List<StatementLine> awards = periodAwards.of(period, payees, closedAt);
        awards.forEach(line -> payees.add(line.payeeId()));
        Set<String> awardIds = new HashSet<>();
        List<Statement.Total> totals = new ArrayList<>();
        for (String payee : payees) {
            List<StatementLine> lines = new ArrayList<>(statements.lines(payee, period));
            awards.stream().filter(line -> line.payeeId().equals(payee)).forEach(lines::add);
            lines.stream().filter(line -> line.status() == io.quotaflow.incentive.award.LineStatus.PAID)
                    .forEach(line -> awardIds.add(line.awardId()));
            totals.addAll(Statement.totals(lines));
        }
        BigDecimal total = Statement.Total.sum(totals).stream().filter(t -> t.currency().equals(currency))
                .map(Statement.Total::net).findFirst().orElse(BigDecimal.ZERO.setScale(2));
        closes.complete(period, new Closes.Completed(awards, awardIds.size(), total, currency, closedBy, closedAt));
    }

    private PeriodView view(Document close) {
        Date requestedAt = close.getDate("requestedAt");
        Date closedAt = close.getDate("closedAt");
        Object total = close.get("totalAmount");
        return new PeriodView(YearMonth.parse(close.getString("_id")), close.getString("status"),
                close.getString("requestedBy"), requestedAt == null ? null : requestedAt.toInstant(),
                close.getString("closedBy"), closedAt == null ? null : closedAt.toInstant(),
                close.getInteger("awardCount"), total instanceof Decimal128 decimal ? decimal.bigDecimalValue() : null,
                close.getString("currency"), Closes.lines(close).stream().map(AwardView::of).toList());
    }
}
