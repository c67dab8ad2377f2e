package io.quotaflow.incentive.award;

import java.time.YearMonth;

/**
 * The documents of incentive-service. The projections' collections are written only through the ledger; the
 * others by the HTTP side. Every hot read is by {@code _id}.
 */
public final class IncentiveCollections {

    /** Per (rep, period): latest attainment per metric, threshold awards, statement lines. Key {@code rep|period}. */
    public static final String REP_KPIS = "rep_kpis";
    /** Per (team, period): latest attainment per metric (for team bonuses). Key {@code team|period}. */
    public static final String TEAM_KPIS = "team_kpis";
    /** Per (rep, period): deal and activity totals, commission and SPIFF awards, statement lines. */
    public static final String REP_SALES = "rep_sales";
    /** Per (rep, deal): the deal, its cancellation, money collected against it, what it credited. */
    public static final String DEALS = "deals";
    /** Per (rep, customer): the won deals that make the customer new, for new-customer awards. */
    public static final String CUSTOMERS = "customers";
    /** Per (rep, period): the rep's targets per metric, highest plan version kept. */
    public static final String TARGETS = "rep_targets";
    /** One per award, under its award id: the unique key of (plan, rule, payee, period, tier). */
    public static final String AWARDS = "awards";
    /** Per period: the payees that have anything in it. */
    public static final String PAYEES = "period_payees";
    /** Per period, written by the period close (HTTP): CLOSING, then CLOSED with its awards. */
    public static final String CLOSES = "period_closes";

    private IncentiveCollections() {
    }

    /** The id of a per-(payee, period) document. */
    public static String id(String payeeId, YearMonth period) {
        return payeeId + "|" + period;
    }
}
