package io.quotaflow.incentive.close;

import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.LineSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rank and team awards a close made: lines of the closed period's statements. */
@Component
class CloseLines implements LineSource {

    private final Closes closes;

    CloseLines(Closes closes) {
        this.closes = closes;
    }

    @Override
    public List<StatementLine> paidIn(String payeeId, YearMonth period) {
        return all(period).stream().filter(line -> line.payeeId().equals(payeeId)).toList();
    }

    @Override
    public List<AwardView> earnedIn(String payeeId, YearMonth period) {
        return paidIn(payeeId, period).stream().map(AwardView::of).toList();
    }

    @Override
    public Set<String> payees(YearMonth period) {
        return all(period).stream().map(StatementLine::payeeId).collect(Collectors.toSet());
    }

    private List<StatementLine> all(YearMonth period) {
        return closes.find(period).map(Closes::lines).orElse(List.of());
    }
}
