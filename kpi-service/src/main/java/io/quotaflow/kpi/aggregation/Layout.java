package io.quotaflow.kpi.aggregation;

import io.quotaflow.kpi.aggregation.domain.Scope;

import java.time.YearMonth;
import java.util.List;

/**
 * Where kpi-service keeps its figures. Documents are coarse — one per scope and month — so that a chunk of events
 * touches few of them, and every read is by {@code _id}.
 *
 * <pre>
 * kpi_months   {_id: "REP:r-001|2027-01"}        written blind ($inc), read by the API only
 *   d.&lt;dd&gt;.&lt;m&gt;                 measure m on day dd       (weeks and the month are sums of days)
 *   ch.&lt;CHANNEL&gt;.&lt;m&gt;            month total by lead channel
 *   pr.&lt;promotion&gt;.&lt;m&gt;          month total by promotion code
 *   b.&lt;TYPE&gt;.&lt;id&gt;.&lt;m&gt;           month total by rep (of a team), team (of a region, product line,
 *                                company), region and product line (of the company)
 * kpi_progress {_id: "REP:r-001|2027-01"}        read and written by the projections (small)
 *   a.&lt;METRIC&gt;                  month actual of each target metric
 *   t.&lt;METRIC&gt;                  the target in force: {m, b, c, cur, d: {dd: amount}}
 *   lv.&lt;METRIC&gt;, lvl.&lt;METRIC&gt;     thresholds reached and level announced; n.&lt;METRIC&gt;.* crossings so far
 * kpi_targets  {_id: "REP:r-001|2027-01"}        p.&lt;METRIC&gt;.&lt;planId&gt;: the latest version of each plan
 * kpi_deals    {_id: dealId}                     the facts of a deal (DealFacts)
 * kpi_customers {_id: customerId}                a customer's book: per won deal [sequence, at, amount], the
 *                                                new-customer credit, the owner and the tier (CustomerBook)
 * kpi_customer_deals {_id: "customerId|dealId"}  f: the facts of a counting deal (who, product line, channel)
 * kpi_intent   {_id: "r-001|2027-01"}            c.&lt;customer&gt;.{k.&lt;kind&gt;, n.&lt;kind&gt;, last}: intent signals
 * kpi_tiers    {_id: "t-east|07"}                c.&lt;customer&gt;: {tier, t12m, rep, asOf}: a team's tier list,
 *                                                split by customer into {@link #TIER_BUCKETS} documents ({_id:
 *                                                teamId}: the whole list, as written before the split; still read)
 * kpi_scopes   {_id: "2027-01"}                  s.&lt;TYPE&gt;.&lt;id&gt;: every scope with figures or a target that month
 * </pre>
 */
public final class Layout {

    public static final String MONTHS = "kpi_months";
    public static final String PROGRESS = "kpi_progress";
    public static final String TARGETS = "kpi_targets";
    public static final String DEALS = "kpi_deals";
    public static final String CUSTOMERS = "kpi_customers";
    public static final String CUSTOMER_DEALS = "kpi_customer_deals";
    public static final String INTENT = "kpi_intent";
    public static final String TIERS = "kpi_tiers";
    public static final String SCOPES = "kpi_scopes";

    /** The collections the projections write (through the ledger only). */
    public static final List<String> PROJECTED = List.of(MONTHS, PROGRESS, TARGETS, DEALS, CUSTOMERS, CUSTOMER_DEALS,
            INTENT, TIERS, SCOPES);

    /**
     * How many documents hold a team's tier list. A team's customers grow without bound; one document per team grew to
     * hundreds of kilobytes, rewritten whole whenever one customer changed tier.
     */
    public static final int TIER_BUCKETS = 16;

    private Layout() {
    }

    public static String id(Scope scope, YearMonth period) {
        return scope.key() + "|" + period;
    }

    /** The document of the team's tier list that shows the customer. */
    public static String tierListId(String teamId, String customerId) {
        return tierBucketId(teamId, Math.floorMod(customerId.hashCode(), TIER_BUCKETS));
    }

    /** Every document of the team's tier list: the one written before the split first, then the buckets. */
    public static List<String> tierListIds(String teamId) {
        List<String> ids = new java.util.ArrayList<>(TIER_BUCKETS + 1);
        ids.add(teamId);
        for (int bucket = 0; bucket < TIER_BUCKETS; bucket++) {
            ids.add(tierBucketId(teamId, bucket));
        }
        return ids;
    }

    private static String tierBucketId(String teamId, int bucket) {
        return teamId + "|" + String.format("%02d", bucket);
    }

    public static String intentId(String repId, YearMonth period) {
        return repId + "|" + period;
    }
}
