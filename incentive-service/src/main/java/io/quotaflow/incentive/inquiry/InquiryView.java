package io.quotaflow.incentive.inquiry;

import io.quotaflow.incentive.statement.AwardView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A rep's dispute of a statement (or of one line or award of it), its resolution, the adjustment an accepted one
 * paid, and the audit trail of everything done to it.
 */
public record InquiryView(String inquiryId, String repId, YearMonth period, String lineId, String awardId,
                          String message, String status, String openedBy, Instant openedAt, Resolution resolution,
                          AwardView adjustment, YearMonth adjustmentPaidIn, List<Entry> trail) {

    /** ACCEPTED (with the adjustment's signed amount) or REJECTED (with the reason). */
    public record Resolution(String decision, BigDecimal amount, String currency, String reason, String by,
                             Instant at) {
    }

    /** One thing done to the inquiry: OPENED, COMMENTED, ACCEPTED, REJECTED. */
    public record Entry(Instant at, String by, String action, String note) {
    }
}
