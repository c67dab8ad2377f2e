package io.quotaflow.kpi.review.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why revenue and cash missed (or beat) their targets, split into drivers that add up exactly, to the cent, to the
 * gap ({@code actual - target}: negative is a shortfall).
 *
 * <p><b>Revenue</b> = leads × conversion × average deal size, where conversion = deals won / leads of the month and
 * average deal size = revenue / deals won. The target is read as the same product at the scope's usual conversion
 * and deal size (those of the trailing months given as history): the leads it needed = target / (usual conversion ×
 * usual deal size). The gap is split between LEAD_VOLUME (needed → actual leads), CONVERSION (usual → actual) and
 * DEAL_SIZE (usual → actual) by the Shapley value ({@link Shapley}); DEAL_SIZE takes the rounding remainder.
 * Without history the usual deal size is the target over the DEALS target when there is one, else the month's own,
 * and the usual conversion is the month's own (the gap then lies in lead volume). Edge cases: a month without
 * leads but with deals (won from earlier leads) is split between DEAL_VOLUME and DEAL_SIZE; a month with neither
 * leads nor deals keeps the usual conversion and deal size (the gap is lead volume); a month without deals and
 * without any usual conversion puts the whole gap on CONVERSION (leads came, none converted) or LEAD_VOLUME (no
 * leads); deals worth nothing and no usual deal size put it on DEAL_SIZE.
 *
 * <p><b>Cash</b> = revenue × collection rate (collected / revenue won). The collections target is read as the
 * revenue target times the rate it implies; the gap is split between REVENUE and COLLECTION_LAG by the Shapley value
 * (COLLECTION_LAG takes the remainder). Without a revenue target, or without revenue in the month, the whole cash gap
 * is COLLECTION_LAG.
 */
public final class GapAnalysis {

    public static final String LEAD_VOLUME = "LEAD_VOLUME";
    public static final String CONVERSION = "CONVERSION";
    public static final String DEAL_SIZE = "DEAL_SIZE";
    public static final String DEAL_VOLUME = "DEAL_VOLUME";
    public static final String REVENUE = "REVENUE";
    public static final String COLLECTION_LAG = "COLLECTION_LAG";
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final int MONEY = 2;

    private GapAnalysis() {
    }

    /** Leads, deals won and revenue of a month, or summed over the trailing months. */
    public record Funnel(long leads, long deals, BigDecimal revenue) {
    }

    /** One driver: its share of the gap, and the value it moved from (baseline) and to (actual). */
    public record Driver(String name, BigDecimal amount, BigDecimal baseline, BigDecimal actual) {
    }

    /** A gap and its drivers; {@code drivers} sum exactly to {@code gap}. */
    public record Split(BigDecimal target, BigDecimal actual, BigDecimal gap, List<Driver> drivers, String method) {
    }

    public static Split revenue(BigDecimal target, Funnel month, Funnel history, BigDecimal dealsTarget) {
        BigDecimal actual = month.revenue().setScale(MONEY, RoundingMode.HALF_UP);
        BigDecimal gap = actual.subtract(target.setScale(MONEY, RoundingMode.HALF_UP));
        BigDecimal leads = BigDecimal.valueOf(month.leads());
        BigDecimal deals = BigDecimal.valueOf(month.deals());
        BigDecimal actualSize = month.deals() > 0 ? divide(month.revenue(), deals) : null;
        BigDecimal usualSize = firstPositive(
                history.deals() > 0 ? divide(history.revenue(), BigDecimal.valueOf(history.deals())) : null,
                dealsTarget != null && dealsTarget.signum() > 0 ? divide(target, dealsTarget) : null, actualSize);
        BigDecimal actualConversion = month.leads() > 0 ? divide(deals, leads) : null;
        BigDecimal usualConversion = firstPositive(history.leads() > 0 && history.deals() > 0
                ? divide(BigDecimal.valueOf(history.deals()), BigDecimal.valueOf(history.leads())) : null,
                actualConversion);
        if (actualSize == null) {
            actualSize = usualSize;
        }
        String shapley = "Shapley split of revenue = leads × conversion × average deal size against the target at the "
                + "usual conversion and deal size; the last driver takes the rounding remainder";
        if (month.leads() == 0 && month.deals() > 0 && usualSize != null) {
            BigDecimal neededDeals = divide(target, usualSize);
            List<Shapley.Factor> factors = List.of(new Shapley.Factor(DEAL_VOLUME, neededDeals, deals),
                    new Shapley.Factor(DEAL_SIZE, usualSize, actualSize));
            return split(target, actual, gap, factors, "no leads this month: Shapley split of revenue = deals × "
                    + "average deal size; the last driver takes the rounding remainder");
        }
        if (usualConversion == null || usualSize == null) {
            String name = month.leads() > 0 ? CONVERSION : month.deals() > 0 ? DEAL_SIZE : LEAD_VOLUME;
            return new Split(target, actual, gap, List.of(new Driver(name, gap, null, null)),
                    "no usual conversion or deal size to compare with: the whole gap is " + name);
        }
        if (actualConversion == null) {
            // no leads and no deals: nothing converted or not; the gap is all lead volume
            actualConversion = usualConversion;
        }
        BigDecimal neededLeads = divide(target, usualConversion.multiply(usualSize, PRECISION));
        List<Shapley.Factor> factors = List.of(new Shapley.Factor(LEAD_VOLUME, neededLeads, leads),
                new Shapley.Factor(CONVERSION, usualConversion, actualConversion),
                new Shapley.Factor(DEAL_SIZE, usualSize, actualSize));
        return split(target, actual, gap, factors, shapley);
    }

    public static Split cash(BigDecimal collectionsTarget, BigDecimal revenueTarget, BigDecimal collected,
                             BigDecimal revenue) {
        BigDecimal actual = collected.setScale(MONEY, RoundingMode.HALF_UP);
        BigDecimal gap = actual.subtract(collectionsTarget.setScale(MONEY, RoundingMode.HALF_UP));
        if (revenueTarget == null || revenueTarget.signum() <= 0 || revenue.signum() <= 0) {
            return new Split(collectionsTarget, actual, gap, List.of(new Driver(COLLECTION_LAG, gap, null, null)),
                    "no revenue target or no revenue: the whole cash gap is COLLECTION_LAG");
        }
        List<Shapley.Factor> factors = List.of(new Shapley.Factor(REVENUE, revenueTarget, revenue),
                new Shapley.Factor(COLLECTION_LAG, divide(collectionsTarget, revenueTarget), divide(collected, revenue)));
        return split(collectionsTarget, actual, gap, factors, "Shapley split of collections = revenue × collection "
                + "rate against the target; the last driver takes the rounding remainder");
    }

    private static Split split(BigDecimal target, BigDecimal actual, BigDecimal gap, List<Shapley.Factor> factors,
                               String method) {
        Map<String, BigDecimal> shares = Shapley.split(factors, gap, MONEY);
        List<Driver> drivers = new ArrayList<>();
        for (Shapley.Factor factor : factors) {
            drivers.add(new Driver(factor.name(), shares.get(factor.name()), round(factor.baseline()),
                    round(factor.actual())));
        }
        return new Split(target, actual, gap, drivers, method);
    }

    /** The first of the values that is positive; {@code null} when none is. */
    private static BigDecimal firstPositive(BigDecimal... values) {
        for (BigDecimal value : values) {
            if (value != null && value.signum() > 0) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, PRECISION);
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP);
    }
}
