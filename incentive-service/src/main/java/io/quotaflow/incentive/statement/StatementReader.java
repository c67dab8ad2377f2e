package io.quotaflow.incentive.statement;

import io.quotaflow.incentive.award.IncentiveCollections;
import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/** Statements, awards and period states, read by {@code _id} from every {@link LineSource}. */
@Service
public class StatementReader {

    private final List<LineSource> sources;
    private final MongoTemplate mongo;
    private final Access access;

    StatementReader(List<LineSource> sources, MongoTemplate mongo, Access access) {
        this.sources = sources;
        this.mongo = mongo;
        this.access = access;
    }

    public PeriodState period(YearMonth period) {
        Document close = mongo.getCollection(IncentiveCollections.CLOSES).find(new Document("_id", period.toString())).first();
        if (close == null) {
            return new PeriodState(period, PeriodState.OPEN, null, null);
        }
        Date closedAt = close.getDate("closedAt");
        return new PeriodState(period, close.getString("status"), closedAt == null ? null : closedAt.toInstant(),
                close.getString("closedBy"));
    }

    /** The statement, for whoever may see it. */
    public Statement statement(String payeeId, YearMonth period, Caller caller) {
        access.requirePayee(caller, payeeId, period);
        return statement(payeeId, period);
    }

    public Statement statement(String payeeId, YearMonth period) {
        return Statement.of(payeeId, period(period), lines(payeeId, period));
    }

    public List<StatementLine> lines(String payeeId, YearMonth period) {
        List<StatementLine> lines = new ArrayList<>();
        sources.forEach(source -> lines.addAll(source.paidIn(payeeId, period)));
        return lines;
    }

    /** The awards earned in the period by one payee, or (no payee) by everyone the caller may see. */
    public List<AwardView> awards(String payeeId, YearMonth period, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        List<String> payees;
        if (payeeId != null) {
            access.requirePayee(caller, payeeId, period);
            payees = List.of(payeeId);
        } else if (caller.has(Role.REP) && !caller.isAdmin() && !caller.has(Role.MANAGER)) {
            payees = caller.repId() == null ? List.of() : List.of(caller.repId());
        } else {
            payees = payees(period).stream().filter(payee -> access.canSeePayee(caller, payee, period)).toList();
        }
        List<AwardView> awards = new ArrayList<>();
        for (String payee : payees) {
            sources.forEach(source -> awards.addAll(source.earnedIn(payee, period)));
        }
        awards.sort(Comparator.comparing(AwardView::repId).thenComparing(AwardView::awardId));
        return awards;
    }

    /** Everyone with anything in the period. */
    public List<String> payees(YearMonth period) {
        java.util.Set<String> payees = new java.util.TreeSet<>();
        sources.forEach(source -> payees.addAll(source.payees(period)));
        return List.copyOf(payees);
    }
}
