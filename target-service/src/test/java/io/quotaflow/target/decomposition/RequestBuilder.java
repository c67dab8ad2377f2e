package io.quotaflow.target.decomposition;

import static io.quotaflow.target.decomposition.Decimals.decimal;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Builds decomposition requests for tests. By default: 3,000,000.00 for February 2027 (four full ISO
 * weeks, 20 working days) over {@link OrgMother#eastAndWestWithSixReps()}, with default levels,
 * allocation, calendar and ramp, and no history.
 */
final class RequestBuilder {

    static final YearMonth FEBRUARY_2027 = YearMonth.of(2027, 2);

    private YearMonth period = FEBRUARY_2027;
    private BigDecimal total = decimal("3000000.00");
    private int scale = 2;
    private Levels levels = Levels.DEFAULT;
    private Allocation allocation = Allocation.DEFAULT;
    private OrgSnapshot org = OrgMother.eastAndWestWithSixReps();
    private History history = History.NONE;
    private WorkCalendar calendar = WorkCalendar.STANDARD;
    private RampPolicy ramp = RampPolicy.DEFAULT;

    static RequestBuilder aRequest() {
        return new RequestBuilder();
    }

    RequestBuilder period(YearMonth period) {
        this.period = period;
        return this;
    }

    RequestBuilder total(String total) {
        return total(decimal(total));
    }

    RequestBuilder total(BigDecimal total) {
        this.total = total;
        return this;
    }

    RequestBuilder scale(int scale) {
        this.scale = scale;
        return this;
    }

    RequestBuilder levels(String base, String challenge) {
        this.levels = new Levels(decimal(base), decimal(challenge));
        return this;
    }

    RequestBuilder allocation(Allocation allocation) {
        this.allocation = allocation;
        return this;
    }

    RequestBuilder org(OrgSnapshot org) {
        this.org = org;
        return this;
    }

    RequestBuilder org(OrgBuilder org) {
        return org(org.build());
    }

    RequestBuilder history(History history) {
        this.history = history;
        return this;
    }

    RequestBuilder calendar(WorkCalendar calendar) {
        this.calendar = calendar;
        return this;
    }

    RequestBuilder ramp(RampPolicy ramp) {
        this.ramp = ramp;
        return this;
    }

    DecompositionRequest build() {
        return new DecompositionRequest(period, total, scale, levels, allocation, org, history, calendar, ramp);
    }
}
