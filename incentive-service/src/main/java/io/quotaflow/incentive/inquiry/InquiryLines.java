package io.quotaflow.incentive.inquiry;

import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.LineSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The adjustments accepted inquiries paid: lines of the statements they were paid in. */
@Component
class InquiryLines implements LineSource {

    private final Inquiries inquiries;

    InquiryLines(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public List<StatementLine> paidIn(String payeeId, YearMonth period) {
        return inquiries.adjustments(payeeId, "payPeriod", period);
    }

    @Override
    public List<AwardView> earnedIn(String payeeId, YearMonth period) {
        return inquiries.adjustments(payeeId, "earnedIn", period).stream().map(AwardView::of).toList();
    }

    @Override
    public Set<String> payees(YearMonth period) {
        return inquiries.adjustments(null, "payPeriod", period).stream().map(StatementLine::payeeId).collect(Collectors.toSet());
    }
}
