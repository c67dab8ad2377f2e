package io.quotaflow.gateway;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KPI, target and incentive APIs as /work/shared/API.md shapes them, answered by the stub services for the
 * dashboard: team {@link #TEAM} managed by alice, rep {@link #REP}. Revenue grows by the amount of every
 * {@code DEAL_CLOSED} activity that reaches activity-service through the gateway, as it would once kpi-service has
 * counted it.
 */
final class DashboardApis {

    static final String TEAM = "t-east";
    static final String REP = "r-001";
    static final BigDecimal TEAM_REVENUE = new BigDecimal("812000.00");
    static final BigDecimal TEAM_TARGET = new BigDecimal("1000000.00");
    static final BigDecimal REP_REVENUE = new BigDecimal("126000.00");
    static final BigDecimal REP_TARGET = new BigDecimal("150000.00");
    static final List<Integer> FUNNEL = List.of(240, 86, 41, 17);
    static final String ALERT = "r-004 is 23% behind pace";
    static final String STATEMENT_SOURCE = "evt-deal-0042";

    /** The KPI documents are as of this day of the period. */
    private static final int AS_OF_DAY = 20;
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern PERIOD = Pattern.compile("period=(\\d{4}-\\d{2})");

    private final AtomicReference<BigDecimal> closed = new AtomicReference<>(BigDecimal.ZERO);
    /** Plans sales ops created through the dashboard: id to status. */
    private final Map<String, String> drafts = new ConcurrentHashMap<>();
    private final List<String> closedPeriods = new CopyOnWriteArrayList<>();
    private final Map<String, String> incentivePlans = new ConcurrentHashMap<>();

    /** The stubs answer as these APIs from now on. */
    void install(StubServices services) {
        services.answer("kpi-service", this::kpis);
        services.answer("target-service", this::targets);
        services.answer("incentive-service", this::incentives);
        services.answer("activity-service", this::activities);
    }

    Map<String, String> drafts() {
        return Map.copyOf(drafts);
    }

    List<String> closedPeriods() {
        return List.copyOf(closedPeriods);
    }

    Map<String, String> incentivePlans() {
        return Map.copyOf(incentivePlans);
    }

    BigDecimal teamRevenue() {
        return TEAM_REVENUE.add(closed.get());
    }

    BigDecimal repRevenue() {
        return REP_REVENUE.add(closed.get());
    }

    private StubServices.Answer activities(StubServices.Received request) {
        if (!request.method().equals("POST") || !request.path().equals("/api/activities")) {
            return null;
        }
        JsonNode activity = json.readTree(request.body());
        if ("DEAL_CLOSED".equals(activity.path("type").asString()) && REP.equals(activity.path("repId").asString())) {
            closed.accumulateAndGet(new BigDecimal(activity.path("amount").asString("0")), BigDecimal::add);
        }
        return answer(202, Map.of("eventId", "evt-" + activity.path("externalId").asString(), "duplicate", false));
    }

    private StubServices.Answer kpis(StubServices.Received request) {
        YearMonth period = period(request);
        String path = request.path();
        if (path.equals("/api/kpis/teams/" + TEAM)) {
            return answer(200, scope("TEAM", TEAM, period, teamRevenue(), TEAM_TARGET));
        }
        if (path.equals("/api/kpis/reps/" + REP)) {
            return answer(200, scope("REP", REP, period, repRevenue(), REP_TARGET));
        }
        if (path.equals("/api/kpis/company")) {
            return answer(200, scope("COMPANY", "company", period, teamRevenue().add(new BigDecimal("1410000.00")),
                    new BigDecimal("3000000.00")));
        }
        if (path.equals("/api/kpis/leaderboard")) {
            return answer(200, obj("period", period.toString(), "metric", "REVENUE", "rows", List.of(
                    obj("rank", 1, "repId", "r-002", "name", "Chen Jing", "actual", "231000.00", "attainment", 1.04),
                    obj("rank", 2, "repId", REP, "name", "Li Wei", "actual", money(repRevenue()),
                            "attainment", ratio(repRevenue(), REP_TARGET)),
                    obj("rank", 3, "repId", "r-003", "name", "Zhao Min", "actual", "104000.00", "attainment", 0.69),
                    obj("rank", 4, "repId", "r-004", "name", "Sun Hao", "actual", "88000.00", "attainment", 0.59))));
        }
        if (path.equals("/api/kpis/funnel")) {
            List<String> stages = List.of("LEAD", "QUALIFIED", "OPPORTUNITY", "WON");
            List<Object> overall = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                overall.add(obj("stage", stages.get(i), "count", FUNNEL.get(i)));
            }
            return answer(200, obj("period", period.toString(), "stages", overall, "channels", List.of(
                    obj("channel", "SHORT_VIDEO", "stages", obj("LEAD", 96, "QUALIFIED", 30, "OPPORTUNITY", 14, "WON", 5)),
                    obj("channel", "LIVESTREAM", "stages", obj("LEAD", 64, "QUALIFIED", 25, "OPPORTUNITY", 12, "WON", 6)),
                    obj("channel", "REFERRAL", "stages", obj("LEAD", 40, "QUALIFIED", 21, "OPPORTUNITY", 11, "WON", 5)),
                    obj("channel", "SEARCH_ADS", "stages", obj("LEAD", 40, "QUALIFIED", 10, "OPPORTUNITY", 4, "WON", 1)))));
        }
        if (path.equals("/api/kpis/alerts")) {
            return answer(200, List.of(
                    obj("type", "PACE_BEHIND", "severity", "HIGH", "scope", obj("type", "REP", "id", "r-004"),
                            "message", ALERT, "detectedAt", period + "-18T01:00:00Z",
                            "evidence", obj("expectedToDate", "115000.00", "actual", "88000.00", "pace", 0.77)),
                    obj("type", "ACTIVITY_DROP", "severity", "MEDIUM", "scope", obj("type", "REP", "id", "r-003"),
                            "message", "Calls by r-003 fell 40% week on week", "detectedAt", period + "-19T01:00:00Z",
                            "evidence", obj("thisWeek", 36, "lastWeek", 60))));
        }
        if (path.equals("/api/kpis/customers/tiers")) {
            List<Object> customers = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                customers.add(obj("customerId", "c-" + i, "tier", i <= 6 ? "A" : i <= 17 ? "B" : "C"));
            }
            return answer(200, obj("customers", customers));
        }
        if (path.equals("/api/kpis/customers/high-intent")) {
            return answer(200, List.of(
                    obj("customerId", "c-12", "name", "Hangzhou Bright Foods", "repId", REP, "score", 71, "tier", "B",
                            "lastSignal", "SITE_VISIT", "lastSignalAt", period + "-19T06:00:00Z"),
                    obj("customerId", "c-3", "name", "Suzhou Lotus Retail", "repId", REP, "score", 88, "tier", "A",
                            "lastSignal", "CONTENT_DOWNLOAD", "lastSignalAt", period + "-19T09:30:00Z"),
                    obj("customerId", "c-27", "name", "Ningbo Harbour Trading", "repId", "r-002", "score", 64,
                            "tier", "C", "lastSignal", "EMAIL_CLICK", "lastSignalAt", period + "-18T02:00:00Z")));
        }
        if (path.equals("/api/kpis/review")) {
            return answer(200, obj("period", period.toString(), "target", "1000000.00", "actual", "812000.00",
                    "gap", "-188000.00", "drivers", List.of(
                            obj("driver", "LEADS", "amount", "-90000.00"),
                            obj("driver", "CONVERSION", "amount", "-60000.00"),
                            obj("driver", "DEAL_SIZE", "amount", "12000.00"),
                            obj("driver", "COLLECTIONS", "amount", "-50000.00")),
                    "channels", List.of(
                            obj("channel", "SHORT_VIDEO", "leads", 96, "won", 5, "revenue", "210000.00", "conversion", 0.052),
                            obj("channel", "REFERRAL", "leads", 40, "won", 5, "revenue", "260000.00", "conversion", 0.125))));
        }
        return null;
    }

    private StubServices.Answer targets(StubServices.Received request) {
        YearMonth period = period(request);
        if (request.path().equals("/api/targets")) {
            String entity = request.query().contains("entityType=REP") ? REP : TEAM;
            BigDecimal monthly = entity.equals(REP) ? REP_TARGET : TEAM_TARGET;
            return answer(200, List.of(assigned(period, entity.equals(REP) ? "REP" : "TEAM", entity, monthly)));
        }
        if (request.path().equals("/api/targets/plans:preview") || request.path().equals("/api/targets/plans")
                && request.method().equals("POST")) {
            JsonNode plan = json.readTree(request.body());
            boolean preview = request.path().endsWith(":preview");
            String planId = preview ? null : "p-new-" + (drafts.size() + 1);
            if (!preview) {
                drafts.put(planId, "DRAFT");
            }
            BigDecimal total = new BigDecimal(plan.path("total").asString());
            return answer(preview ? 200 : 201, obj("planId", planId, "name", plan.path("name").asString(),
                    "period", plan.path("period").asString(), "metric", plan.path("metric").asString(), "total",
                    money(total), "currency", "CNY", "status", "DRAFT", "version", 1, "nodes", List.of(
                            obj("entityType", "COMPANY", "entityId", "company", "name", "Company", "monthly", money(total)),
                            obj("entityType", "TEAM", "entityId", TEAM, "name", "East",
                                    "monthly", money(total.multiply(new BigDecimal("0.4")))),
                            obj("entityType", "TEAM", "entityId", "t-west", "name", "West",
                                    "monthly", money(total.multiply(new BigDecimal("0.6")))))));
        }
        Matcher approval = Pattern.compile("/api/targets/plans/([^/]+)/approve").matcher(request.path());
        if (approval.matches() && request.method().equals("POST")) {
            drafts.replace(approval.group(1), "APPROVED");
            return answer(200, obj("planId", approval.group(1), "status", "APPROVED", "version", 1));
        }
        if (request.path().equals("/api/targets/plans")) {
            List<Object> plans = new ArrayList<>();
            plans.add(obj("planId", "p-" + period, "name", period + " revenue", "period", period.toString(),
                    "metric", "REVENUE", "total", "3000000.00", "currency", "CNY", "status", "APPROVED", "version", 1,
                    "publication", "PUBLISHED"));
            drafts.forEach((id, status) -> plans.add(obj("planId", id, "name", id, "period", period.toString(),
                    "metric", "REVENUE", "total", "3300000.00", "currency", "CNY", "status", status, "version", 1)));
            return answer(200, plans);
        }
        if (request.path().equals("/api/targets/plans/p-" + period + "/table")) {
            return answer(200, obj("planId", "p-" + period, "version", 1, "period", period.toString(), "metric", "REVENUE",
                    "currency", "CNY", "rows", List.of(
                            tableRow("TEAM", TEAM, "East", "alice", "1000000.00", "Renewals first"),
                            tableRow("REP", REP, "Li Wei", "Li Wei", "150000.00", "Two demos a day"),
                            tableRow("REP", "r-002", "Chen Jing", "Chen Jing", "220000.00", ""))));
        }
        if (request.path().equals("/api/org/teams")) {
            return answer(200, List.of(obj("id", TEAM, "name", "East"), obj("id", "t-west", "name", "West")));
        }
        return null;
    }

    private StubServices.Answer incentives(StubServices.Received request) {
        Matcher close = Pattern.compile("/api/incentives/periods/(\\d{4}-\\d{2})/close").matcher(request.path());
        if (close.matches() && request.method().equals("POST")) {
            closedPeriods.add(close.group(1));
            return answer(200, obj("period", close.group(1), "status", "CLOSED"));
        }
        if (request.path().startsWith("/api/incentives/plans/") && request.method().equals("PUT")) {
            String planId = request.path().substring("/api/incentives/plans/".length());
            incentivePlans.put(planId, json.readTree(request.body()).path("name").asString());
            return answer(200, obj("planId", planId, "version", 1));
        }
        if (request.path().equals("/api/incentives/statements/" + REP)) {
            return answer(200, obj("repId", REP, "period", period(request).toString(), "currency", "CNY",
                    "lines", List.of(
                            obj("ruleId", "base-bonus", "sourceEventIds", List.of("evt-attainment-0080"), "amount", "2000.00"),
                            obj("ruleId", "commission", "sourceEventIds", List.of(STATEMENT_SOURCE), "amount", "3780.00"),
                            obj("ruleId", "new-customer", "sourceEventIds", List.of("evt-deal-0051"), "amount", "500.00")),
                    "total", "6280.00"));
        }
        return null;
    }

    private static Map<String, Object> scope(String type, String id, YearMonth period, BigDecimal actual,
                                             BigDecimal target) {
        BigDecimal expected = target.multiply(new BigDecimal("0.62")).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("REVENUE", metric(actual, target, expected));
        metrics.put("GROSS_MARGIN", metric(actual.multiply(new BigDecimal("0.41")).setScale(2, RoundingMode.HALF_UP),
                target.multiply(new BigDecimal("0.42")).setScale(2, RoundingMode.HALF_UP),
                expected.multiply(new BigDecimal("0.42")).setScale(2, RoundingMode.HALF_UP)));
        metrics.put("COLLECTIONS", metric(actual.multiply(new BigDecimal("0.83")).setScale(2, RoundingMode.HALF_UP),
                target.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP),
                expected.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP)));
        metrics.put("CALLS", obj("actual", "412", "target", "600", "attainment", 0.687, "pace", 1.1));
        // Slack early, rush late: each week to date brings more than the one before (1, 2, 3, ... parts).
        List<LocalDate> toDate = workingDays(period).stream().filter(day -> day.getDayOfMonth() <= AS_OF_DAY).toList();
        List<String> weeks = toDate.stream().map(DashboardApis::week).distinct().toList();
        int parts = weeks.size() * (weeks.size() + 1) / 2;
        List<Object> weekly = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            String week = weeks.get(i);
            long daysInWeek = workingDays(period).stream().filter(day -> week(day).equals(week)).count();
            BigDecimal weekTarget = target.multiply(BigDecimal.valueOf(daysInWeek))
                    .divide(BigDecimal.valueOf(workingDays(period).size()), 2, RoundingMode.HALF_UP);
            weekly.add(obj("week", week, "metrics", obj("REVENUE", obj(
                    "actual", money(actual.multiply(BigDecimal.valueOf(i + 1)).divide(BigDecimal.valueOf(parts), 2,
                            RoundingMode.HALF_UP)), "target", money(weekTarget)))));
        }
        return obj("scope", obj("type", type, "id", id), "period", period.toString(), "asOf", period.atDay(AS_OF_DAY) + "T02:00:00Z",
                "metrics", metrics,
                "rates", obj("leadToQualified", 0.358, "qualifiedToWon", 0.198, "avgDealSize", "47764.71",
                        "avgSalesCycleDays", 18.5, "collectionRate", 0.83),
                "weekly", weekly);
    }

    private static Map<String, Object> metric(BigDecimal actual, BigDecimal target, BigDecimal expected) {
        return obj("actual", money(actual), "target", money(target),
                "base", money(target.multiply(new BigDecimal("0.8"))),
                "challenge", money(target.multiply(new BigDecimal("1.2"))),
                "attainment", ratio(actual, target), "expectedToDate", money(expected),
                "pace", ratio(actual, expected), "projected", money(actual.multiply(new BigDecimal("1.45"))));
    }

    private static Map<String, Object> assigned(YearMonth period, String type, String id, BigDecimal monthly) {
        List<LocalDate> days = workingDays(period);
        BigDecimal each = monthly.divide(BigDecimal.valueOf(days.size()), 2, RoundingMode.DOWN);
        List<Object> daily = new ArrayList<>();
        Map<String, BigDecimal> byWeek = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            BigDecimal amount = i == days.size() - 1 ? monthly.subtract(each.multiply(BigDecimal.valueOf(i))) : each;
            daily.add(obj("date", days.get(i).toString(), "amount", money(amount)));
            byWeek.merge(week(days.get(i)), amount, BigDecimal::add);
        }
        List<Object> weekly = new ArrayList<>();
        byWeek.forEach((week, amount) -> weekly.add(obj("week", week, "amount", money(amount))));
        return obj("planId", "p-" + period, "planVersion", 1, "period", period.toString(), "metric", "REVENUE",
                "entityType", type, "entityId", id, "monthly", money(monthly), "currency", "CNY", "daily", daily,
                "weekly", weekly);
    }

    private static List<LocalDate> workingDays(YearMonth period) {
        return period.atDay(1).datesUntil(period.atEndOfMonth().plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .toList();
    }

    private static Map<String, Object> tableRow(String type, String id, String name, String responsible,
                                                String monthly, String strategy) {
        return obj("entityType", type, "entityId", id, "name", name, "responsible", responsible, "targetType", "REVENUE",
                "monthlyTarget", monthly, "weeklyAverage", money(new BigDecimal(monthly).divide(new BigDecimal("4.2"),
                        2, RoundingMode.HALF_UP)), "keyStrategy", strategy);
    }

    private static String week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static YearMonth period(StubServices.Received request) {
        Matcher matcher = PERIOD.matcher(request.query() == null ? "" : request.query());
        return matcher.find() ? YearMonth.parse(matcher.group(1)) : YearMonth.now();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static double ratio(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
    }

    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static StubServices.Answer answer(int status, Object body) {
        return StubServices.Answer.json(status, json.writeValueAsString(body));
    }
}
