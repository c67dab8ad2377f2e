package io.quotaflow.incentive.inquiry;

import java.math.BigDecimal;
import java.time.YearMonth;

/** What clients send about inquiries. */
public final class InquiryRequests {

    private InquiryRequests() {
    }

    /** Opens an inquiry: the statement's period, optionally the line or award disputed, and why. */
    public record Open(String repId, YearMonth period, String lineId, String awardId, String message) {
    }

    /** A note added to the trail. */
    public record Comment(String message) {
    }

    /** A manager's decision: ACCEPTED with the adjustment's amount (negative takes back), or REJECTED with why. */
    public record Resolve(String decision, BigDecimal amount, String reason) {
    }
}
