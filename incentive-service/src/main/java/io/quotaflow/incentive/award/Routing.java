package io.quotaflow.incentive.award;

import io.quotaflow.platform.consumption.Batch;
import io.quotaflow.platform.consumption.Doc;
import io.quotaflow.platform.consumption.Prefetch;

import java.time.YearMonth;

/**
 * Which statement pays a change: the period it was earned in while that period is open, otherwise the next open
 * one (an adjustment) — a closed statement is never edited. A period is closed from the moment its close begins
 * ({@code CLOSING}): the close waits until every change read as "open" before that is applied, so nothing lands in
 * it after it froze. Reads the close documents a projection prefetched ({@link #need}).
 */
final class Routing {

    /** How many periods after a closed one are looked at for an open one. */
    static final int AHEAD = 4;

    private final Batch batch;

    Routing(Batch batch) {
        this.batch = batch;
    }

    /** Asks for the close documents {@link #payPeriod} reads for changes earned in {@code period}. */
    static void need(Prefetch prefetch, YearMonth period) {
        for (int i = 0; i <= AHEAD; i++) {
            prefetch.need(IncentiveCollections.CLOSES, period.plusMonths(i).toString());
            prefetch.need(IncentiveCollections.PAYEES, period.plusMonths(i).toString());
        }
    }

    boolean closed(YearMonth period) {
        Doc close = batch.doc(IncentiveCollections.CLOSES, period.toString());
        return close.loaded() && close.has("status");
    }

    /** The first open period from {@code earnedIn} on. */
    YearMonth payPeriod(YearMonth earnedIn) {
        YearMonth period = earnedIn;
        for (int i = 0; i < AHEAD && closed(period); i++) {
            period = period.plusMonths(1);
        }
        return closed(period) ? period.plusMonths(1) : period;
    }

    /** Records that {@code payeeId} has something in {@code period} (for the close and the payroll export). */
    void registerPayee(YearMonth period, String payeeId) {
        Doc payees = batch.doc(IncentiveCollections.PAYEES, period.toString());
        if (!payees.loaded() || !payees.list("payees").contains(payeeId)) {
            payees.addToSet("payees", payeeId);
        }
    }
}
