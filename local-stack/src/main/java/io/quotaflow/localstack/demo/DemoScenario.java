package io.quotaflow.localstack.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every knob of the demo month in one place: the organisation, how busy and how good the reps are, and how the
 * quirks that make charts and alerts worth looking at are dosed. The same scenario and month always generate the
 * same activity, to the cent ({@link DemoGenerator}).
 *
 * @param seed             seeds every random draw (each rep draws from its own stream, so adding reps changes no one else's)
 * @param reps             how many reps, spread evenly over the teams in order ({@code r-001} … are in {@code t-east})
 * @param historyMonths    whole months before the demo month, backfilled through the CSV import (0–3)
 * @param newHires         reps (the last of some teams) hired in the last two months, whose targets ramp
 * @param callsPerDay      calls per rep and working day at normal effort
 * @param visitsPerDay     visits and meetings per rep and working day
 * @param leadsPerDay      new leads per rep and working day
 * @param qualifyRate      share of leads that qualify
 * @param winRate          share of qualified leads that are won
 * @param conversionDrop   share of the conversion-drop rep's wins lost from a week before the demo month on
 * @param cancelRate       share of won deals cancelled a few days later
 * @param latePaymentRate  share of won deals paid 10–40 days after their due date
 * @param unpaidRate       share of won deals never paid
 * @param promotionShare   share of deals that carry the month's promotion code (at a discount, on a thinner margin)
 * @param bigAccounts      reps with one A-tier customer each, who buys 0.9–1.5 M twice a month (the owner's quota is three times a rep's)
 * @param targetStretch    the revenue target over what the month will bring (0.08: 8 % more)
 */
public record DemoScenario(
        long seed,
        int reps,
        int historyMonths,
        int newHires,
        double callsPerDay,
        double visitsPerDay,
        double leadsPerDay,
        double qualifyRate,
        double winRate,
        double conversionDrop,
        double cancelRate,
        double latePaymentRate,
        double unpaidRate,
        double promotionShare,
        int bigAccounts,
        double targetStretch) {

    /** A region: {@code PUT /api/org/regions/{id}}. */
    public record Region(String id, String name, String marketType, BigDecimal growthRate) {
    }

    /** A product line: margin, strategic priority, and the size of a typical deal. */
    public record ProductLine(String id, String name, BigDecimal grossMargin, int strategicPriority,
                              BigDecimal typicalDeal) {
    }

    /** A team: {@code managerId} is who signs in as its MANAGER. */
    public record Team(String id, String name, String regionId, String managerId) {
    }

    public static final List<Region> REGIONS = List.of(
            new Region("east", "East China", "MATURE", new BigDecimal("0.05")),
            new Region("north", "North China", "MATURE", new BigDecimal("0.08")),
            new Region("west", "West China", "EMERGING", new BigDecimal("0.30")));

    public static final List<ProductLine> PRODUCT_LINES = List.of(
            new ProductLine("pl-saas", "CRM Cloud", new BigDecimal("0.72"), 5, new BigDecimal("48000")),
            new ProductLine("pl-analytics", "Analytics", new BigDecimal("0.58"), 4, new BigDecimal("36000")),
            new ProductLine("pl-services", "Implementation services", new BigDecimal("0.35"), 3, new BigDecimal("60000")),
            new ProductLine("pl-devices", "Smart devices", new BigDecimal("0.22"), 2, new BigDecimal("25000")));

    /** The first team is the one the dashboard's demo manager, alice, signs in to. */
    public static final List<Team> TEAMS = List.of(
            new Team("t-east", "Shanghai enterprise", "east", "alice"),
            new Team("t-jiangsu", "Jiangsu & Zhejiang", "east", "bob"),
            new Team("t-north", "Beijing & Tianjin", "north", "chen"),
            new Team("t-west", "Chengdu & Chongqing", "west", "dong"),
            new Team("t-xian", "Xi'an", "west", "ella"));

    /**
     * The team that works in HubSpot: its reps' deals, stages, leads, calls, meetings and e-mails reach Quotaflow as
     * HubSpot webhooks (everyone else's through Salesforce, the API and the generic webhook). With five reps: r-002.
     */
    public static final String HUBSPOT_TEAM = "t-jiangsu";

    /** Lead channels and how often leads come from each. */
    public static final List<String> LEAD_CHANNELS = List.of("SHORT_VIDEO", "LIVESTREAM", "PRIVATE_DOMAIN",
            "SEARCH_ADS", "OFFLINE_EVENT", "PARTNER", "REFERRAL", "OUTBOUND");
    public static final double[] LEAD_CHANNEL_WEIGHTS = {0.16, 0.10, 0.12, 0.18, 0.08, 0.12, 0.10, 0.14};

    /** Discount of a promoted deal, and how many margin points it costs. */
    public static final BigDecimal PROMOTION_DISCOUNT = new BigDecimal("0.10");
    public static final BigDecimal PROMOTION_MARGIN_CUT = new BigDecimal("0.08");

    public DemoScenario {
        if (reps < 1) {
            throw new IllegalArgumentException("--demo-reps must be at least 1");
        }
        if (historyMonths < 0 || historyMonths > 3) {
            throw new IllegalArgumentException("--demo-history must be 0 to 3 months");
        }
    }

    /** The README's demo: 40 reps over five teams, three months of history. */
    public static DemoScenario standard() {
        return new DemoScenario(20261201L, 40, 3, 4, 5.0, 0.8, 1.2, 0.45, 0.42, 0.5, 0.04, 0.18, 0.04, 0.25, 3,
                0.08);
    }

    /** The same scenario with {@code count} reps: new hires and big accounts scale with the headcount. */
    public DemoScenario withReps(int count) {
        return new DemoScenario(seed, count, historyMonths, Math.min(newHires, count / 8), callsPerDay, visitsPerDay,
                leadsPerDay, qualifyRate, winRate, conversionDrop, cancelRate, latePaymentRate, unpaidRate,
                promotionShare, Math.min(bigAccounts, Math.max(1, count / 13)), targetStretch);
    }

    public DemoScenario withHistoryMonths(int months) {
        return new DemoScenario(seed, reps, months, newHires, callsPerDay, visitsPerDay, leadsPerDay, qualifyRate,
                winRate, conversionDrop, cancelRate, latePaymentRate, unpaidRate, promotionShare, bigAccounts,
                targetStretch);
    }
}
